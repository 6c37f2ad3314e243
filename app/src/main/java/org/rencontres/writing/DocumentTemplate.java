package org.rencontres.writing;

import java.util.Arrays;
import java.util.Optional;

import org.rencontres.workshops.WritingTemplate;

/** What a new document starts from; the sections themselves are laid out by the browser (writing.js). */
enum DocumentTemplate {
    BLANK,
    /** "État de l'art": what we do, what works, what blocks, what we propose. */
    STATE_OF_THE_ART,
    /** "Bright Mirror": a desirable future told as if it had happened, then the steps that led there. */
    BRIGHT_MIRROR;

    /** The template of that name as a form sends it, or empty. */
    static Optional<DocumentTemplate> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    static DocumentTemplate of(WritingTemplate workshopTemplate) {
        if (workshopTemplate == null) {
            return BLANK;
        }
        return switch (workshopTemplate) {
            case STATE_OF_THE_ART -> STATE_OF_THE_ART;
            case BRIGHT_MIRROR -> BRIGHT_MIRROR;
        };
    }
}
