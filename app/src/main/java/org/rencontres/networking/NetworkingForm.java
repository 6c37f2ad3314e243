package org.rencontres.networking;

import org.rencontres.shared.FieldProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rotation as the back office's form sends it, every field as typed (named as the French form
 * names them), so that a form with errors comes back exactly as it was.
 *
 * @param themes the themes, one a line, in order
 */
record NetworkingForm(String titre, String description, String tailleGroupe, String rotationMin,
                             String rotationMax, String themes, Boolean sujetsSousReserve) {

    static final int MIN_GROUP = 2;
    static final int MAX_GROUP = 30;
    static final int MAX_MINUTES = 600;
    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 4000;
    static final int MAX_THEMES = 50;

    /** An unticked checkbox sends nothing: it reads as false. */
    public NetworkingForm {
        sujetsSousReserve = Boolean.TRUE.equals(sujetsSousReserve);
    }

    /** A new rotation's form, named after its slot, with the usual rules (tables of 6, 10 to 12 minutes). */
    static NetworkingForm forNew(String slotTitle, String slotDescription) {
        return new NetworkingForm(slotTitle, slotDescription == null ? "" : slotDescription, "6", "10", "12", "", false);
    }

    static NetworkingForm of(NetworkingSession s) {
        return new NetworkingForm(s.title(), s.description() == null ? "" : s.description(),
                String.valueOf(s.groupSize()), String.valueOf(s.rotationMinMinutes()),
                String.valueOf(s.rotationMaxMinutes()), String.join("\n", s.themes()), s.themesProvisional());
    }

    /** The themes: one a line, blank lines dropped, order kept. */
    List<String> themeList() {
        if (themes == null) {
            return List.of();
        }
        return Arrays.stream(themes.split("\\R")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** The draft when all is well, otherwise the problems, at most one a field. */
    Checked check(long slotId) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = titre == null ? "" : titre.strip();
        if (title.isEmpty()) {
            problems.add(FieldProblem.of("titre", "networking.error.title.missing"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(FieldProblem.of("titre", "networking.error.title.long", MAX_TITLE));
        }
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_TEXT) {
            problems.add(FieldProblem.of("description", "networking.error.description.long", MAX_TEXT));
        }
        Integer group = RotationChecks.number(tailleGroupe, "tailleGroupe", "networking.error.group.missing", problems);
        if (group != null && (group < MIN_GROUP || group > MAX_GROUP)) {
            problems.add(FieldProblem.of("tailleGroupe", "networking.error.group.range", MIN_GROUP, MAX_GROUP));
            group = null;
        }
        Integer min = RotationChecks.number(rotationMin, "rotationMin", "networking.error.min.missing", problems);
        if (min != null && (min < 1 || min > MAX_MINUTES)) {
            problems.add(FieldProblem.of("rotationMin", "networking.error.min.range", MAX_MINUTES));
            min = null;
        }
        Integer max = RotationChecks.number(rotationMax, "rotationMax", "networking.error.max.missing", problems);
        if (max != null && (max < 1 || max > MAX_MINUTES)) {
            problems.add(FieldProblem.of("rotationMax", "networking.error.max.range", MAX_MINUTES));
            max = null;
        }
        if (min != null && max != null && max < min) {
            problems.add(FieldProblem.of("rotationMax", "networking.error.max.before.min", min));
        }
        List<String> list = themeList();
        if (list.size() > MAX_THEMES) {
            problems.add(FieldProblem.of("themes", "networking.error.themes.many", MAX_THEMES));
        } else if (list.stream().anyMatch(t -> t.length() > MAX_TITLE)) {
            problems.add(FieldProblem.of("themes", "networking.error.themes.long", MAX_TITLE));
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        return new Checked(new NetworkingDraft(slotId, title, text.isEmpty() ? null : text, group, min, max,
                sujetsSousReserve, list), List.of());
    }

    /** The outcome of a check: a draft, or what is wrong. */
    record Checked(NetworkingDraft draft, List<FieldProblem> problems) {
        boolean isValid() {
            return problems.isEmpty();
        }
    }
}
