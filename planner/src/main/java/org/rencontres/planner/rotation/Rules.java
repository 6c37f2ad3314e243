package org.rencontres.planner.rotation;

/**
 * Optional hard rules. {@code tableOnce}: nobody sits at the same table twice.
 * {@code separateOrganisations}: two people of one organisation never share a table (when feasible;
 * otherwise the plan reports the violations).
 */
public record Rules(boolean tableOnce, boolean separateOrganisations) {

    public static final Rules NONE = new Rules(false, false);
}
