package org.rencontres.shared;

import java.util.List;

/**
 * Something wrong with a form as an organiser typed it.
 *
 * @param field the form field it concerns ("titre", "numero", …)
 * @param code the message key that explains it
 * @param args what the message names
 */
public record FieldProblem(String field, String code, List<Object> args) {

    public FieldProblem {
        args = List.copyOf(args);
    }

    /** The problems as the page shows them: one text a field, in the order of the form. */
    public static java.util.Map<String, String> texts(List<FieldProblem> problems,
                                                org.springframework.context.MessageSource messages,
                                                java.util.Locale locale) {
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (FieldProblem p : problems) {
            texts.putIfAbsent(p.field(), messages.getMessage(p.code(), p.args().toArray(), locale));
        }
        return texts;
    }

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }
}
