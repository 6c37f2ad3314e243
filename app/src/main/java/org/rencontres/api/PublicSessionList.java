package org.rencontres.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of the catalogue of published sessions, as the public API gives it. */
@Schema(name = "SessionPage", description = "Une page du catalogue des journées publiées.")
record PublicSessionList(
        @Schema(description = "Les journées de la page : à venir d'abord (la plus proche en tête), puis passées (la plus récente en tête).", requiredMode = Schema.RequiredMode.REQUIRED)
        List<Summary> items,
        @Schema(description = "Numéro de la page, à partir de 1.", example = "1", requiredMode = Schema.RequiredMode.REQUIRED)
        int page,
        @Schema(description = "Nombre de journées par page.", example = "20", requiredMode = Schema.RequiredMode.REQUIRED)
        int size,
        @Schema(description = "Nombre de pages (au moins 1).", example = "1", requiredMode = Schema.RequiredMode.REQUIRED)
        int pages,
        @Schema(description = "Nombre total de journées qui répondent aux filtres.", example = "1", requiredMode = Schema.RequiredMode.REQUIRED)
        long total) {

    /** A line of the catalogue. */
    @Schema(name = "SessionSummary", description = "Une journée du catalogue.")
    record Summary(
            @Schema(description = "Code session, tel qu'il est imprimé.", example = "Z20IN 001", requiredMode = Schema.RequiredMode.REQUIRED)
            String code,
            @Schema(description = "Le code session sans espace : l'adresse de la journée.", example = "Z20IN001", requiredMode = Schema.RequiredMode.REQUIRED)
            String slug,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(nullable = true) String subtitle,
            @Schema(nullable = true) String theme,
            @Schema(description = "PUBLISHED, CANCELLED ou ARCHIVED.", example = "PUBLISHED", requiredMode = Schema.RequiredMode.REQUIRED)
            String status,
            @Schema(description = "Premier jour.", example = "2020-06-25", requiredMode = Schema.RequiredMode.REQUIRED)
            LocalDate firstDate,
            @Schema(description = "Dernier jour.", example = "2020-06-25", requiredMode = Schema.RequiredMode.REQUIRED)
            LocalDate lastDate,
            @Schema(description = "Ville du lieu.", nullable = true) String city,
            @Schema(description = "Adresse de la journée dans l'API.", requiredMode = Schema.RequiredMode.REQUIRED)
            String url,
            @Schema(description = "Adresse de la page publique de la journée.", requiredMode = Schema.RequiredMode.REQUIRED)
            String page) {
    }
}
