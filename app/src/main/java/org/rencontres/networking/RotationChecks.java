package org.rencontres.networking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.SeatRow;
import org.rencontres.shared.FieldProblem;

/** The checks of typed values that the set-up, the plan and the day's changes share. */
final class RotationChecks {

    static final int MAX_NAME = 200;
    static final int MAX_CAPACITY = 100;
    static final int MAX_MINUTES = 600;
    static final int MAX_CHANGEOVER = 60;

    private RotationChecks() {
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** The typed whole number, or null with a problem added ({@code missing} when nothing was typed). */
    static Integer number(String typed, String field, String missing, List<FieldProblem> problems) {
        String s = strip(typed);
        if (s.isEmpty()) {
            problems.add(FieldProblem.of(field, missing));
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "networking.error.number", s));
            return null;
        }
    }

    /** The problems of a participant typed by hand: a name, an organisation, neither too long. */
    static List<FieldProblem> participant(ParticipantForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = strip(form.nom());
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("nom", "networking.participant.error.name.missing"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.of("nom", "networking.participant.error.name.long", MAX_NAME));
        }
        if (strip(form.organisation()).length() > MAX_NAME) {
            problems.add(FieldProblem.of("organisation", "networking.participant.error.organisation.long", MAX_NAME));
        }
        return problems;
    }

    /** The participant whose id was chosen in a list, or null with a problem added. */
    static Member member(String typed, String field, Map<Long, Member> members, List<FieldProblem> problems) {
        String s = strip(typed);
        if (s.isEmpty()) {
            problems.add(FieldProblem.of(field, "networking.swap.error.person.missing"));
            return null;
        }
        try {
            Member m = members.get(Long.parseLong(s));
            if (m == null) {
                problems.add(FieldProblem.of(field, "networking.swap.error.person.unknown"));
            }
            return m;
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "networking.swap.error.person.unknown"));
            return null;
        }
    }

    /** The table where the participant sits in that round (0-based), or null. */
    static Long tableOf(List<SeatRow> seats, int round, long participantId) {
        return seats.stream().filter(s -> s.round() == round && s.participantId() == participantId)
                .map(SeatRow::tableId).findFirst().orElse(null);
    }
}
