package org.rencontres.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rencontres.shared.FrenchText;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's messages, with French elision applied where a translator cannot: a pattern that writes
 * « de {0} » gets « d’Émilie » or « de Paul » depending on the argument. The rule is written once here, so that no
 * message, template or e-mail has to choose between « de » and « d’ » by hand ({@link FrenchText#de}).
 *
 * <p>How: before a pattern is compiled, each « de {n} » (or « De {n} ») becomes a private-use marker followed by
 * « {n} »; once the message is formatted, each marker becomes « de »/« d’ » according to the text that follows it.
 */
class FrenchMessageSource extends ResourceBundleMessageSource {

    private static final char DE = '\uE000';
    private static final char CAPITAL_DE = '\uE001';
    private static final Pattern DE_ARGUMENT = Pattern.compile("(?<!\\p{L})([dD])e \\{(\\d+)}");

    @Override
    protected MessageFormat createMessageFormat(String msg, Locale locale) {
        return super.createMessageFormat(mark(msg), locale);
    }

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        return elide(super.getMessageInternal(code, args, locale));
    }

    @Override
    protected String formatMessage(String msg, Object[] args, Locale locale) {
        return elide(super.formatMessage(msg, args, locale));
    }

    static String mark(String pattern) {
        if (pattern == null || pattern.indexOf('{') < 0) {
            return pattern;
        }
        Matcher m = DE_ARGUMENT.matcher(pattern);
        return m.replaceAll(r -> Matcher.quoteReplacement(
                (r.group(1).equals("d") ? DE : CAPITAL_DE) + "{" + r.group(2) + "}"));
    }

    static String elide(String text) {
        if (text == null || (text.indexOf(DE) < 0 && text.indexOf(CAPITAL_DE) < 0)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == DE || c == CAPITAL_DE) {
                boolean elided = FrenchText.elides(text.substring(i + 1));
                out.append(c == DE ? 'd' : 'D').append(elided ? "’" : "e ");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
