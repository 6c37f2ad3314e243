package org.rencontres.programme;

import org.rencontres.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * A person of the directory to attach to a slot, as the form sends it.
 *
 * @param personne the person's id in the directory
 * @param presentation how the programme presents them; empty for their job title
 * @param representant what the programme prints after them (« ou sa représentante »); empty for nothing
 */
record PersonForm(String personne, String role, String representant, String presentation) {

    public static PersonForm empty() {
        return new PersonForm("", SlotRole.SPEAKER.name(), "", "");
    }

    List<FieldProblem> check(boolean personKnown) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!personKnown) {
            problems.add(FieldProblem.of("personne", "slot.person.error.person"));
        }
        if (role(role) == null) {
            problems.add(FieldProblem.of("role", "slot.person.error.role"));
        }
        if (presentation != null && presentation.strip().length() > SlotForm.MAX_TITLE) {
            problems.add(FieldProblem.of("presentation", "slot.error.too.long", SlotForm.MAX_TITLE));
        }
        checkRepresentative("representant", representant, problems);
        return problems;
    }

    Long personId() {
        try {
            return personne == null ? null : Long.valueOf(personne.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static void checkRepresentative(String field, String typed, List<FieldProblem> problems) {
        if (Representative.tooLong(typed)) {
            problems.add(FieldProblem.of(field, "slot.person.error.representative.long", Representative.MAX_LENGTH,
                    Representative.length(Representative.normalise(typed))));
        }
    }

    static SlotRole role(String text) {
        try {
            return text == null ? null : SlotRole.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
