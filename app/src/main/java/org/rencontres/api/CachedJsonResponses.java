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
 * The documented answers that every read of the public API shares: 304 when the client's ETag still holds,
 * 406 when the client does not accept JSON. Springdoc reads the responses of this annotation on the operation.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "304", description = "Inchangée depuis l'ETag donné dans If-None-Match.")
@ApiResponse(responseCode = "406", description = "Le client n'accepte pas JSON.",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@interface CachedJsonResponses {
}
