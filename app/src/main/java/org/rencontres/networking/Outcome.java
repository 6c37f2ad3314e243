package org.rencontres.networking;

import java.util.List;

import org.rencontres.shared.FieldProblem;

/**
 * The outcome of a change to a rotation's list or set-up: the problems (nothing changed), or none
 * and whether a plan was discarded.
 */
record Outcome(List<FieldProblem> problems, boolean planDiscarded) {

    boolean ok() {
        return problems.isEmpty();
    }

    static Outcome refused(FieldProblem p) {
        return new Outcome(List.of(p), false);
    }

    static Outcome done(boolean planDiscarded) {
        return new Outcome(List.of(), planDiscarded);
    }
}
