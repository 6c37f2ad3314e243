package org.rencontres.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document of the API, generated from the controllers by springdoc at {@value #DOCUMENT}
 * ({@code springdoc.*} in application.properties), with its readable page (Swagger UI) at {@code /api/v1/docs}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String DOCUMENT = "/api/v1/openapi.json";
    static final String TOKEN = "jeton";

    @Bean
    OpenAPI rencontresOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Rencontres – API")
                .version("1")
                .description("Le catalogue public des journées d'actualité et le contenu de chacune, en lecture, "
                        + "sans compte. Erreurs au format RFC 9457 (application/problem+json), en français. "
                        + "Voir docs/api.md.")
                .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components().addSecuritySchemes(TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Jeton d'accès personnel d'un organisateur (rct_…), créé dans son compte.")));
    }

    /**
     * What every organiser operation shares and the controller's signatures do not say: the session's code in the
     * path (resolved by the back office's guard), the bearer token, and the refusals of the token filter and of
     * the guard (401, 403, 404, 429).
     */
    @Bean
    OperationCustomizer organiserOperations() {
        return (operation, handler) -> {
            if (handler.getBeanType() != OrganiserApiController.class) {
                return operation;
            }
            operation.setParameters(new java.util.ArrayList<>(operation.getParameters() == null
                    ? java.util.List.of() : operation.getParameters()));
            operation.getParameters().add(0, new PathParameter().name("slug").example("z27ap-001")
                    .description("Le code de la session, en minuscules, les espaces en tirets.")
                    .schema(new StringSchema()));
            operation.addSecurityItem(new SecurityRequirement().addList(TOKEN));
            ApiResponses responses = operation.getResponses();
            responses.addApiResponse("401", problem("Jeton absent, mal formé, inconnu, expiré ou révoqué."));
            responses.addApiResponse("403", problem("La session est d'une autre unité organisatrice, ou le jeton, "
                    + "en lecture, ne permet pas d'écrire."));
            responses.addApiResponse("404", problem("Aucune session ne porte ce code, ou l'inscription n'est pas "
                    + "de cette session."));
            responses.addApiResponse("429", problem("Trop de requêtes de ce jeton dans la minute : réessayer après "
                    + "le délai de l'en-tête Retry-After."));
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }
}
