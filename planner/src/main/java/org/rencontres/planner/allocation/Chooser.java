package org.rencontres.planner.allocation;

import java.util.List;
import org.rencontres.planner.InvalidProblemException;

/** A participant and the workshops they ranked, first choice first. */
public record Chooser(String id, List<String> choices) {

    public Chooser {
        if (id == null || id.isBlank()) {
            throw new InvalidProblemException("a participant has no id");
        }
        choices = List.copyOf(choices == null ? List.of() : choices);
    }
}
