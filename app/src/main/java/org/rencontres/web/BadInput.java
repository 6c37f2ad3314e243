package org.rencontres.web;

/**
 * A request refused for what it holds, answered by the application's 400 page naming the field
 * (the message key's argument), from inside Spring MVC (see {@link DatabaseRefusals}).
 */
class BadInput extends RuntimeException {

    private final InputFilter.Problem problem;

    BadInput(InputFilter.Problem problem) {
        super(problem.code(), null, false, false);
        this.problem = problem;
    }

    InputFilter.Problem problem() {
        return problem;
    }
}
