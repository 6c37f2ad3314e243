package org.rencontres.event;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The session code that identifies a day, as printed ("Z20IN 001"). Its slug, without spaces and
 * in capitals ("Z20IN001"), is the day's address; look-ups ignore case and spaces.
 */
public record SessionCode(String value) {

    /** The longest code a form accepts (V33 bounds the column likewise): the code is the day's address. */
    public static final int MAX_LENGTH = 40;

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9]+( [A-Za-z0-9]+)*");

    public SessionCode {
        if (value == null || !FORM.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException("Invalid session code: " + value);
        }
        value = value.strip().toUpperCase(Locale.ROOT);
    }

    public static String slugOf(String code) {
        return code.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    public String slug() {
        return slugOf(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
