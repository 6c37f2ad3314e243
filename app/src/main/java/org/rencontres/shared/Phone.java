package org.rencontres.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A telephone number as people type it, the one rule for every form and import: an optional
 * leading {@code +}, then digits with the usual separators (space, dot, hyphen, parentheses), 6 to
 * 15 digits (15 is the longest international number, ITU E.164), at most 25 characters, surrounding
 * spaces dropped. "01 60 79 74 00", "+33 (0)1 60 79 74 00" and "01.60.79.74.00" pass; letters,
 * extensions ("poste 12") and a string of separators do not.
 */
public record Phone(String value) {

    public static final int MAX_LENGTH = 25;

    private static final Pattern SHAPE = Pattern.compile("\\+?[0-9 .()-]+");

    /** @throws IllegalArgumentException when {@code value} is not a telephone number */
    public Phone {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a telephone number");
        }
        value = value.strip();
    }

    /** Whether {@code typed} (surrounding spaces aside) is a telephone number; {@code null} is not. */
    public static boolean isValid(String typed) {
        if (typed == null) {
            return false;
        }
        String number = typed.strip();
        if (number.length() > MAX_LENGTH || !SHAPE.matcher(number).matches()) {
            return false;
        }
        long digits = number.chars().filter(c -> c >= '0' && c <= '9').count();
        return digits >= 6 && digits <= 15;
    }

    /** The number typed, or nothing when it is blank or not a number. */
    public static Optional<Phone> parse(String typed) {
        return isValid(typed) ? Optional.of(new Phone(typed)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
