package org.rencontres.writing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.rencontres.attendance.HalfDay;

/**
 * The form of a new split as typed, and its checks: each problem is a message key under the field's
 * name, in the form's order.
 *
 * @param slot the slot's id as sent, or "" for none
 * @param size the group size as typed
 * @param halfDay the half-day's slug ("matin", "apres-midi")
 */
record GroupSetForm(String title, String slot, String size, String halfDay, String template) {

    static GroupSetForm empty(HalfDay current) {
        return new GroupSetForm("", "", "", current.slug(), DocumentTemplate.STATE_OF_THE_ART.name());
    }

    /** The problems of the form, given the ids of the day's slots; none means {@link #request()} may be called. */
    Map<String, String> problems(Collection<Long> daySlots) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isBlank()) {
            errors.put("titre", "writing.groups.error.title.required");
        } else if (title.strip().length() > WritingAdminController.TITLE_MAX) {
            errors.put("titre", "writing.groups.error.title.long");
        }
        if (!slot.isEmpty() && slotId().filter(daySlots::contains).isEmpty()) {
            errors.put("creneau", "writing.groups.error.slot");
        }
        if (size.isBlank()) {
            errors.put("taille", "writing.groups.error.size.required");
        } else if (groupSize().isEmpty()) {
            errors.put("taille", "writing.groups.error.size.number");
        } else if (groupSize().get() < WritingGroups.SIZE_MIN || groupSize().get() > WritingGroups.SIZE_MAX) {
            errors.put("taille", "writing.groups.error.size.range");
        }
        if (HalfDay.ofSlug(halfDay).isEmpty()) {
            errors.put("demi-journee", "writing.groups.error.halfday");
        }
        if (chosenTemplate().isEmpty()) {
            errors.put("modele", "writing.error.template");
        }
        return errors;
    }

    WritingGroups.Request request() {
        return new WritingGroups.Request(title.strip(), slot.isEmpty() ? null : slotId().orElseThrow(),
                groupSize().orElseThrow(), HalfDay.ofSlug(halfDay).orElseThrow(), chosenTemplate().orElseThrow());
    }

    private Optional<Long> slotId() {
        try {
            return Optional.of(Long.parseLong(slot.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<Integer> groupSize() {
        String s = size.strip();
        if (!s.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(s));
    }

    private Optional<DocumentTemplate> chosenTemplate() {
        try {
            return Optional.of(DocumentTemplate.valueOf(template));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
