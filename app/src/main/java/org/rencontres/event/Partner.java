package org.rencontres.event;

/** An organisation that helps with a day ("avec le concours de"), and how. */
public record Partner(long organisationId, String contribution) {
}
