package org.rencontres.networking;

import java.time.Instant;

/** The rows of a rotation's set-up and plan, as the networking module stores them. */
final class RotationData {

    private RotationData() {
    }

    /**
     * How the rotation runs.
     *
     * @param rotationMinutes time at a table
     * @param changeoverMinutes time to move between two rounds
     * @param roundsChosen the organiser's number of rounds, or null for as many as fit in the slot
     */
    record Settings(int rotationMinutes, int changeoverMinutes, Integer roundsChosen, boolean tableOnce,
                    boolean separateOrganisations) {
    }

    /** A table of the room: its host (a person of the directory, name as chosen) and its theme. */
    record RoomTable(long id, String name, String place, int capacity, Long hostPersonId, String hostName,
                     String theme, int position) {

        String label() {
            return "« " + name + " »";
        }
    }

    /** A participant; {@code registrationId} is null for someone added by hand. */
    record Member(long id, String name, String organisation, Long registrationId) {
    }

    /**
     * Who is there on the day (rounds numbered from 0): the first round of a late arrival, the first
     * round missed by someone who left (null: from the start, to the end), and whether their card
     * must be printed again since a re-plan changed their route.
     */
    record Presence(long participantId, Integer arrivesRound, Integer leavesRound, boolean reprint) {

        static final Presence ALWAYS = new Presence(0, null, null, false);

        boolean attends(int round) {
            return (arrivesRound == null || round >= arrivesRound) && (leavesRound == null || round < leavesRound);
        }
    }

    /** A seat of the plan. */
    record SeatRow(int round, long tableId, long participantId) {
    }

    /** The plan's state and quality; {@code state} is NONE, GENERATING, DONE or FAILED. */
    record PlanStatus(String state, int generation, String message, Instant startedAt, Instant finishedAt,
                      Integer rounds, Integer hardViolations, Long repeatPairs, Long lowerBoundRepeatPairs,
                      Integer maxMeetings, Integer distinctMetMin, Double distinctMetMean,
                      Integer upperBoundDistinctMet, Long elapsedMillis, Instant publishedAt, String publishedBy) {

        static final PlanStatus NONE = new PlanStatus("NONE", 0, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        public boolean published() {
            return publishedAt != null;
        }

        public boolean done() {
            return "DONE".equals(state);
        }
    }
}
