package org.rencontres.programme;

import org.rencontres.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * A person not yet in the directory, recorded there and attached to a slot in one step.
 *
 * @param fonction the job title, as the programme prints it
 * @param organisation the id of their organisation in the directory; empty for none
 * @param nouveauRepresentant what the programme prints after them (« ou sa représentante »); empty for nothing
 */
record NewPersonForm(String prenom, String nom, String fonction, String organisation, String nouveauRole,
                     String nouveauRepresentant) {

    public static NewPersonForm empty() {
        return new NewPersonForm("", "", "", "", SlotRole.SPEAKER.name(), "");
    }

    List<FieldProblem> check(boolean organisationKnown) {
        List<FieldProblem> problems = new ArrayList<>();
        if (prenom == null || prenom.isBlank()) {
            problems.add(FieldProblem.of("prenom", "slot.person.error.given"));
        } else if (prenom.strip().length() > SlotForm.MAX_LABEL) {
            problems.add(FieldProblem.of("prenom", "slot.error.too.long", SlotForm.MAX_LABEL));
        }
        if (nom == null || nom.isBlank()) {
            problems.add(FieldProblem.of("nom", "slot.person.error.family"));
        } else if (nom.strip().length() > SlotForm.MAX_LABEL) {
            problems.add(FieldProblem.of("nom", "slot.error.too.long", SlotForm.MAX_LABEL));
        }
        if (fonction != null && fonction.strip().length() > SlotForm.MAX_TITLE) {
            problems.add(FieldProblem.of("fonction", "slot.error.too.long", SlotForm.MAX_TITLE));
        }
        if (!organisationKnown) {
            problems.add(FieldProblem.of("organisation", "slot.person.error.organisation"));
        }
        if (PersonForm.role(nouveauRole) == null) {
            problems.add(FieldProblem.of("nouveauRole", "slot.person.error.role"));
        }
        PersonForm.checkRepresentative("nouveauRepresentant", nouveauRepresentant, problems);
        return problems;
    }

    /** The organisation's id, null for none, or -1 when the field holds something else. */
    Long organisationId() {
        if (organisation == null || organisation.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(organisation.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
