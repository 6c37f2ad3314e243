package org.rencontres.registration.needs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.rencontres.shared.FieldProblem;

/**
 * The arrangement of one request as typed on the organisers' or the référent's page: its state, the
 * arrangement agreed, and the reason when it is impossible.
 */
record ArrangementForm(String etat, String amenagement, String motif) {

    static final int MAX_LENGTH = 2000;

    static ArrangementForm of(Arrangement a) {
        return new ArrangementForm(a.state().name(), a.text() == null ? "" : a.text(), a.reason() == null ? "" : a.reason());
    }

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (state() == null) {
            problems.add(FieldProblem.of("etat", "registration.needs.error.state"));
        }
        if (state() == ArrangementState.IMPOSSIBLE && blank(motif)) {
            problems.add(FieldProblem.of("motif", "registration.needs.error.reason"));
        }
        if (amenagement != null && amenagement.length() > MAX_LENGTH) {
            problems.add(FieldProblem.of("amenagement", "registration.needs.error.long", MAX_LENGTH));
        }
        if (motif != null && motif.length() > MAX_LENGTH) {
            problems.add(FieldProblem.of("motif", "registration.needs.error.long", MAX_LENGTH));
        }
        return problems;
    }

    ArrangementState state() {
        return Arrays.stream(ArrangementState.values()).filter(s -> s.name().equals(etat)).findFirst().orElse(null);
    }

    Arrangement arrangement() {
        return new Arrangement(state(), blank(amenagement) ? null : amenagement.strip(),
                state() == ArrangementState.IMPOSSIBLE && !blank(motif) ? motif.strip() : null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
