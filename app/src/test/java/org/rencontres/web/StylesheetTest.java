package org.rencontres.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * French writes months and weekdays in lower case: a stylesheet that capitalises every word turned
 * « mardi 16 mars 2027 » into « Mardi 16 Mars 2027 ». The first letter of a sentence is capitalised in
 * the text itself, never by CSS.
 */
class StylesheetTest {

    private static final Pattern CAPITALIZE = Pattern.compile("text-transform\\s*:\\s*capitalize");
    /** A text size in pixels does not follow the reader's own text size (RGAA 10.4): rem or em only. */
    private static final Pattern PIXEL_TEXT = Pattern.compile("font-size\\s*:\\s*[0-9.]+px");
    private static final Path CSS = Path.of("src", "main", "resources", "static", "css");

    static boolean capitalisesWords(String css) {
        return CAPITALIZE.matcher(css).find();
    }

    @Test
    void the_check_sees_a_rule_that_capitalises_every_word_and_lets_others_pass() {
        assertThat(capitalisesWords(".programme-date { font-weight: 600; text-transform: capitalize; }")).isTrue();
        assertThat(capitalisesWords(".programme-date { font-weight: 600; }")).isFalse();
        assertThat(capitalisesWords(".family-name { text-transform: uppercase; }")).isFalse();
    }

    @Test
    void no_stylesheet_capitalises_every_word() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(CSS)) {
            sheets = files.filter(p -> p.toString().endsWith(".css")).toList();
        }
        assertThat(sheets).isNotEmpty();
        for (Path sheet : sheets) {
            assertThat(capitalisesWords(Files.readString(sheet, StandardCharsets.UTF_8))).as(sheet.toString()).isFalse();
        }
    }

    @Test
    void the_text_size_check_sees_pixels_and_lets_relative_sizes_pass() {
        assertThat(PIXEL_TEXT.matcher(".survey-chart text { font-size: 12px; }").find()).isTrue();
        assertThat(PIXEL_TEXT.matcher(".survey-chart text { font-size: 0.75rem; }").find()).isFalse();
    }

    @Test
    void no_stylesheet_sets_a_text_size_in_pixels() throws IOException {
        try (Stream<Path> files = Files.walk(CSS)) {
            for (Path sheet : files.filter(p -> p.toString().endsWith(".css")).toList()) {
                assertThat(PIXEL_TEXT.matcher(Files.readString(sheet, StandardCharsets.UTF_8)).find())
                        .as("a font-size in px in " + sheet).isFalse();
            }
        }
    }
}
