package org.rencontres.directory;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rencontres.shared.EmailAddress;

/** The fields of the form that adds a training-service contact. */
public record TrainingContactForm(String libelle, String courriel) {

    public static TrainingContactForm empty() {
        return new TrainingContactForm("", "");
    }

    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (libelle != null && libelle.strip().length() > 200) {
            errors.put("libelle", "directory.error.label.long");
        }
        if (!EmailAddress.isValid(courriel)) {
            errors.put("courriel", "directory.error.email");
        }
        return errors;
    }
}
