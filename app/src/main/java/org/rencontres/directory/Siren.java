package org.rencontres.directory;

/**
 * The SIREN number of a French body: nine digits whose Luhn checksum is valid. Spaces (as in
 * "213 100 555") are accepted on input and dropped.
 */
final class Siren {

    /** La Poste's SIREN predates the checksum rule; its digits add up to a multiple of 5 instead. */
    private static final String LA_POSTE = "356000000";

    private Siren() {
    }

    /** The digits only, or the input unchanged when it holds anything but digits and spaces. */
    static String normalise(String input) {
        if (input == null) {
            return null;
        }
        String compact = input.replaceAll("[\\s\\u00a0\\u202f.]", "");
        return compact.isEmpty() ? null : compact;
    }

    static boolean isValid(String input) {
        String siren = normalise(input);
        if (siren == null || !siren.matches("[0-9]{9}")) {
            return false;
        }
        return siren.equals(LA_POSTE) || luhn(siren);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
