package org.rencontres.programme;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The words a programme prints after a person's name when they may send someone in their place,
 * as the organiser writes them: « ou son représentant », « ou sa représentante », « ou son
 * représentant désigné ». One line, trimmed, at most {@link #MAX_LENGTH} characters; none (null)
 * when the person comes in person. The database checks the same bounds (V37).
 */
final class Representative {

    /** In characters (code points), as PostgreSQL's char_length counts them. */
    static final int MAX_LENGTH = 80;

    /** The phrasings the editor offers (programmes print in French, whatever the organiser's language). */
    static final List<String> USUAL = List.of("ou son représentant", "ou sa représentante",
            "ou son représentant désigné", "ou son adjoint·e");

    /** What Java calls whitespace: ordinary spaces, tabs, line breaks (not the non-breaking spaces). */
    private static final Pattern WHITESPACE_RUNS = Pattern.compile("[\\p{javaWhitespace}]+");

    private Representative() {
    }

    /**
     * The text as stored: no space at either end, not even a non-breaking one; inside, every run of
     * spaces, tabs or line breaks made one space (it is printed on the name's line; a non-breaking
     * space typed on purpose stays); null when nothing is left.
     */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        int start = 0;
        int end = typed.length();
        while (start < end && isSpace(typed.codePointAt(start))) {
            start += Character.charCount(typed.codePointAt(start));
        }
        while (end > start && isSpace(typed.codePointBefore(end))) {
            end -= Character.charCount(typed.codePointBefore(end));
        }
        return start == end ? null : WHITESPACE_RUNS.matcher(typed.substring(start, end)).replaceAll(" ");
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Whether the text, once normalised, is longer than the programme allows. */
    static boolean tooLong(String typed) {
        String text = normalise(typed);
        return text != null && length(text) > MAX_LENGTH;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
