package org.rencontres.workshops;

import java.util.List;

/**
 * Something wrong with a workshop as an organiser typed it.
 *
 * @param field the form field it concerns ("numero", "titre", …)
 * @param code the message key that explains it
 * @param args what the message names
 */
record FieldProblem(String field, String code, List<Object> args) {

    FieldProblem {
        args = List.copyOf(args);
    }

    /** The problems as the page shows them: one text a field, in the order of the form. */
    static java.util.Map<String, String> texts(List<FieldProblem> problems,
                                                org.springframework.context.MessageSource messages,
                                                java.util.Locale locale) {
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (FieldProblem p : problems) {
            texts.putIfAbsent(p.field(), messages.getMessage(p.code(), p.args().toArray(), locale));
        }
        return texts;
    }

    static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }
}
