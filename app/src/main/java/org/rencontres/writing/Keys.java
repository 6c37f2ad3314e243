package org.rencontres.writing;

import org.rencontres.shared.Secrets;

/** Random keys of the read-only links and of the participants' access: 128 bits, base64url. */
final class Keys {

    private Keys() {
    }

    static String random() {
        return Secrets.randomKey(16);
    }

    static boolean wellFormed(String key) {
        return key != null && key.matches("[A-Za-z0-9_-]{22}");
    }
}
