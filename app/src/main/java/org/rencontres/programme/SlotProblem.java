package org.rencontres.programme;

import java.util.List;

/**
 * Something wrong with a slot as an organiser typed it.
 *
 * @param field the form field it concerns ("debut", "fin", "titre", …)
 * @param code the message key that explains it in French
 * @param args what the message names (a time, another slot's title)
 */
public record SlotProblem(String field, String code, List<Object> args) {

    public SlotProblem {
        args = List.copyOf(args);
    }

    static SlotProblem of(String field, String code, Object... args) {
        return new SlotProblem(field, code, List.of(args));
    }
}
