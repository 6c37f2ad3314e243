package org.rencontres.shared;

import java.util.List;

/**
 * Something wrong with a form as someone typed it: what services return, and {@link FormErrors}
 * turns into the texts a page shows.
 *
 * @param field the form field it concerns ("titre", "numero", …), or null for the form as a whole
 * @param code the message key that explains it
 * @param args what the message names
 */
public record FieldProblem(String field, String code, List<Object> args) {

    public FieldProblem {
        args = List.copyOf(args);
    }

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }

    /** A problem with the form as a whole (changed meanwhile by someone else, for instance). */
    public static FieldProblem general(String code, Object... args) {
        return new FieldProblem(null, code, List.of(args));
    }
}
