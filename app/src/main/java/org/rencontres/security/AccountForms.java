package org.rencontres.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rencontres.shared.EmailAddress;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Checks an account form; returns the error texts by field, empty when all is well. */
@Component
class AccountForms {

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final MessageSource messages;

    AccountForms(Accounts accounts, PasswordPolicy policy, MessageSource messages) {
        this.accounts = accounts;
        this.policy = policy;
        this.messages = messages;
    }

    Map<String, String> validate(AccountForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(form.nom())) {
            errors.put("nom", text("account.error.name"));
        }
        if (!EmailAddress.isValid(form.courriel())) {
            errors.put("courriel", text("account.error.email"));
        } else if (accounts.emailTaken(form.courriel())) {
            errors.put("courriel", text("account.error.email.taken"));
        }
        errors.putAll(password(form.motdepasse(), form.confirmation(), List.of(nullToEmpty(form.nom()),
                nullToEmpty(form.courriel()))));
        return errors;
    }

    /** A new password and its confirmation (fields {@code motdepasse} and {@code confirmation}). */
    Map<String, String> password(String password, String confirmation, List<String> personal) {
        Map<String, String> errors = new LinkedHashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        policy.problem(password, personal, locale).ifPresentOrElse(problem -> errors.put("motdepasse", problem), () -> {
            if (!password.equals(confirmation)) {
                errors.put("confirmation", text("account.error.confirmation"));
            }
        });
        return errors;
    }

    String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
