package org.rencontres.directory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text helpers of the directory: blanks, trimming, and comparison without case nor accents. */
final class Texts {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-’'.]+");

    private Texts() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The text without surrounding spaces, or null when there is nothing left. */
    static String trimmed(String s) {
        return blank(s) ? null : s.strip();
    }

    /** Lower case without accents, punctuation kept: what a search compares. */
    static String plain(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s.replace('œ', 'o').replace('Œ', 'O').replace('æ', 'a').replace('Æ', 'A'),
                Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).strip();
    }

    /** "Évry-Courcouronnes" and "EVRY  courcouronnes" fold to the same "evry courcouronnes". */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        return SEPARATORS.matcher(plain(s)).replaceAll(" ").strip();
    }
}
