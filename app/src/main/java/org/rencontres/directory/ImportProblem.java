package org.rencontres.directory;

import java.io.Serializable;

/** Why a line (or the whole file) of an import cannot be taken: a message key and its argument, if any. */
record ImportProblem(String key, String argument) implements Serializable {

    static ImportProblem of(String key) {
        return new ImportProblem(key, null);
    }

    static ImportProblem of(String key, Object argument) {
        return new ImportProblem(key, String.valueOf(argument));
    }
}
