package org.rencontres.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short text written by organisers: paragraphs separated by a blank line, emphasis between
 * asterisks ({@code *l'art et la manière*}). It is never turned into raw HTML: pages render its
 * segments, so whatever an organiser types stays text.
 */
public record RichText(String source) {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");
    private static final Pattern EMPHASIS = Pattern.compile("\\*([^*\\n]+)\\*");

    public RichText {
        source = source == null ? "" : source.strip();
    }

    public static RichText of(String source) {
        return new RichText(source);
    }

    public boolean isEmpty() {
        return source.isEmpty();
    }

    /** The paragraphs, each a list of plain and emphasised segments. */
    public List<List<Segment>> paragraphs() {
        List<List<Segment>> paragraphs = new ArrayList<>();
        if (source.isEmpty()) {
            return paragraphs;
        }
        for (String paragraph : PARAGRAPH_BREAK.split(source)) {
            String text = paragraph.strip().replaceAll("\\s*\\R\\s*", " ");
            if (!text.isEmpty()) {
                paragraphs.add(segments(text));
            }
        }
        return paragraphs;
    }

    /** The text without its emphasis marks, for plain-text uses (calendar, JSON-LD). */
    public String plain() {
        return EMPHASIS.matcher(source).replaceAll("$1");
    }

    private static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = EMPHASIS.matcher(text);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                segments.add(new Segment(text.substring(last, matcher.start()), false));
            }
            segments.add(new Segment(matcher.group(1), true));
            last = matcher.end();
        }
        if (last < text.length()) {
            segments.add(new Segment(text.substring(last), false));
        }
        return segments;
    }

    public record Segment(String text, boolean emphasis) {
    }
}
