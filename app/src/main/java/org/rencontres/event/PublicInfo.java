package org.rencontres.event;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.stream.Stream;

import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.Phone;

/**
 * What a training body publishes about a session (Qualiopi, indicator 1). Every part is optional; a
 * session with none of it ({@link #isEmpty()}) shows nothing of it.
 *
 * @param hours the duration in hours; null in what is stored when it follows the session's days
 *              ({@link PublicInformation#of} fills it in then)
 * @param priceEuros what the session costs, or null when no price is published
 * @param free whether it is free for someone: for whom says {@code priceNote}
 *             (« pour les agents des collectivités cotisantes »)
 * @param disabilityName the disability contact (référent handicap), with an e-mail address and a phone
 */
public record PublicInfo(String objectives, String prerequisites, String methods, String evaluation,
                         BigDecimal hours, BigDecimal priceEuros, boolean free, String priceNote,
                         String accessibility, String disabilityName, EmailAddress disabilityEmail,
                         Phone disabilityPhone) {

    public static final PublicInfo NONE = new PublicInfo(null, null, null, null, null, null, false, null, null,
            null, null, null);

    public boolean isEmpty() {
        return !free && Stream.of(objectives, prerequisites, methods, evaluation, hours, priceEuros, priceNote,
                accessibility, disabilityName, disabilityEmail, disabilityPhone).allMatch(v -> v == null);
    }

    public boolean hasDisabilityContact() {
        return disabilityName != null || disabilityEmail != null || disabilityPhone != null;
    }

    public boolean hasPrice() {
        return priceEuros != null || free || priceNote != null;
    }

    /** The duration as ISO 8601 (« PT7H », « PT3H30M »), for schema.org's {@code timeRequired}. */
    public String isoDuration() {
        return hours == null ? null : Duration.ofMinutes(minutes()).toString();
    }

    /** The duration as people read it: « 7 h », « 3 h 30 ». */
    public String hoursText() {
        if (hours == null) {
            return null;
        }
        long m = minutes();
        return m % 60 == 0 ? m / 60 + " h" : m / 60 + " h " + String.format("%02d", m % 60);
    }

    /** The price as people read it: « 150 € », « 12,50 € ». */
    public String priceText() {
        if (priceEuros == null) {
            return null;
        }
        BigDecimal p = priceEuros.stripTrailingZeros();
        String amount = p.scale() <= 0 ? p.toBigInteger().toString() : priceEuros.setScale(2).toPlainString();
        return amount.replace('.', ',') + "\u00a0€";
    }

    /** The disability contact's number for a {@code tel:} link, as for the session's contacts. */
    public String phoneUri() {
        return disabilityPhone == null ? null
                : new Contact(Contact.Purpose.PROGRAMME, null, null, null, disabilityPhone.value(), null).phoneUri();
    }

    /** The same information with this duration. */
    public PublicInfo withHours(BigDecimal h) {
        return new PublicInfo(objectives, prerequisites, methods, evaluation, h, priceEuros, free, priceNote,
                accessibility, disabilityName, disabilityEmail, disabilityPhone);
    }

    private long minutes() {
        return hours.multiply(BigDecimal.valueOf(60)).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
