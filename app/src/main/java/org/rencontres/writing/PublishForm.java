package org.rencontres.writing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.rencontres.event.Resource.Visibility;
import org.rencontres.shared.FieldProblem;

/**
 * Publishing a document as its form sends it: who may read the final text.
 *
 * @param visibilite the name of a {@link Visibility} as sent, or "" when nothing was chosen
 */
record PublishForm(String visibilite) {

    PublishForm {
        visibilite = visibilite == null ? "" : visibilite;
    }

    /** What is wrong: nothing (or nothing known) chosen. */
    List<FieldProblem> problems() {
        return chosen().isPresent() ? List.of() : List.of(FieldProblem.of("visibilite", "writing.error.visibility"));
    }

    Visibility visibility() {
        return chosen().orElseThrow();
    }

    private Optional<Visibility> chosen() {
        return Arrays.stream(Visibility.values()).filter(v -> v.name().equals(visibilite)).findFirst();
    }
}
