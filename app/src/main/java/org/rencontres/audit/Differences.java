package org.rencontres.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The changes of an edit as the audit trail words them: « Titre : « Ancien » → « Nouveau » ; Capacité : 30 → 40 »,
 * only what changed, in the order given. One wording for every module that audits an edit field by field.
 */
public final class Differences {

    private final List<String> changes = new ArrayList<>();

    /** A value shown as given ("9 h 30", "n°2"). */
    public Differences value(String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " : " + before + " → " + after);
        }
        return this;
    }

    /** A text typed by someone, shown between French quotation marks, "(vide)" when there is none. */
    public Differences text(String what, String before, String after) {
        return value(what, quoted(before), quoted(after));
    }

    /**
     * A value compared as it is (a whole text, a venue) and shown as a typed text in the words {@code shown}
     * gives it (shortened, for instance): recorded even when the words shown happen to be the same.
     */
    public Differences text(String what, Object before, Object after, Function<Object, String> shown) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " : " + quoted(shown.apply(before)) + " → " + quoted(shown.apply(after)));
        }
        return this;
    }

    /** A yes-or-no setting. */
    public Differences flag(String what, boolean before, boolean after) {
        return value(what, yesNo(before), yesNo(after));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes joined by « ; », empty when nothing changed. */
    @Override
    public String toString() {
        return joined(" ; ");
    }

    /** The changes joined by that separator (a day's page shows its long edits one line a field). */
    public String joined(String separator) {
        return String.join(separator, changes);
    }

    /** A typed text between French quotation marks, "(vide)" when empty. */
    public static String quoted(String text) {
        return text == null || text.isEmpty() ? "(vide)" : "« " + text + " »";
    }

    public static String yesNo(boolean b) {
        return b ? "oui" : "non";
    }
}
