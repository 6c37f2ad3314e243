package org.rencontres.survey;

import java.util.List;

/** A question of one of a day's questionnaires ({@link Phase}); {@code options} are the choices of a CHOICE question, else empty. */
record Question(long id, long dayId, Phase phase, int position, String text, Kind kind, List<String> options) {

    enum Kind { SCALE, CHOICE, TEXT }

    /** The form field of this question. */
    public String field() {
        return "q" + id;
    }

    public boolean required() {
        return kind == Kind.SCALE;
    }
}
