package org.rencontres.directory;

import java.util.ArrayList;
import java.util.List;

import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;

/** The fields of the form that adds a training-service contact. */
public record TrainingContactForm(String libelle, String courriel) {

    public static TrainingContactForm empty() {
        return new TrainingContactForm("", "");
    }

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (libelle != null && libelle.strip().length() > 200) {
            problems.add(FieldProblem.of("libelle", "directory.error.label.long"));
        }
        if (!EmailAddress.isValid(courriel)) {
            problems.add(FieldProblem.of("courriel", "directory.error.email"));
        }
        return problems;
    }
}
