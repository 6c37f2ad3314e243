package org.rencontres.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document of the API, generated from the controllers by springdoc at {@value #DOCUMENT}
 * ({@code springdoc.*} in application.properties), with its readable page (Swagger UI) at {@code /api/v1/docs}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String DOCUMENT = "/api/v1/openapi.json";

    @Bean
    OpenAPI rencontresOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Rencontres – API")
                .version("1")
                .description("Le catalogue public des journées d'actualité et le contenu de chacune, en lecture, "
                        + "sans compte. Erreurs au format RFC 9457 (application/problem+json), en français. "
                        + "Voir docs/api.md.")
                .license(new License().name("Apache-2.0").identifier("Apache-2.0")));
    }
}
