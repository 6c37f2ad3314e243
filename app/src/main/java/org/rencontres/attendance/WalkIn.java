package org.rencontres.attendance;

import java.util.ArrayList;
import java.util.List;

import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;

/** Someone who came without a registration, as typed at the desk (organisation and e-mail optional). */
public record WalkIn(String surname, String givenName, String organisation, String email) {

    /** What is wrong with the walk-in form (fields of the desk's form); empty when fine. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (surname == null || surname.isBlank()) {
            problems.add(FieldProblem.of("nom", "attendance.walkin.error.surname"));
        } else if (surname.length() > 200) {
            problems.add(FieldProblem.of("nom", "attendance.walkin.error.long"));
        }
        if (givenName == null || givenName.isBlank()) {
            problems.add(FieldProblem.of("prenom", "attendance.walkin.error.givenName"));
        } else if (givenName.length() > 200) {
            problems.add(FieldProblem.of("prenom", "attendance.walkin.error.long"));
        }
        if (organisation != null && organisation.length() > 300) {
            problems.add(FieldProblem.of("organisation", "attendance.walkin.error.long"));
        }
        if (email != null && !email.isBlank() && !EmailAddress.isValid(email)) {
            problems.add(FieldProblem.of("courriel", "attendance.walkin.error.email"));
        }
        return problems;
    }
}
