package org.rencontres.registration;

import java.util.List;

import org.rencontres.shared.FieldProblem;

/** A reason as typed ({@code motif}): the organiser's for a refusal or a cancellation, the agent's for a withdrawal. */
record ReasonForm(String motif) {

    /** An organiser's reason: required, since the agent is told it. */
    List<FieldProblem> requiredProblems() {
        return motif == null || motif.isBlank()
                ? List.of(FieldProblem.of("motif", "registration.error.reason.required")) : List.of();
    }

    /** An agent's reason: optional, bounded as a decision's. */
    List<FieldProblem> optionalProblems() {
        return motif != null && motif.length() > DecisionForm.MAX_REASON
                ? List.of(FieldProblem.of("motif", "registration.error.too.long.1000")) : List.of();
    }

    /** The reason as typed, to show it again. */
    String typed() {
        return motif == null ? "" : motif;
    }
}
