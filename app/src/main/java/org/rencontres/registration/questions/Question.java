package org.rencontres.registration.questions;

import java.util.List;

/**
 * A question an organiser asks on a session's registration form, in its place ({@code position}, 1
 * first).
 *
 * @param help a text shown under the label, or null
 * @param choices the choices offered, in order (single and multiple choice); "oui" and "non" for yes/no;
 *                empty for texts
 */
public record Question(long id, long dayId, int position, QuestionKind kind, String label, String help,
                       boolean required, List<String> choices) {

    /** The answers of yes/no questions, as stored and shown. */
    public static final List<String> YES_NO = List.of("oui", "non");

    public Question {
        choices = kind == QuestionKind.YES_NO ? YES_NO : List.copyOf(choices);
    }

    /** The name of its field in the forms. */
    public String field() {
        return "question-" + id;
    }

    /** The id of the input of its n-th choice (1 first): the first is the field itself, so a link to the field lands on it. */
    public String choiceId(int n) {
        return n == 1 ? field() : field() + "-" + n;
    }
}
