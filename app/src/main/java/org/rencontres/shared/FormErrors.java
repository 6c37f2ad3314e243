package org.rencontres.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;

/**
 * A form's problems as the page shows them: one text a field (the first problem of that field), in the
 * order of the form, plus the texts about the whole form. The one shape of form errors: services
 * return {@link FieldProblem}s, the controller turns them into this with the page's locale, and the
 * fragments of {@code fragments/forms.html} show it.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    private final Map<String, String> byField;
    private final List<String> general;

    public static FormErrors none() {
        return NONE;
    }

    /** The texts of these problems; a problem without a field is about the whole form. */
    public static FormErrors of(List<FieldProblem> problems, MessageSource messages, Locale locale) {
        if (problems.isEmpty()) {
            return NONE;
        }
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (FieldProblem p : problems) {
            String text = messages.getMessage(p.code(), p.args().toArray(), locale);
            if (p.field() == null || p.field().isEmpty()) {
                general.add(text);
            } else {
                byField.putIfAbsent(p.field(), text);
            }
        }
        return new FormErrors(Collections.unmodifiableMap(byField), List.copyOf(general));
    }

    public boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }

    /** Whether that field has a problem. */
    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The text of that field's problem, or null. */
    public String get(String field) {
        return byField.get(field);
    }

    /** The problems of single fields (field → text), in the order of the form. */
    public Map<String, String> fields() {
        return byField;
    }

    /** The problems of the form as a whole (a slot changed meanwhile by someone else). */
    public List<String> general() {
        return general;
    }
}
