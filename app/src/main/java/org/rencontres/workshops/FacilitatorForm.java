package org.rencontres.workshops;

import java.util.ArrayList;
import java.util.List;

import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;

/** A facilitator as the workshop page's form sends it: {@code nom} and {@code courriel}, as typed. */
record FacilitatorForm(String nom, String courriel) {

    static final int MAX_NAME = 200;

    static FacilitatorForm empty() {
        return new FacilitatorForm("", "");
    }

    /** What is wrong, at most one problem a field; empty when all is well. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        String name = nom == null ? "" : nom.strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("nom", "workshops.error.facilitator.name.missing"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.of("nom", "workshops.error.facilitator.name.long", MAX_NAME));
        }
        String email = courriel == null ? "" : courriel.strip();
        if (email.isEmpty()) {
            problems.add(FieldProblem.of("courriel", "workshops.error.facilitator.email.missing"));
        } else if (!EmailAddress.isValid(email)) {
            problems.add(FieldProblem.of("courriel", "workshops.error.facilitator.email.invalid", email));
        }
        return problems;
    }
}
