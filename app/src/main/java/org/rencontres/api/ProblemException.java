package org.rencontres.api;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request the public API refuses, said in French by {@link ProblemResponses} as an RFC 9457 problem: the status,
 * the message key of its detail with its arguments, and for a bad filter each parameter at fault.
 */
class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final transient Object[] arguments;
    private final List<ParameterProblem> parameters;

    ProblemException(HttpStatus status, String key, List<ParameterProblem> parameters, Object... arguments) {
        super(key);
        this.status = status;
        this.key = key;
        this.arguments = arguments;
        this.parameters = List.copyOf(parameters);
    }

    HttpStatus status() {
        return status;
    }

    String key() {
        return key;
    }

    Object[] arguments() {
        return arguments;
    }

    List<ParameterProblem> parameters() {
        return parameters;
    }

    /** A query parameter at fault and the message key that says why, with its arguments. */
    record ParameterProblem(String parameter, String key, Object... arguments) {
    }
}
