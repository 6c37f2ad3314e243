package org.rencontres.registration.questions;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** What kind of answer a question takes. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public enum QuestionKind {
    /** One line of text. */
    SHORT_TEXT(300),
    /** A paragraph. */
    LONG_TEXT(5000),
    /** One of the question's choices. */
    SINGLE_CHOICE(300),
    /** Any of the question's choices (none when it is optional). */
    MULTIPLE_CHOICE(300),
    /** "oui" or "non". */
    YES_NO(3);

    /** The longest text an answer may have. */
    private final int maxLength;

    public int maxLength() {
        return maxLength;
    }

    /** Whether the organiser lists the choices. */
    public boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    /** Whether the answer is one typed text. */
    public boolean typed() {
        return this == SHORT_TEXT || this == LONG_TEXT;
    }
}
