package org.rencontres.registration.needs;

/**
 * What is arranged for a registration, without its health details: what the welcome desk, the rosters
 * and the agent's space may show.
 *
 * @param text the arrangement agreed, null while none is written
 */
public record Arrangement(ArrangementState state, String text, String reason) {
}
