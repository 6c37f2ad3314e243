package org.rencontres.exchange;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A session as one document, format {@value #FORMAT} (its schema: {@code docs/session-document.schema.json}).
 * No database id: people and organisations are named, times are ISO 8601 date-times with their offset.
 * Absent parts are left out of the JSON; lists read as absent are empty here ({@link #orEmpty}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record SessionDocument(String format, String code, String title, String subtitle, String theme, List<String> tags,
                       String timeZone, String context, String audience, String registrationInstructions,
                       String registrationUrl, Boolean programmeProvisional, Organisation organiser,
                       String organisingUnit, Venue venue, List<Contact> contacts, List<Partner> partners,
                       List<Resource> resources, List<Day> days, PublicInfo publicInfo) {

    static final String FORMAT = "rencontres-session/1";

    /** The family of formats: a document of another version of it is refused by name. */
    static final String FORMAT_FAMILY = "rencontres-session/";

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Organisation(String name, String shortName, String kind, String siren) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Person(String givenName, String familyName, String email, String jobTitle, Organisation organisation) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Venue(String name, String building, String street, String postcode, String city, String postalAddress,
                 BigDecimal latitude, BigDecimal longitude, String accessNotes) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Contact(String purpose, String name, String role, String organisation, String phone, String email) {
    }

    /** The public information (Qualiopi, indicator 1); {@code hours} absent when it follows the days. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record PublicInfo(String objectives, String prerequisites, String methods, String evaluation, BigDecimal hours,
                      BigDecimal price, Boolean free, String priceNote, String accessibility,
                      DisabilityContact disabilityContact) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record DisabilityContact(String name, String email, String phone) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Partner(Organisation organisation, String contribution) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Resource(String kind, String title, String description, String url, String visibility) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Day(String date, String start, String end, @JsonInclude(JsonInclude.Include.ALWAYS) List<Slot> slots) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Slot(String start, String end, String kind, String format, String title, String description, String track,
                Boolean provisional, Boolean topicsProvisional, List<String> topics, List<SlotPerson> people,
                Networking networking, List<Workshop> workshops) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SlotPerson(String role, Person person, String description, Organisation organisation,
                      String representative) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Networking(String title, String description, Integer groupSize, Integer rotationMinMinutes,
                      Integer rotationMaxMinutes, Boolean themesProvisional, List<String> themes, Settings settings,
                      List<Table> tables) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Settings(Integer rotationMinutes, Integer changeoverMinutes, Integer rounds, Boolean tableOnce,
                    Boolean separateOrganisations) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Table(String name, String place, Integer capacity, Person host, String theme) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Workshop(Integer number, String title, String description, String writingTemplate, Integer capacity,
                    String room, List<Facilitator> facilitators) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Facilitator(String name, String email) {
    }
}
