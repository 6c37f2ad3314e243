package org.rencontres.directory;

import java.util.regex.Pattern;

/** An e-mail address as HTML's input type="email" accepts it (the WHATWG definition), at most 254 characters. */
final class EmailAddress {

    private static final Pattern VALID = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddress() {
    }

    static boolean isValid(String input) {
        if (Texts.blank(input)) {
            return false;
        }
        String email = input.strip();
        return email.length() <= 254 && VALID.matcher(email).matches();
    }

    /** Addresses compare without case: the way the directory stores and matches them. */
    static String normalise(String input) {
        return Texts.blank(input) ? null : input.strip();
    }
}
