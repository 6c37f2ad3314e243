package org.rencontres.registration.questions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.rencontres.shared.FieldProblem;

/**
 * The answers to a session's questions as posted by a form (the public form or the paper path), checked
 * against each question: a required question is answered, a choice is one of the list, a text is not too
 * long. Each problem stands under the question's field, with a French message that names the question.
 */
public final class QuestionAnswers {

    private static final String KEYS = "registration.question.error.";

    private QuestionAnswers() {
    }

    /**
     * Reads and checks the answers.
     *
     * @param posted the values posted under a field name (several for a multiple choice), empty when none
     * @param problems where the problems are added, in the order of the questions
     * @return the answers given (question id → texts, in the order of the choices), without the questions left blank
     */
    public static Map<Long, List<String>> read(List<Question> questions, Function<String, List<String>> posted,
                                               List<FieldProblem> problems) {
        Map<Long, List<String>> answers = new LinkedHashMap<>();
        for (Question q : questions) {
            List<String> given = new ArrayList<>();
            for (String value : posted.apply(q.field())) {
                if (value != null && !value.isBlank()) {
                    given.add(q.kind().typed() ? value.strip() : value);
                }
            }
            FieldProblem problem = problem(q, given);
            if (problem != null) {
                problems.add(problem);
            } else if (!given.isEmpty()) {
                answers.put(q.id(), q.kind() == QuestionKind.MULTIPLE_CHOICE
                        ? q.choices().stream().filter(given::contains).toList() : List.of(given.get(0)));
            }
        }
        return answers;
    }

    private static FieldProblem problem(Question q, List<String> given) {
        if (given.isEmpty()) {
            return q.required() ? FieldProblem.of(q.field(), KEYS + "required", q.label()) : null;
        }
        if (q.kind() != QuestionKind.MULTIPLE_CHOICE && given.size() > 1) {
            return FieldProblem.of(q.field(), KEYS + "one", q.label());
        }
        for (String value : given) {
            if (q.kind().typed()) {
                if (value.length() > q.kind().maxLength()) {
                    return FieldProblem.of(q.field(), KEYS + "too.long", q.label(), q.kind().maxLength());
                }
            } else if (!q.choices().contains(value)) {
                return FieldProblem.of(q.field(), KEYS + "choice", q.label());
            }
        }
        return null;
    }

    /** The posted values of the questions' fields, as the page shows them again (field → values). */
    public static Map<String, List<String>> typed(List<Question> questions, Function<String, List<String>> posted) {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        for (Question q : questions) {
            typed.put(q.field(), posted.apply(q.field()));
        }
        return typed;
    }

    /** What the page shows for stored answers (field → values). */
    public static Map<String, List<String>> typed(List<Question> questions, Map<Long, List<String>> answers) {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        for (Question q : questions) {
            typed.put(q.field(), answers.getOrDefault(q.id(), List.of()));
        }
        return typed;
    }
}
