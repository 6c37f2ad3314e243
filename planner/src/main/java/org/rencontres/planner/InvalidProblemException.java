package org.rencontres.planner;

/** A problem that cannot be planned as given: the message says what is wrong, in one line. */
public class InvalidProblemException extends IllegalArgumentException {

    public InvalidProblemException(String message) {
        super(message);
    }
}
