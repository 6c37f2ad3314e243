package org.rencontres.shared;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON to write inside an HTML page ({@code <script type="application/ld+json">}, a data
 * attribute): the one place where the application turns values into JSON for a page.
 *
 * <p>Inside {@code <script>} the HTML parser, not the JSON parser, decides where the element
 * ends: {@code </script>} closes it and {@code <!--} followed by {@code <script} makes it swallow
 * the rest of the page. So {@code <}, {@code >} and {@code &} are written {@code \u003C},
 * {@code \u003E}, {@code \u0026}, which any JSON parser reads back as the same characters, and
 * U+2028 / U+2029 are escaped too (line terminators in JavaScript before ES2019). The output has
 * no character that HTML treats specially outside an attribute's quotes, so it is also safe in a
 * text node; Thymeleaf still escapes it when it goes into an attribute.
 */
public final class JsonInHtml {

    private static final JsonMapper MAPPER = JsonMapper.builder(
            JsonFactory.builder().characterEscapes(new HtmlEscapes()).build()).build();

    private JsonInHtml() {
    }

    /** The value as JSON that cannot end or change the HTML element it is written in. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Jackson's escapes for JSON, plus the characters that mean something to HTML or JavaScript. */
    private static final class HtmlEscapes extends CharacterEscapes {

        private static final int[] ASCII = standardAsciiEscapesForJSON();
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        static {
            ASCII['<'] = ESCAPE_STANDARD;
            ASCII['>'] = ESCAPE_STANDARD;
            ASCII['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '\u2028' -> LINE_SEPARATOR;
                case '\u2029' -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
