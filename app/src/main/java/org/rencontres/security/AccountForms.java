package org.rencontres.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/** Checks an account form; returns message keys by field, empty when all is well. */
@Component
class AccountForms {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private final Accounts accounts;

    AccountForms(Accounts accounts) {
        this.accounts = accounts;
    }

    Map<String, String> validate(AccountForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(form.nom())) {
            errors.put("nom", "account.error.name");
        }
        if (blank(form.courriel()) || !EMAIL.matcher(form.courriel().strip()).matches()) {
            errors.put("courriel", "account.error.email");
        } else if (accounts.emailTaken(form.courriel())) {
            errors.put("courriel", "account.error.email.taken");
        }
        if (form.motdepasse() == null || form.motdepasse().length() < Accounts.MIN_PASSWORD_LENGTH) {
            errors.put("motdepasse", "account.error.password");
        } else if (!form.motdepasse().equals(form.confirmation())) {
            errors.put("confirmation", "account.error.confirmation");
        }
        return errors;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
