package org.rencontres.survey;

import java.util.List;

/** A question of a day's survey; {@code options} are the choices of a CHOICE question, else empty. */
record Question(long id, long dayId, int position, String text, Kind kind, List<String> options) {

    enum Kind { SCALE, CHOICE, TEXT }

    /** The form field of this question. */
    public String field() {
        return "q" + id;
    }

    public boolean required() {
        return kind == Kind.SCALE;
    }
}
