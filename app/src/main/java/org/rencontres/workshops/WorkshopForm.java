package org.rencontres.workshops;

import org.rencontres.shared.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A workshop as the back office's form sends it, every field as typed (named as the French form
 * names them), so that a form with errors comes back exactly as it was.
 *
 * @param methode the collective-writing method: empty for none, else a {@link WritingTemplate} name
 * @param capacite how many people at most; empty for no limit
 * @param salle the room, free text; empty when not known yet
 */
record WorkshopForm(String numero, String titre, String description, String methode, String capacite,
                           String salle) {

    static final int MAX_NUMBER = 999;
    static final int MAX_CAPACITY = 10_000;
    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 4000;
    static final int MAX_ROOM = 200;

    static WorkshopForm forNew(int number) {
        return new WorkshopForm(String.valueOf(number), "", "", "", "", "");
    }

    static WorkshopForm of(Workshop w) {
        return new WorkshopForm(String.valueOf(w.number()), w.title(), w.description() == null ? "" : w.description(),
                w.writingTemplate() == null ? "" : w.writingTemplate().name(),
                w.capacity() == null ? "" : String.valueOf(w.capacity()), w.room() == null ? "" : w.room());
    }

    /**
     * The draft when all is well, otherwise the problems, at most one a field.
     *
     * @param otherNumbers the numbers of the day's other workshops, with their titles
     */
    Checked check(long slotId, Map<Integer, String> otherNumbers) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer number = null;
        String n = numero == null ? "" : numero.strip();
        if (n.isEmpty()) {
            problems.add(FieldProblem.of("numero", "workshops.error.number.missing"));
        } else if (!n.matches("-?\\d{1,9}")) {
            problems.add(FieldProblem.of("numero", "workshops.error.number.format", n));
        } else {
            number = Integer.valueOf(n);
            if (number < 1 || number > MAX_NUMBER) {
                problems.add(FieldProblem.of("numero", "workshops.error.number.range", String.valueOf(MAX_NUMBER)));
            } else if (otherNumbers.containsKey(number)) {
                problems.add(FieldProblem.of("numero", "workshops.error.number.taken", number,
                        otherNumbers.get(number)));
            }
        }
        String title = titre == null ? "" : titre.strip();
        if (title.isEmpty()) {
            problems.add(FieldProblem.of("titre", "workshops.error.title.missing"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(FieldProblem.of("titre", "workshops.error.title.long", MAX_TITLE));
        }
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_TEXT) {
            problems.add(FieldProblem.of("description", "workshops.error.description.long", MAX_TEXT));
        }
        WritingTemplate template = null;
        String m = methode == null ? "" : methode.strip();
        if (!m.isEmpty()) {
            try {
                template = WritingTemplate.valueOf(m);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("methode", "workshops.error.method"));
            }
        }
        Integer capacity = null;
        String c = capacite == null ? "" : capacite.strip();
        if (!c.isEmpty()) {
            if (!c.matches("-?\\d{1,9}")) {
                problems.add(FieldProblem.of("capacite", "workshops.error.capacity.format", c));
            } else {
                capacity = Integer.valueOf(c);
                if (capacity < 1 || capacity > MAX_CAPACITY) {
                    problems.add(FieldProblem.of("capacite", "workshops.error.capacity.range", String.valueOf(MAX_CAPACITY)));
                }
            }
        }
        String room = salle == null ? "" : salle.strip();
        if (room.length() > MAX_ROOM) {
            problems.add(FieldProblem.of("salle", "workshops.error.room.long", MAX_ROOM));
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        return new Checked(new WorkshopDraft(slotId, number, title, text.isEmpty() ? null : text, template, capacity,
                room.isEmpty() ? null : room),
                List.of());
    }

    /** The outcome of a check: a draft, or what is wrong. */
    record Checked(WorkshopDraft draft, List<FieldProblem> problems) {
        boolean isValid() {
            return problems.isEmpty();
        }
    }
}
