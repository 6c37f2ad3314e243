package org.rencontres.registration.questions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.rencontres.shared.FieldProblem;

/**
 * The organiser's form of a question, field names as in the page: its kind ({@code type}), its label
 * ({@code libelle}), help text ({@code aide}), whether it is required ({@code obligatoire}) and, for a
 * choice, its choices one a line ({@code choix}).
 */
public record QuestionForm(String type, String libelle, String aide, String obligatoire, String choix) {

    static final int MAX_LABEL = 300;
    static final int MAX_HELP = 1000;
    static final int MAX_CHOICES = 30;
    private static final String KEYS = "registration.question.admin.error.";

    static QuestionForm empty() {
        return new QuestionForm("SHORT_TEXT", "", "", null, "");
    }

    static QuestionForm of(Question q) {
        return new QuestionForm(q.kind().name(), q.label(), q.help() == null ? "" : q.help(), q.required() ? "oui" : null,
                q.kind().hasChoices() ? String.join("\n", q.choices()) : "");
    }

    public boolean isRequired() {
        return obligatoire != null && !obligatoire.isBlank();
    }

    /** The choices typed, one a line, blank lines and repeats left out. */
    List<String> choices() {
        LinkedHashSet<String> lines = new LinkedHashSet<>();
        if (choix != null) {
            choix.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        }
        return new ArrayList<>(lines);
    }

    QuestionKind kind() {
        try {
            return type == null ? null : QuestionKind.valueOf(type);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        QuestionKind kind = kind();
        if (kind == null) {
            problems.add(FieldProblem.of("type", KEYS + "type"));
        }
        if (libelle == null || libelle.isBlank()) {
            problems.add(FieldProblem.of("libelle", KEYS + "libelle.required"));
        } else if (libelle.strip().length() > MAX_LABEL) {
            problems.add(FieldProblem.of("libelle", KEYS + "too.long", MAX_LABEL));
        }
        if (aide != null && aide.strip().length() > MAX_HELP) {
            problems.add(FieldProblem.of("aide", KEYS + "too.long", MAX_HELP));
        }
        if (kind != null && kind.hasChoices()) {
            List<String> choices = choices();
            if (choices.size() < 2) {
                problems.add(FieldProblem.of("choix", KEYS + "choix.required"));
            } else if (choices.size() > MAX_CHOICES) {
                problems.add(FieldProblem.of("choix", KEYS + "choix.many", MAX_CHOICES));
            } else if (choices.stream().anyMatch(c -> c.length() > kind.maxLength())) {
                problems.add(FieldProblem.of("choix", KEYS + "choix.long", kind.maxLength()));
            }
        }
        return problems;
    }

    /** The question to record; only once {@link #problems()} is empty. */
    QuestionDraft draft() {
        return new QuestionDraft(kind(), libelle, aide, isRequired(), choices());
    }
}
