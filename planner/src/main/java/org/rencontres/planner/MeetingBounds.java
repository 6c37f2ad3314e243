package org.rencontres.planner;

/**
 * Upper bounds on what a networking rotation can give each participant, used to judge a plan
 * against what is possible. The planner itself arrives with the planner issue.
 */
public final class MeetingBounds {

    private MeetingBounds() {
    }

    /**
     * The most distinct people one participant can meet: each of {@code rounds} rounds seats them
     * with at most {@code groupSize - 1} others, and there are only {@code participants - 1} others.
     */
    public static int maxDistinctPeople(int participants, int groupSize, int rounds) {
        if (participants < 1 || groupSize < 1 || rounds < 0) {
            throw new IllegalArgumentException("participants and group size must be positive, rounds not negative");
        }
        return (int) Math.min(participants - 1L, (long) rounds * (groupSize - 1));
    }

    /** The most distinct themes one participant can discover when nobody sits at the same table twice. */
    public static int maxDistinctThemes(int tables, int rounds) {
        if (tables < 0 || rounds < 0) {
            throw new IllegalArgumentException("tables and rounds must not be negative");
        }
        return Math.min(tables, rounds);
    }
}
