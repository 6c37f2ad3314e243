package org.rencontres.registration.questions;

import java.util.List;

/** A question as the organiser writes it; checked by {@link QuestionForm}. */
public record QuestionDraft(QuestionKind kind, String label, String help, boolean required, List<String> choices) {

    public QuestionDraft {
        choices = kind.hasChoices() ? List.copyOf(choices) : List.of();
        help = help == null || help.isBlank() ? null : help.strip();
        label = label.strip();
    }
}
