/**
 * A day (journée d'actualité): its identity, venue, context, audience, contacts, partners and
 * resources; the catalogue and the public page that assembles the other modules' parts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Event")
package org.rencontres.event;
