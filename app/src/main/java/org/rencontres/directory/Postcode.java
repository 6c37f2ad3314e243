package org.rencontres.directory;

/** A French postcode: five digits ("91080"; Corsica's too, "20000"). */
final class Postcode {

    private Postcode() {
    }

    static String normalise(String input) {
        return input == null ? null : Texts.trimmed(input.replaceAll("[\\s\\u00a0]", ""));
    }

    static boolean isValid(String input) {
        String postcode = normalise(input);
        return postcode != null && postcode.matches("[0-9]{5}") && !postcode.startsWith("00");
    }
}
