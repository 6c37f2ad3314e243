package org.rencontres.registration;

import java.util.List;

import org.rencontres.shared.FieldProblem;

/**
 * A decision as posted by the line manager, the training service (link or space): {@code avis} is
 * "oui" or "non", {@code motif} the reason, required to refuse (it is told to the agent).
 */
record DecisionForm(String avis, String motif) {

    static final int MAX_REASON = 1000;

    /** What is wrong with the answer itself: none chosen, or a refusal without its reason. */
    List<FieldProblem> answerProblems() {
        if (!"oui".equals(avis) && !"non".equals(avis)) {
            return List.of(FieldProblem.of("avis", "registration.link.error.answer"));
        }
        if (!yes() && (motif == null || motif.isBlank())) {
            return List.of(FieldProblem.of("motif", "registration.link.error.reason"));
        }
        return List.of();
    }

    /** The answer's problems, then a reason too long for the history. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = answerProblems();
        if (problems.isEmpty() && motif != null && motif.length() > MAX_REASON) {
            return List.of(FieldProblem.of("motif", "registration.error.too.long.1000"));
        }
        return problems;
    }

    boolean yes() {
        return "oui".equals(avis);
    }

    /** The reason as typed, to show it again. */
    String reasonTyped() {
        return motif == null ? "" : motif;
    }
}
