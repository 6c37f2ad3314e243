package org.rencontres.event;

/**
 * How many people a change of a session reaches by e-mail (its live registrants), shown before the
 * organiser confirms a cancellation or a change of dates, hours or venue. Implemented by the module
 * that keeps registrations, which {@code event} cannot name; none means nobody to tell.
 */
public interface PeopleToTell {

    int of(long dayId);
}
