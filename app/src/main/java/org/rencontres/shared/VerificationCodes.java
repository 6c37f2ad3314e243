package org.rencontres.shared;

import java.util.regex.Pattern;

/**
 * The codes that make a document verifiable (an attendance certificate, an approval trail): 144
 * random bits, URL-safe, printed on the document with the address of a public page that says whether
 * the code belongs to a genuine one. Unguessable, so the code may also fetch what it proves.
 */
public final class VerificationCodes {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{10,64}");

    private VerificationCodes() {
    }

    /** A fresh code: 144 random bits in 24 URL-safe characters. */
    public static String newCode() {
        return Secrets.randomKey(18);
    }

    /** Whether {@code code} may be a code at all: anything else is refused before any look-up. */
    public static boolean isWellFormed(String code) {
        return code != null && WELL_FORMED.matcher(code).matches();
    }
}
