package org.rencontres.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Everything the public page of a session shows, as the public API gives it: a shape of its own, stable across
 * versions of the pages (and not the back office's session document, which names people's e-mail addresses and the
 * participants' resources). Times are ISO 8601 with their offset; absent parts are null, lists are empty.
 */
@Schema(name = "Session", description = "Une journée publiée, avec tout ce que montre sa page publique.")
record PublicSession(
        @Schema(example = "Z20IN 001", requiredMode = Schema.RequiredMode.REQUIRED) String code,
        @Schema(example = "Z20IN001", requiredMode = Schema.RequiredMode.REQUIRED) String slug,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
        @Schema(nullable = true) String subtitle,
        @Schema(nullable = true) String theme,
        @Schema(description = "PUBLISHED, CANCELLED ou ARCHIVED.", requiredMode = Schema.RequiredMode.REQUIRED) String status,
        @Schema(description = "Le message d'annulation, pour une journée annulée.", nullable = true) String cancellationMessage,
        @Schema(description = "Fuseau horaire des heures.", example = "Europe/Paris", requiredMode = Schema.RequiredMode.REQUIRED) String timeZone,
        @Schema(description = "Les jours de la session, dans l'ordre.", requiredMode = Schema.RequiredMode.REQUIRED) List<Day> days,
        @Schema(description = "Le contexte : paragraphes séparés par une ligne vide, mise en valeur entre astérisques.", nullable = true) String context,
        @Schema(description = "Le public visé.", nullable = true) String audience,
        @Schema(description = "Comment s'inscrire.", nullable = true) String registrationInstructions,
        @Schema(description = "Adresse d'inscription externe.", nullable = true) String registrationUrl,
        @Schema(description = "Si le programme est prévisionnel.", requiredMode = Schema.RequiredMode.REQUIRED) boolean programmeProvisional,
        @Schema(nullable = true) Organisation organiser,
        @Schema(description = "L'unité organisatrice.", nullable = true) String organisingUnit,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Partner> partners,
        @Schema(nullable = true) Venue venue,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Contact> contacts,
        @Schema(description = "Information publique (Qualiopi).", nullable = true) PublicInfo publicInfo,
        @Schema(description = "Les créneaux du programme, jour par jour, dans l'ordre.", requiredMode = Schema.RequiredMode.REQUIRED) List<Slot> programme,
        @Schema(description = "Les rotations de réseautage (speed dating) et leurs thèmes.", requiredMode = Schema.RequiredMode.REQUIRED) List<Networking> networking,
        @Schema(description = "Les ateliers.", requiredMode = Schema.RequiredMode.REQUIRED) List<Workshop> workshops,
        @Schema(description = "Les ressources ouvertes à tous (celles des participants n'y sont pas).", requiredMode = Schema.RequiredMode.REQUIRED) List<Resource> resources,
        @Schema(description = "Adresse de la page publique.", requiredMode = Schema.RequiredMode.REQUIRED) String page,
        @Schema(description = "Adresse du fichier iCalendar de la journée.", requiredMode = Schema.RequiredMode.REQUIRED) String calendar) {

    @Schema(name = "SessionDay")
    record Day(@Schema(example = "2020-06-25", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date,
               @Schema(example = "2020-06-25T09:30:00+02:00", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime start,
               @Schema(example = "2020-06-25T16:30:00+02:00", requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime end) {
    }

    @Schema(name = "Organisation")
    record Organisation(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                        @Schema(nullable = true) String website) {
    }

    @Schema(name = "Partner")
    record Partner(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                   @Schema(nullable = true) String contribution, @Schema(nullable = true) String website) {
    }

    @Schema(name = "Venue")
    record Venue(@Schema(nullable = true) String name, @Schema(nullable = true) String building,
                 @Schema(nullable = true) String street, @Schema(nullable = true) String postcode,
                 @Schema(nullable = true) String city, @Schema(nullable = true) String postalAddress,
                 @Schema(nullable = true) BigDecimal latitude, @Schema(nullable = true) BigDecimal longitude,
                 @Schema(description = "Comment venir, une ligne par moyen de transport.", requiredMode = Schema.RequiredMode.REQUIRED) List<String> access) {
    }

    @Schema(name = "Contact")
    record Contact(@Schema(description = "PROGRAMME ou REGISTRATION.", requiredMode = Schema.RequiredMode.REQUIRED) String purpose,
                   @Schema(nullable = true) String name, @Schema(nullable = true) String role,
                   @Schema(nullable = true) String organisation, @Schema(nullable = true) String phone,
                   @Schema(nullable = true) String email) {
    }

    @Schema(name = "PublicInfo")
    record PublicInfo(@Schema(nullable = true) String objectives, @Schema(nullable = true) String prerequisites,
                      @Schema(nullable = true) String methods, @Schema(nullable = true) String evaluation,
                      @Schema(description = "Durée en heures.", nullable = true) BigDecimal hours,
                      @Schema(description = "Prix en euros.", nullable = true) BigDecimal priceEuros,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean free,
                      @Schema(nullable = true) String priceNote, @Schema(nullable = true) String accessibility,
                      @Schema(description = "Le référent handicap.", nullable = true) DisabilityContact disabilityContact) {
    }

    @Schema(name = "DisabilityContact")
    record DisabilityContact(@Schema(nullable = true) String name, @Schema(nullable = true) String email,
                             @Schema(nullable = true) String phone) {
    }

    @Schema(name = "Slot")
    record Slot(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime start,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime end,
                @Schema(description = "WELCOME, SPEECH, TALK, INTERACTION, SHARING, MEAL, NETWORKING, WORKSHOP, CLOSING ou END.", requiredMode = Schema.RequiredMode.REQUIRED) String kind,
                @Schema(description = "Le format tel que le programme l'imprime.", nullable = true) String format,
                @Schema(nullable = true) String title, @Schema(nullable = true) String description,
                @Schema(description = "Le parcours, pour des créneaux en parallèle.", nullable = true) String track,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean provisional,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean topicsProvisional,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> topics,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<SlotPerson> people) {
    }

    @Schema(name = "SlotPerson")
    record SlotPerson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                      @Schema(description = "SPEAKER, MODERATOR ou HOST.", requiredMode = Schema.RequiredMode.REQUIRED) String role,
                      @Schema(nullable = true) String description, @Schema(nullable = true) String organisation,
                      @Schema(description = "Ce que le programme imprime après la personne (« ou son représentant »).", nullable = true) String representative) {
    }

    @Schema(name = "Networking")
    record Networking(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime start,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime end,
                      @Schema(nullable = true) String title, @Schema(nullable = true) String description,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int groupSize,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int rotationMinMinutes,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int rotationMaxMinutes,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean themesProvisional,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> themes) {
    }

    @Schema(name = "Workshop")
    record Workshop(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime start,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime end,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int number,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
                    @Schema(nullable = true) String description, @Schema(nullable = true) Integer capacity,
                    @Schema(nullable = true) String room,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> facilitators) {
    }

    @Schema(name = "Resource")
    record Resource(@Schema(description = "COMMUNITY_LINK, DOCUMENT, BROCHURE, REGISTRATION_FORM ou LINK.", requiredMode = Schema.RequiredMode.REQUIRED) String kind,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
                    @Schema(nullable = true) String description,
                    @Schema(description = "Le lien, ou l'adresse du fichier déposé.", nullable = true) String url) {
    }
}
