package org.rencontres.directory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of a form: the saved record, or the message keys of the errors by field. */
public record Saved<T>(T value, Map<String, String> errors) {

    static <T> Saved<T> done(T value) {
        return new Saved<>(value, Map.of());
    }

    static <T> Saved<T> refused(Map<String, String> errors) {
        return new Saved<>(null, Collections.unmodifiableMap(new LinkedHashMap<>(errors)));
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
