package org.rencontres.registration.allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.rencontres.shared.FieldProblem;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.WorkshopSlot;

/**
 * The ranked workshop choices as the request form and the agent's later ranking show and read them:
 * one group of lists per workshop slot of the day (up to three choices each, never more than the slot
 * has), fields named {@code atelier<slot position>-<rank>} ("atelier1-1" is the first choice of the
 * day's first workshop slot). The first choice of each slot is required.
 */
public final class WorkshopRanking {

    /** A workshop slot as the form shows it: its position (1-based) and how many choices it asks. */
    /** {@code periods}: how many workshop periods the day has (the form names each when there are several). */
    public record Group(int position, WorkshopSlot slot, int count, int periods) {
        public String field(int rank) {
            return WorkshopRanking.field(position, rank);
        }

        public List<Workshop> workshops() {
            return slot.workshops();
        }
    }

    private WorkshopRanking() {
    }

    public static String field(int position, int rank) {
        return "atelier" + position + "-" + rank;
    }

    /** The periods that ask for choices: a period with a single workshop asks none (everyone goes to it). */
    public static List<Group> groups(List<WorkshopSlot> slots) {
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).workshops().size() > 1) {
                groups.add(new Group(i + 1, slots.get(i), Math.min(3, slots.get(i).workshops().size()), slots.size()));
            }
        }
        return groups;
    }

    /**
     * The choices as typed ({@code typed} gives a field's text, or null), checked: the first of each
     * slot is required, each must be one of that slot's workshops and none twice; a message key under
     * the field for a bad one, added to {@code problems}.
     *
     * @return the workshop ids, slot by slot, best first within a slot
     */
    public static List<Long> read(List<Group> groups, Function<String, String> typed, List<FieldProblem> problems) {
        List<Long> chosen = new ArrayList<>();
        for (Group g : groups) {
            List<Long> inSlot = g.workshops().stream().map(Workshop::id).toList();
            List<Long> here = new ArrayList<>();
            for (int rank = 1; rank <= g.count(); rank++) {
                String text = typed.apply(g.field(rank));
                text = text == null ? "" : text.strip();
                if (text.isEmpty()) {
                    if (rank == 1) {
                        problems.add(FieldProblem.of(g.field(1), "registration.error.atelier.required"));
                    }
                    continue;
                }
                Long id;
                try {
                    id = Long.valueOf(text);
                } catch (NumberFormatException e) {
                    id = null;
                }
                if (id == null || !inSlot.contains(id)) {
                    problems.add(FieldProblem.of(g.field(rank), "registration.error.atelier.unknown"));
                } else if (here.contains(id)) {
                    problems.add(FieldProblem.of(g.field(rank), "registration.error.atelier.twice"));
                } else {
                    here.add(id);
                }
            }
            chosen.addAll(here);
        }
        return chosen;
    }

    /** The fields filled with the choices already made (empty text for the others), to show them again. */
    public static Map<String, String> typed(List<Group> groups, List<Long> choices) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (Group g : groups) {
            List<Long> here = choices.stream().filter(g.slot()::holds).toList();
            for (int rank = 1; rank <= g.count(); rank++) {
                typed.put(g.field(rank), here.size() >= rank ? String.valueOf(here.get(rank - 1)) : "");
            }
        }
        return typed;
    }

    /** The fields as posted, only those of the groups (the others are ignored), for showing them again. */
    public static Map<String, String> typed(List<Group> groups, Function<String, String> posted) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (Group g : groups) {
            for (int rank = 1; rank <= g.count(); rank++) {
                String text = posted.apply(g.field(rank));
                typed.put(g.field(rank), text == null ? "" : text);
            }
        }
        return typed;
    }
}
