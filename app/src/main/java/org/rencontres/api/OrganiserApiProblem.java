package org.rencontres.api;

import org.springframework.http.HttpStatus;

/**
 * A refusal of the organiser API, answered as a problem detail: the status, and the key of its French message
 * (or, when no such key exists, the message itself).
 */
class OrganiserApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final transient Object[] arguments;

    OrganiserApiProblem(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.arguments = arguments;
    }

    HttpStatus status() {
        return status;
    }

    Object[] arguments() {
        return arguments;
    }
}
