package org.rencontres.security;

import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Checks the account and password forms; returns what is wrong, empty when all is well. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccountForms {

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final SignInAttempts attempts;
    private final MessageSource messages;

    /** The first administrator's form (set-up link). */
    List<FieldProblem> validate(AccountForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(form.nom())) {
            problems.add(FieldProblem.of("nom", "account.error.name"));
        }
        if (!EmailAddress.isValid(form.courriel())) {
            problems.add(FieldProblem.of("courriel", "account.error.email"));
        } else if (accounts.emailTaken(form.courriel())) {
            problems.add(FieldProblem.of("courriel", "account.error.email.taken"));
        }
        problems.addAll(password(form.motdepasse(), form.confirmation(), List.of(nullToEmpty(form.nom()),
                nullToEmpty(form.courriel()))));
        return problems;
    }

    /** An account an administrator opens: the form and the role's name ({@link Role}). */
    List<FieldProblem> validate(AccountForm form, String role) {
        List<FieldProblem> problems = validate(form);
        if (role(role) == null) {
            problems.add(FieldProblem.of("role", "account.error.role"));
        }
        return problems;
    }

    /** The role of that name, or null. */
    static Role role(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /**
     * A signed-in person's change of password: the current one first (a sign-in in disguise, so a
     * stolen session may not guess it freely: the same limits as the sign-in form), then the new one.
     *
     * @param remoteAddress the address the request came from
     */
    List<FieldProblem> passwordChange(Organiser me, String current, String password, String confirmation,
                                      String remoteAddress) {
        String email = SignInAttempts.email(me.getUsername());
        String address = SignInAttempts.network(remoteAddress);
        if (attempts.refused(email, address)) {
            return List.of(FieldProblem.of("actuel", "password.error.locked"));
        }
        if (!accounts.passwordMatches(me.accountId(), current)) {
            attempts.failed(email, address);
            return List.of(FieldProblem.of("actuel", "password.error.current"));
        }
        return password(password, confirmation, List.of(me.displayName(), me.getUsername()));
    }

    /** A new password and its confirmation (fields {@code motdepasse} and {@code confirmation}). */
    List<FieldProblem> password(String password, String confirmation, List<String> personal) {
        return policy.problem("motdepasse", password, personal, LocaleContextHolder.getLocale())
                .map(List::of)
                .orElseGet(() -> password.equals(confirmation) ? List.of()
                        : List.of(FieldProblem.of("confirmation", "account.error.confirmation")));
    }

    /** The page's texts of these problems, in the reader's language. */
    FormErrors errors(List<FieldProblem> problems) {
        return FormErrors.of(problems, messages, LocaleContextHolder.getLocale());
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
