package org.rencontres.directory;

import java.util.List;

import org.rencontres.shared.FieldProblem;

/** The outcome of a form: the saved record, or what is wrong with the form (nothing saved). */
public record Saved<T>(T value, List<FieldProblem> problems) {

    public Saved {
        problems = List.copyOf(problems);
    }

    static <T> Saved<T> done(T value) {
        return new Saved<>(value, List.of());
    }

    static <T> Saved<T> refused(List<FieldProblem> problems) {
        return new Saved<>(null, problems);
    }

    static <T> Saved<T> refused(String field, String code) {
        return refused(List.of(FieldProblem.of(field, code)));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The message key of the first problem: what an approval that can no longer apply says. */
    String firstCode() {
        return problems.get(0).code();
    }
}
