package org.rencontres.programme;

import org.rencontres.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * A person of the directory to attach to a slot, as the form sends it.
 *
 * @param personne the person's id in the directory
 * @param presentation how the programme presents them; empty for their job title
 * @param representant the programme says "ou son représentant"
 */
record PersonForm(String personne, String role, Boolean representant, String presentation) {

    /** An unticked checkbox sends nothing: it reads as false. */
    public PersonForm {
        representant = Boolean.TRUE.equals(representant);
    }

    public static PersonForm empty() {
        return new PersonForm("", SlotRole.SPEAKER.name(), false, "");
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
        return problems;
    }

    Long personId() {
        try {
            return personne == null ? null : Long.valueOf(personne.strip());
        } catch (NumberFormatException e) {
            return null;
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
