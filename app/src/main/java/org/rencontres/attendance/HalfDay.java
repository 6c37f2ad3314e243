package org.rencontres.attendance;

import java.util.Arrays;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** A half-day of a training day: attendance is recorded per half-day. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public enum HalfDay {
    MORNING("matin"), AFTERNOON("apres-midi");

    private final String slug;

    /** Its name in addresses and forms: "matin", "apres-midi". */
    public String slug() {
        return slug;
    }

    /** The half-day of that name ("matin", "apres-midi"), if any. */
    public static Optional<HalfDay> ofSlug(String slug) {
        return Arrays.stream(values()).filter(h -> h.slug.equals(slug)).findFirst();
    }
}
