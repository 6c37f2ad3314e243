package org.rencontres.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The documented answers that every movement of a registration through the organiser API shares (advance,
 * confirm, refuse): the registration after the movement, or 409 when its state does not allow it. Springdoc
 * reads the responses of this annotation on the operation; advance and confirm document their 400 by
 * {@link UnreadableRequest}, refuse its own.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "L'inscription après le mouvement.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = OrganiserRegistrationView.class)))
@ApiResponse(responseCode = "409", description = "L'état de la demande ne permet pas ce mouvement.",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@interface MovementResponses {

    /** The 400 of a movement whose body, when sent, is optional (advance, confirm). */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "400", description = "L'identifiant n'est pas un nombre, ou le corps n'est pas du JSON lisible.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @interface UnreadableRequest {
    }
}
