package org.rencontres.exchange;

import java.io.Serializable;
import java.util.List;

/**
 * Something wrong with an uploaded session document, where it is.
 *
 * @param path where in the document, as a JSON path ({@code $.days[0].slots[2].title}); {@code $} for the whole
 * @param code the key of its French message (bundle {@code i18n/exchange})
 * @param args what the message names
 */
record DocumentProblem(String path, String code, List<Object> args) implements Serializable {

    DocumentProblem {
        args = List.copyOf(args);
    }

    static DocumentProblem at(String path, String code, Object... args) {
        return new DocumentProblem(path, code, List.of(args));
    }
}
