package org.rencontres.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/** A form's problems as the page shows them: one message a field, plus those about the whole form. */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    private final Map<String, String> byField;
    private final List<String> general;

    private FormErrors(Map<String, String> byField, List<String> general) {
        this.byField = byField;
        this.general = general;
    }

    public static FormErrors none() {
        return NONE;
    }

    static FormErrors of(List<SlotProblem> problems, MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (SlotProblem p : problems) {
            String text = messages.getMessage(p.code(), p.args().toArray(), locale);
            if (p.field() == null) {
                general.add(text);
            } else {
                byField.putIfAbsent(p.field(), text);
            }
        }
        return new FormErrors(byField, general);
    }

    public boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    /** The problems of single fields, in the order of the form. */
    public Map<String, String> fields() {
        return byField;
    }

    /** The problems of the form as a whole (a slot changed meanwhile by someone else). */
    public List<String> general() {
        return general;
    }
}
