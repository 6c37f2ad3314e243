package org.rencontres.writing;

import java.security.SecureRandom;
import java.util.Base64;

/** Random keys of the read-only links and of the participants' access: 128 bits, base64url. */
final class Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String key) {
        return key != null && key.matches("[A-Za-z0-9_-]{22}");
    }
}
