package org.rencontres.exchange;

import java.util.Locale;

/** Who a person of the document is, for matching: their e-mail address, else their given and family names. */
final class PersonKey {

    private PersonKey() {
    }

    static String of(SessionDocument.Person p) {
        if (p.email() != null && !p.email().isBlank()) {
            return "email:" + p.email().strip().toLowerCase(Locale.ROOT);
        }
        return "name:" + fold(p.givenName()) + "|" + fold(p.familyName());
    }

    static String fold(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
