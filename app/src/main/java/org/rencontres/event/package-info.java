/**
 * A day (journée d'actualité): its identity, venue, context, audience, contacts, partners and
 * resources; the back office of days, the catalogue and the calendar file. A base module: it knows
 * none of the modules that hang their parts on a day (programme, networking, workshops,
 * registration); "duplicate as a new edition" tells them with {@link org.rencontres.event.NewEditionCreated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Event")
package org.rencontres.event;
