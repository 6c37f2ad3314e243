package org.rencontres.writing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rencontres.shared.FieldProblem;

/**
 * A new free document as its form sends it ("titre", "modele"), and its checks.
 *
 * @param titre the title as typed
 * @param modele the name of the template it starts from
 */
record DocumentForm(String titre, String modele) {

    static final int TITLE_MAX = 200;

    DocumentForm {
        titre = titre == null ? "" : titre;
        modele = modele == null ? "" : modele;
    }

    static DocumentForm empty() {
        return new DocumentForm("", "");
    }

    /** What is wrong, in the form's order; none means {@link #template()} may be called. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        titleProblem(titre, "writing.error.title.required", "writing.error.title.long").ifPresent(problems::add);
        templateProblem(modele).ifPresent(problems::add);
        return problems;
    }

    DocumentTemplate template() {
        return DocumentTemplate.named(modele).orElseThrow();
    }

    /** A title's problem under the field "titre": missing, or over {@value #TITLE_MAX} characters. */
    static Optional<FieldProblem> titleProblem(String title, String missing, String tooLong) {
        if (title.isBlank()) {
            return Optional.of(FieldProblem.of("titre", missing));
        }
        if (title.strip().length() > TITLE_MAX) {
            return Optional.of(FieldProblem.of("titre", tooLong));
        }
        return Optional.empty();
    }

    /** A starting template's problem under the field "modele": not one of the list. */
    static Optional<FieldProblem> templateProblem(String template) {
        return DocumentTemplate.named(template).isPresent() ? Optional.empty()
                : Optional.of(FieldProblem.of("modele", "writing.error.template"));
    }
}
