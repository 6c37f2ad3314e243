package org.rencontres.shared;

import java.util.Map;

/**
 * A search typed by a French user, and the SQL that answers it the way they expect: without case nor accents
 * (« numerique » finds « Numérique »), by word forms (« finance » finds « Finances », « collectivites » finds
 * « collectivité »), and by parts of words or names (« dur » finds « Durand »), ranked by relevance.
 * <p>
 * The database side is created once by {@code V60__french_search.sql}: the {@code unaccent} and {@code pg_trgm}
 * extensions, the immutable {@code f_unaccent(text)} and the text search configuration {@code french_unaccent}
 * (French stemmer after unaccent). Each module keeps its own SQL on its own tables and its own indexes, built on the
 * very expressions this class writes: {@link #folded(String)} for a trigram index
 * ({@code gin (f_unaccent(lower(expr)) gin_trgm_ops)}), {@link #document(String)} for a text search index
 * ({@code gin (to_tsvector('french_unaccent', expr))}). The query's text travels as the named parameters of
 * {@link #params()}, never inside the SQL.
 *
 * @param text the search as typed, stripped, at most {@value #MAX_LENGTH} characters; empty for no search
 */
public record FrenchSearch(String text) {

    /** Longest search kept; anything beyond is cut (a search is a few words). */
    public static final int MAX_LENGTH = 200;

    /** Name of the parameter holding the search's words. */
    public static final String TEXT = "searchText";
    /** Name of the parameter holding the {@code LIKE} pattern of the search (escaped, between two {@code %}). */
    public static final String LIKE = "searchLike";

    public static final FrenchSearch NONE = new FrenchSearch("");

    public FrenchSearch {
        text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH).strip();
        }
    }

    public static FrenchSearch of(String typed) {
        return new FrenchSearch(typed);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The SQL expression of a text without case nor accents: index it with {@code gin_trgm_ops}. */
    public static String folded(String expression) {
        return "f_unaccent(lower(" + expression + "))";
    }

    /** The SQL expression of a text as French words: index it with {@code gin}. */
    public static String document(String expression) {
        return "to_tsvector('french_unaccent', " + expression + ")";
    }

    /** The search's words as a French text search query (words joined by « and », quotes and « - » understood). */
    public static String query() {
        return "websearch_to_tsquery('french_unaccent', :" + TEXT + ")";
    }

    /** SQL condition: the text contains the search as typed, without case nor accents (a part of a word, a name). */
    public static String contains(String expression) {
        return computed(expression).contains();
    }

    /** SQL condition: the text has every word of the search, in any of its forms (plural, accents). */
    public static String hasWords(String expression) {
        return computed(expression).hasWords();
    }

    /** SQL condition: either of the two above. */
    public static String matches(String expression) {
        return computed(expression).matches();
    }

    /** SQL value to order by, best first ({@code DESC}): how well the words match, then how close the letters are. */
    public static String relevance(String expression) {
        return computed(expression).relevance();
    }

    /** SQL value to order by, best first ({@code DESC}), for names and addresses: how close the letters are. */
    public static String closeness(String expression) {
        return computed(expression).closeness();
    }

    /** The two forms of a text computed where the search reads it. */
    private static Stored computed(String expression) {
        return new Stored(document(expression), folded(expression));
    }

    /**
     * A searched text whose two forms are read from columns rather than computed for each row a search reads: stored
     * generated columns ({@code GENERATED ALWAYS AS (...) STORED}) of exactly {@link #document(String)} and
     * {@link #folded(String)} of the text, each indexed like them. The SQL this writes is the static methods' SQL,
     * the columns in place of the expressions: the same matches, the same order.
     *
     * @param words the column of the text's French words ({@code tsvector}); null when only letters are searched
     * @param letters the column of the text without case nor accents
     */
    public record Stored(String words, String letters) {

        /** SQL condition: the text contains the search as typed (see {@link FrenchSearch#contains}). */
        public String contains() {
            return letters + " LIKE " + folded(":" + LIKE);
        }

        /** SQL condition: the text has every word of the search (see {@link FrenchSearch#hasWords}). */
        public String hasWords() {
            return words + " @@ " + query();
        }

        /** SQL condition: either of the two above. */
        public String matches() {
            return "(" + hasWords() + " OR " + contains() + ")";
        }

        /** SQL value to order by, best first (see {@link FrenchSearch#relevance}). */
        public String relevance() {
            return "ts_rank(" + words + ", " + query() + ") DESC, similarity(" + letters + ", " + folded(":" + TEXT)
                    + ") DESC";
        }

        /** SQL value to order by, best first (see {@link FrenchSearch#closeness}). */
        public String closeness() {
            return "word_similarity(" + folded(":" + TEXT) + ", " + letters + ") DESC";
        }
    }

    /** The named parameters of the SQL above. */
    public Map<String, Object> params() {
        return Map.of(TEXT, text, LIKE, "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
}
