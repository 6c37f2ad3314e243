package org.rencontres.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: 12 characters at least, 72 bytes at most (bcrypt reads no further: we
 * refuse rather than silently ignore the end), and hard to guess by zxcvbn's estimate (score 3 of 4, about
 * 10^8 guesses), which knows common passwords, words, names, keyboard rows, repeats, dates and the
 * account's own name and address. The refusal says why, in the reader's language, and what to do.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    static final int MIN_SCORE = 3;

    /** Words of this application that a guesser would try first. */
    private static final List<String> SITE_WORDS = List.of("rencontres", "cnfpt", "journee", "actualite", "inset",
            "organisateur", "administrateur", "motdepasse");

    // Built once: it loads zxcvbn's dictionaries; measuring keeps its state per call.
    private final Zxcvbn zxcvbn = new Zxcvbn();
    private final MessageSource messages;

    static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /**
     * Why this password may not be used, as a text for the form, or empty when it is good.
     *
     * @param personal what the person typed about themselves (name, e-mail): a password made of it is weak
     */
    Optional<String> problem(String password, List<String> personal, Locale locale) {
        return problem("motdepasse", password, personal, locale)
                .map(p -> messages.getMessage(p.code(), p.args().toArray(), locale));
    }

    /**
     * Why this password may not be used, as a problem of that field, or empty when it is good. zxcvbn's
     * advice (a warning, suggestions) is already in the reader's language: it is the problem's argument.
     *
     * @param personal what the person typed about themselves (name, e-mail): a password made of it is weak
     */
    Optional<FieldProblem> problem(String field, String password, List<String> personal, Locale locale) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(FieldProblem.of(field, "account.error.password"));
        }
        if (tooLong(password)) {
            return Optional.of(FieldProblem.of(field, "account.error.password.long"));
        }
        List<String> inputs = new ArrayList<>(SITE_WORDS);
        for (String p : personal) {
            if (p != null && !p.isBlank()) {
                String whole = p.strip().toLowerCase(Locale.ROOT);
                inputs.add(whole);
                if (whole.indexOf('@') > 0) {
                    inputs.add(whole.substring(0, whole.indexOf('@')));
                }
                for (String part : p.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (part.length() > 2) {
                        inputs.add(part);
                    }
                }
            }
        }
        Strength strength = zxcvbn.measure(password, inputs);
        if (strength.getScore() >= MIN_SCORE) {
            return Optional.empty();
        }
        Feedback feedback = strength.getFeedback().withResourceBundle(bundle(locale));
        StringBuilder advice = new StringBuilder();
        String warning = feedback.getWarning(locale);
        if (warning != null && !warning.isBlank()) {
            advice.append(' ').append(warning);
        }
        for (String suggestion : feedback.getSuggestions(locale)) {
            advice.append(' ').append(suggestion);
        }
        return Optional.of(FieldProblem.of(field, "account.error.password.weak", advice.toString()));
    }

    /** zxcvbn's feedback keys, read from this module's messages ({@code password.feedback…}). */
    private ResourceBundle bundle(Locale locale) {
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return messages.getMessage("password." + key, null, "", locale);
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.emptyEnumeration();
            }
        };
    }
}
