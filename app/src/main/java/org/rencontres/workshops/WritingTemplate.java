package org.rencontres.workshops;

/** The collective-writing method a workshop follows. */
public enum WritingTemplate {
    /** "État de l'art": what the group knows and does today. */
    STATE_OF_THE_ART,
    /** "Bright Mirror": the group writes the desirable future as if it had happened. */
    BRIGHT_MIRROR
}
