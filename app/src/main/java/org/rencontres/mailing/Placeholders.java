package org.rencontres.mailing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders an organiser may write in a bulk e-mail's subject and text: {@code {prenom}},
 * {@code {nom}}, {@code {lien_espace}} (the link to the recipient's space) and {@code {journee}} (the
 * session's title). Anything else between braces is refused, so that no recipient reads a
 * {@code {prénom}} left unfilled.
 */
final class Placeholders {

    static final String GIVEN_NAME = "prenom";
    static final String SURNAME = "nom";
    static final String SPACE = "lien_espace";
    static final String SESSION = "journee";
    static final List<String> KNOWN = List.of(GIVEN_NAME, SURNAME, SPACE, SESSION);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\n]{0,40})}");

    private Placeholders() {
    }

    /** The placeholders of {@code text} that are not known, in order of appearance, each once. */
    static Set<String> unknown(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        if (text == null) {
            return unknown;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        return unknown;
    }

    /** The known placeholders, as the error message lists them. */
    static String list() {
        return String.join(", ", KNOWN.stream().map(k -> "{" + k + "}").toList());
    }

    /** {@code text} with every known placeholder replaced by its value. */
    static String fill(String text, Map<String, String> values) {
        return fill(text, values::get);
    }

    private static String fill(String text, Function<String, String> value) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = KNOWN.contains(m.group(1)) ? value.apply(m.group(1)) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A piece of a line of the HTML part: a text, or the link to the recipient's space. */
    record Part(String text, boolean spaceLink) {
    }

    /**
     * The text as paragraphs (split at blank lines) of lines of parts, the names filled in and
     * {@code {lien_espace}} left as a link part: the HTML part draws it as a link with a text.
     */
    static List<List<List<Part>>> paragraphs(String text, Map<String, String> values) {
        List<List<List<Part>>> paragraphs = new ArrayList<>();
        for (String block : text.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
            List<List<Part>> lines = new ArrayList<>();
            for (String line : block.split("\n")) {
                List<Part> parts = new ArrayList<>();
                String[] pieces = line.split(Pattern.quote("{" + SPACE + "}"), -1);
                for (int i = 0; i < pieces.length; i++) {
                    if (i > 0) {
                        parts.add(new Part(null, true));
                    }
                    if (!pieces[i].isEmpty()) {
                        parts.add(new Part(fill(pieces[i], values), false));
                    }
                }
                lines.add(parts);
            }
            paragraphs.add(lines);
        }
        return paragraphs;
    }
}
