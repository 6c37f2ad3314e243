package org.rencontres.security;

import org.rencontres.shared.Secrets;

/**
 * The secret of a one-time link (set-up, password reset): 256 random bits, URL-safe; only its SHA-256 is
 * stored, so a copy of the database opens nothing.
 */
final class SecretTokens {

    private SecretTokens() {
    }

    /** A new secret, 43 URL-safe characters. */
    static String issue() {
        return Secrets.randomKey(32);
    }

    /** What is stored of a secret: its SHA-256, in hexadecimal. */
    static String hash(String token) {
        return Secrets.sha256Hex(token);
    }
}
