package org.rencontres.registration.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rencontres.shared.FieldProblem;

/** The checks of posted answers, kind by kind, each problem under its question's field. */
class QuestionAnswersTest {

    private static final Question SHORT = new Question(1, 9, 1, QuestionKind.SHORT_TEXT, "Ville jumelle", null, false, List.of());
    private static final Question LONG = new Question(2, 9, 2, QuestionKind.LONG_TEXT, "Attentes", null, true, List.of());
    private static final Question ONE = new Question(3, 9, 3, QuestionKind.SINGLE_CHOICE, "Ancienneté", null, true,
            List.of("Moins d'un an", "Plus d'un an"));
    private static final Question MANY = new Question(4, 9, 4, QuestionKind.MULTIPLE_CHOICE, "Thèmes", null, false,
            List.of("Europe", "Afrique", "Asie"));
    private static final Question YES_NO = new Question(5, 9, 5, QuestionKind.YES_NO, "Déjà venu", null, false, List.of());
    private static final List<Question> ALL = List.of(SHORT, LONG, ONE, MANY, YES_NO);

    private static List<FieldProblem> problems(Map<String, List<String>> posted) {
        List<FieldProblem> problems = new ArrayList<>();
        QuestionAnswers.read(ALL, name -> posted.getOrDefault(name, List.of()), problems);
        return problems;
    }

    @Test
    void right_answers_are_kept_in_the_order_of_the_choices_and_blank_optional_ones_left_out() {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, List<String>> posted = Map.of("question-1", List.of("  "), "question-2", List.of(" x".repeat(2500)),
                "question-3", List.of("Plus d'un an"), "question-4", List.of("Asie", "Europe"), "question-5", List.of("oui"));
        Map<Long, List<String>> answers = QuestionAnswers.read(ALL, name -> posted.getOrDefault(name, List.of()), problems);
        assertThat(problems).isEmpty();
        assertThat(answers).containsOnlyKeys(2L, 3L, 4L, 5L);
        assertThat(answers.get(2L).get(0)).hasSize(4999);
        assertThat(answers.get(4L)).containsExactly("Europe", "Asie");
    }

    @Test
    void wrong_answers_are_refused_each_under_its_field() {
        assertThat(problems(Map.of("question-1", List.of("x".repeat(301)), "question-2", List.of("y".repeat(5001)),
                "question-3", List.of("Moins d'un an", "Plus d'un an"), "question-4", List.of("Océanie"),
                "question-5", List.of("peut-être"))))
                .extracting(p -> p.field() + " " + p.code()).containsExactly(
                        "question-1 registration.question.error.too.long",
                        "question-2 registration.question.error.too.long",
                        "question-3 registration.question.error.one",
                        "question-4 registration.question.error.choice",
                        "question-5 registration.question.error.choice");
        assertThat(problems(Map.of())).extracting(p -> p.field() + " " + p.code() + " " + p.args()).containsExactly(
                "question-2 registration.question.error.required [Attentes]",
                "question-3 registration.question.error.required [Ancienneté]");
    }

    @Test
    void a_question_form_refuses_a_choice_without_choices_and_cleans_its_lines() {
        assertThat(new QuestionForm("MULTIPLE_CHOICE", "Thèmes", "", null, "Europe\n\nEurope").problems())
                .extracting(FieldProblem::field).containsExactly("choix");
        assertThat(new QuestionForm("YES_NO", "Déjà venu", " ", "oui", "ignoré").problems()).isEmpty();
        QuestionDraft draft = new QuestionForm("SINGLE_CHOICE", " Ancienneté ", "Aide", "oui", " A \r\nB\n A").draft();
        assertThat(draft.label()).isEqualTo("Ancienneté");
        assertThat(draft.choices()).containsExactly("A", "B");
        assertThat(draft.required()).isTrue();
        assertThat(new QuestionForm("SUDOKU", "", "", null, "").problems()).extracting(FieldProblem::field)
                .containsExactly("type", "libelle");
    }
}
