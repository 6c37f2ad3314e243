package org.rencontres.writing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.rencontres.attendance.HalfDay;
import org.rencontres.shared.FieldProblem;

/**
 * The form of a new split as typed, and its checks, in the form's order.
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
    List<FieldProblem> problems(Collection<Long> daySlots) {
        List<FieldProblem> problems = new ArrayList<>();
        DocumentForm.titleProblem(title, "writing.groups.error.title.required", "writing.groups.error.title.long")
                .ifPresent(problems::add);
        if (!slot.isEmpty() && slotId().filter(daySlots::contains).isEmpty()) {
            problems.add(FieldProblem.of("creneau", "writing.groups.error.slot"));
        }
        if (size.isBlank()) {
            problems.add(FieldProblem.of("taille", "writing.groups.error.size.required"));
        } else if (groupSize().isEmpty()) {
            problems.add(FieldProblem.of("taille", "writing.groups.error.size.number"));
        } else if (groupSize().get() < WritingGroups.SIZE_MIN || groupSize().get() > WritingGroups.SIZE_MAX) {
            problems.add(FieldProblem.of("taille", "writing.groups.error.size.range"));
        }
        if (HalfDay.ofSlug(halfDay).isEmpty()) {
            problems.add(FieldProblem.of("demi-journee", "writing.groups.error.halfday"));
        }
        DocumentForm.templateProblem(template).ifPresent(problems::add);
        return problems;
    }

    WritingGroups.Request request() {
        return new WritingGroups.Request(title.strip(), slot.isEmpty() ? null : slotId().orElseThrow(),
                groupSize().orElseThrow(), HalfDay.ofSlug(halfDay).orElseThrow(),
                DocumentTemplate.named(template).orElseThrow());
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
}
