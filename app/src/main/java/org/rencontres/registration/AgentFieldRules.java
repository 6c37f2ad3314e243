package org.rencontres.registration;

import java.util.List;

import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.Phone;

/**
 * The checks of an agent's fields that the public request form and the paper path share, so that both
 * accept the same values: each problem under its field, with a message key that starts with the
 * form's own prefix ("registration.error." online, "registration.admin.error." on the paper path).
 */
final class AgentFieldRules {

    static final int MAX_LENGTH = 500;

    private AgentFieldRules() {
    }

    /** Name, first name, e-mail, telephone and position: all required, the e-mail and phone well formed. */
    static void identity(List<FieldProblem> problems, String keys, String nom, String prenom, String courriel,
                         String telephone, String fonction) {
        required(problems, keys, "nom", nom);
        required(problems, keys, "prenom", prenom);
        if (blank(courriel)) {
            problems.add(FieldProblem.of("courriel", keys + "courriel.required"));
        } else if (!EmailAddress.isValid(courriel)) {
            problems.add(FieldProblem.of("courriel", keys + "courriel.invalid"));
        }
        if (blank(telephone)) {
            problems.add(FieldProblem.of("telephone", keys + "telephone.required"));
        } else if (!Phone.isValid(telephone)) {
            problems.add(FieldProblem.of("telephone", keys + "telephone.invalid"));
        }
        required(problems, keys, "fonction", fonction);
    }

    /** The line manager's address, when given, is an e-mail address. */
    static void lineManager(List<FieldProblem> problems, String keys, String responsable) {
        if (!blank(responsable) && !EmailAddress.isValid(responsable)) {
            problems.add(FieldProblem.of("responsable", keys + "responsable.invalid"));
        }
    }

    /** The texts bounded for the history and the exports. */
    static void lengths(List<FieldProblem> problems, String keys, String nom, String prenom, String fonction,
                        String employeur, String repas, String accessibilite) {
        String[][] texts = {{"nom", nom}, {"prenom", prenom}, {"fonction", fonction}, {"employeur", employeur},
                {"repas", repas}, {"accessibilite", accessibilite}};
        for (String[] text : texts) {
            if (text[1] != null && text[1].length() > MAX_LENGTH) {
                problems.add(FieldProblem.of(text[0], keys + "too.long"));
            }
        }
    }

    static void required(List<FieldProblem> problems, String keys, String field, String value) {
        if (blank(value)) {
            problems.add(FieldProblem.of(field, keys + field + ".required"));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
