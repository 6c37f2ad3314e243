package org.rencontres.shared;

import java.text.Normalizer;

/** Small rules of written French that code, not translators, must apply. */
public final class FrenchText {

    private FrenchText() {
    }

    /** « de » before a word, elided before a vowel or an h: « d’Émilie », « d’Inès », « de Paul », « de 12 ». */
    public static String de(String word) {
        return (elides(word) ? "d’" : "de ") + word;
    }

    /**
     * Whether « de » (« le », « que »…) loses its vowel before this word: it starts with a vowel, accented or not, a
     * « y » or an « h » (« d’Hélène », « d’Yves »; an aspirated h, rare in names, is not told apart). Digits,
     * quotation marks and consonants keep « de ».
     */
    public static boolean elides(String word) {
        if (word == null) {
            return false;
        }
        String stripped = word.strip();
        if (stripped.isEmpty()) {
            return false;
        }
        String first = Normalizer.normalize(stripped.substring(0, Character.charCount(stripped.codePointAt(0))),
                Normalizer.Form.NFD);
        return "aeiouyhæœAEIOUYHÆŒ".indexOf(first.charAt(0)) >= 0;
    }
}
