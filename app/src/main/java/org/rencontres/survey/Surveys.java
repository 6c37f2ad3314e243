package org.rencontres.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.PresenceFigures;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.RegistrationFigures;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.Secrets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules of the survey: its questions per day, the agents' keys and responses, the results. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Surveys {

    static final int MAX_QUESTION = 500;
    static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Registrations registrations;
    private final MessageSource messages;
    private final Days days;
    private final Attendances attendances;
    private final RegistrationFigures figures;
    private final PresenceFigures presences;

    // ---- questions ----

    /** The questions of the day's end-of-day survey. */
    List<Question> questions(long dayId) {
        return questions(dayId, Phase.HOT);
    }

    /** The questions of one of the day's questionnaires. */
    List<Question> questions(long dayId, Phase phase) {
        return jdbc.sql("""
                SELECT id, event_day_id, phase, position, text, kind, options FROM survey_question
                WHERE event_day_id = ? AND phase = ? ORDER BY position, id""")
                .params(dayId, phase.name())
                .query((rs, n) -> new Question(rs.getLong("id"), rs.getLong("event_day_id"), Phase.valueOf(rs.getString("phase")),
                        rs.getInt("position"), rs.getString("text"), Question.Kind.valueOf(rs.getString("kind")),
                        options(rs.getString("options"))))
                .list();
    }

    private static List<String> options(String stored) {
        if (stored == null) {
            return List.of();
        }
        return Arrays.stream(stored.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Adds a question; returns the problems of the form, empty when added. */
    @Transactional
    List<FieldProblem> add(long dayId, Phase phase, String text, String kind, String optionsText, Organiser organiser) {
        List<FieldProblem> problems = new ArrayList<>();
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            problems.add(FieldProblem.of("texte", "survey.question.error.text"));
        } else if (t.length() > MAX_QUESTION) {
            problems.add(FieldProblem.of("texte", "survey.question.error.long", MAX_QUESTION));
        }
        Question.Kind k = null;
        try {
            k = kind == null ? null : Question.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            k = null;
        }
        if (k == null) {
            problems.add(FieldProblem.of("type", "survey.question.error.kind"));
        }
        List<String> opts = options(optionsText);
        if (k == Question.Kind.CHOICE && opts.size() < 2) {
            problems.add(FieldProblem.of("options", "survey.question.error.options"));
        } else if (k == Question.Kind.CHOICE && opts.stream().anyMatch(o -> o.length() > MAX_QUESTION)) {
            problems.add(FieldProblem.of("options", "survey.question.error.option.long", MAX_QUESTION));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        insert(dayId, phase, t, k, k == Question.Kind.CHOICE ? String.join("\n", opts) : null);
        audit.record(dayId, organiser.accountId(), organiser.displayName(), "survey", "question.add", t);
        return List.of();
    }

    private void insert(long dayId, Phase phase, String text, Question.Kind kind, String options) {
        jdbc.sql("""
                INSERT INTO survey_question (event_day_id, phase, position, text, kind, options)
                VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM survey_question WHERE event_day_id = ? AND phase = ?),
                        ?, ?, ?)""")
                .params(dayId, phase.name(), dayId, phase.name(), text, kind.name(), options).update();
    }

    /**
     * The usual questions of each questionnaire, by message key ("survey.usual.…"), free text for the
     * keys listed in {@link #USUAL_TEXTS}, else a scale.
     */
    private static final Map<Phase, List<String>> USUAL = Map.of(
            Phase.HOT, List.of("general", "practice", "organisation", "liked", "suggestions"),
            Phase.COLD, List.of("cold.applied", "cold.useful", "cold.changes", "cold.needs"),
            Phase.SERVICE, List.of("service.fit", "service.relations", "service.remarks"),
            Phase.TRAINER, List.of("trainer.organisation", "trainer.audience", "trainer.means", "trainer.remarks"));
    private static final List<String> USUAL_TEXTS = List.of("liked", "suggestions", "cold.changes", "cold.needs",
            "service.remarks", "trainer.remarks");

    /** Adds the usual questions of a questionnaire that the day does not have yet; returns how many were added. */
    @Transactional
    int addUsual(long dayId, Phase phase, Organiser organiser) {
        List<String> existing = questions(dayId, phase).stream().map(Question::text).toList();
        int added = 0;
        for (String key : USUAL.get(phase)) {
            String t = text("survey.usual." + key);
            if (!existing.contains(t)) {
                insert(dayId, phase, t, USUAL_TEXTS.contains(key) ? Question.Kind.TEXT : Question.Kind.SCALE, null);
                added++;
            }
        }
        if (added > 0) {
            audit.record(dayId, organiser.accountId(), organiser.displayName(), "survey", "question.usual", phase + " " + added);
        }
        return added;
    }

    /** A question of any of the day's questionnaires. */
    Optional<Question> question(long dayId, long questionId) {
        return Arrays.stream(Phase.values()).flatMap(p -> questions(dayId, p).stream())
                .filter(q -> q.id() == questionId).findFirst();
    }

    /** Removes a question and its answers; false when the day has no such question. */
    @Transactional
    boolean remove(long dayId, long questionId, Organiser organiser) {
        Optional<Question> q = question(dayId, questionId);
        if (q.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM survey_question WHERE id = ? AND event_day_id = ?").params(questionId, dayId).update();
        audit.record(dayId, organiser.accountId(), organiser.displayName(), "survey", "question.remove", q.get().text());
        return true;
    }

    /** Moves a question one place up or down; false when it cannot move. */
    @Transactional
    boolean move(long dayId, long questionId, boolean up, Organiser organiser) {
        Optional<Question> question = question(dayId, questionId);
        if (question.isEmpty()) {
            return false;
        }
        List<Question> qs = new ArrayList<>(questions(dayId, question.get().phase()));
        int i = -1;
        for (int j = 0; j < qs.size(); j++) {
            if (qs.get(j).id() == questionId) {
                i = j;
            }
        }
        int other = up ? i - 1 : i + 1;
        if (i < 0 || other < 0 || other >= qs.size()) {
            return false;
        }
        Question moved = qs.remove(i);
        qs.add(other, moved);
        for (int j = 0; j < qs.size(); j++) {
            jdbc.sql("UPDATE survey_question SET position = ? WHERE id = ?").params(j + 1, qs.get(j).id()).update();
        }
        audit.record(dayId, organiser.accountId(), organiser.displayName(), "survey", up ? "question.up" : "question.down", moved.text());
        return true;
    }

    // ---- the agents' keys and responses ----

    /**
     * The key of the form of a CONFIRMED registration present at least one half-day, made on first use;
     * empty for anyone else (a confirmed no-show was not at the day the survey is about).
     */
    @Transactional
    Optional<String> keyOf(Registration registration) {
        if (!mayAnswer(registration)) {
            return Optional.empty();
        }
        String fresh = Secrets.randomKey(20);
        jdbc.sql("INSERT INTO survey_key (registration_id, event_day_id, token) VALUES (?, ?, ?) ON CONFLICT (registration_id) DO NOTHING")
                .params(registration.id(), registration.dayId(), fresh).update();
        return jdbc.sql("SELECT token FROM survey_key WHERE registration_id = ?").param(registration.id()).query(String.class).optional();
    }

    /** The confirmed registration holding that key, if any. */
    Optional<Registration> registrationOf(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT registration_id FROM survey_key WHERE token = ?").param(token).query(Long.class).optional()
                .flatMap(registrations::find)
                .filter(this::mayAnswer);
    }

    private boolean mayAnswer(Registration r) {
        return r.state() == RegistrationState.CONFIRMED && attendances.wasPresent(r.dayId(), r.id());
    }

    /**
     * Who is asked for their opinion: the confirmed registrations of the session present at least one
     * half-day (the survey is about a day they lived; a confirmed no-show is neither invited nor counted).
     */
    java.util.stream.Stream<Registration> invitable(long dayId) {
        java.util.Set<Long> present = attendances.presentRegistrations(dayId);
        return registrations.ofDay(dayId).stream()
                .filter(r -> r.state() == RegistrationState.CONFIRMED && present.contains(r.id()));
    }

    boolean answered(long registrationId) {
        return jdbc.sql("SELECT count(*) FROM survey_response WHERE registration_id = ?").param(registrationId)
                .query(Integer.class).single() > 0;
    }

    /**
     * Whether the day's survey takes answers at that moment: from the start of the day (its first
     * hour, in its own time zone) on; one cannot judge a day that has not begun.
     */
    static boolean isOpen(Day day, Instant now) {
        return !now.isBefore(day.start().toInstant());
    }

    /**
     * What a submission came to: the problems of the answers when refused, whether it was already
     * answered, or whether the survey is not open yet.
     */
    record Submission(List<FieldProblem> problems, boolean alreadyAnswered, boolean notOpenYet) {
        boolean saved() {
            return problems.isEmpty() && !alreadyAnswered && !notOpenYet;
        }
    }

    /** Records a registration's answers (field "q{id}" → value), once, once the day has begun. */
    @Transactional
    Submission submit(Registration registration, Map<String, String> values) {
        if (answered(registration.id())) {
            return new Submission(List.of(), true, false);
        }
        Day day = days.find(registration.dayId()).orElseThrow();
        if (!isOpen(day, Instant.now())) {
            return new Submission(List.of(), false, true);
        }
        List<Question> qs = questions(registration.dayId());
        List<FieldProblem> problems = problems(qs, values);
        if (!problems.isEmpty()) {
            return new Submission(problems, false, false);
        }
        long responseId;
        try {
            responseId = jdbc.sql("INSERT INTO survey_response (event_day_id, registration_id) VALUES (?, ?) RETURNING id")
                    .params(registration.dayId(), registration.id()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            return new Submission(List.of(), true, false);
        }
        storeAnswers(responseId, qs, values);
        return new Submission(List.of(), false, false);
    }

    /** The problems of answers to these questions (field "q{id}" → value); empty when they may be stored. */
    static List<FieldProblem> problems(List<Question> qs, Map<String, String> values) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Question q : qs) {
            String v = values.getOrDefault(q.field(), "").strip();
            switch (q.kind()) {
                case SCALE -> {
                    if (!v.matches("[1-5]")) {
                        problems.add(FieldProblem.of(q.field(), "survey.answer.error.scale", q.text()));
                    }
                }
                case CHOICE -> {
                    if (!v.isEmpty() && !q.options().contains(v)) {
                        problems.add(FieldProblem.of(q.field(), "survey.answer.error.choice", q.text()));
                    }
                }
                case TEXT -> {
                    if (v.length() > MAX_TEXT) {
                        problems.add(FieldProblem.of(q.field(), "survey.answer.error.long", MAX_TEXT));
                    }
                }
            }
        }
        return problems;
    }

    /** Stores the answers of a response, one row per question answered. */
    void storeAnswers(long responseId, List<Question> qs, Map<String, String> values) {
        for (Question q : qs) {
            String v = values.getOrDefault(q.field(), "").strip();
            if (v.isEmpty()) {
                continue;
            }
            jdbc.sql("INSERT INTO survey_answer (response_id, question_id, scale, choice, text) VALUES (?, ?, ?, ?, ?)")
                    .params(responseId, q.id(), q.kind() == Question.Kind.SCALE ? Integer.valueOf(v) : null,
                            q.kind() == Question.Kind.CHOICE ? v : null, q.kind() == Question.Kind.TEXT ? v : null)
                    .update();
        }
    }

    // ---- results ----

    Results results(long dayId) {
        return results(dayId, Phase.HOT);
    }

    /**
     * The results of one questionnaire; the rate is of those asked: for the hot survey the people who came
     * (present at least one half-day, not those confirmed), for the others those invited by their key.
     */
    Results results(long dayId, Phase phase) {
        return results(dayId, phase, null);
    }

    /**
     * The same, the confirmed registrations present at least one half-day already counted by the caller
     * ({@code presentKnown}; null: counted here), for the hot survey's rate.
     */
    Results results(long dayId, Phase phase, Integer presentKnown) {
        int responses = jdbc.sql("SELECT count(*) FROM survey_response WHERE event_day_id = ? AND phase = ?")
                .params(dayId, phase.name()).query(Integer.class).single();
        // Confirmed and present at least one half-day: counted by the database, not by loading the registrations.
        int present = phase == Phase.HOT ? (presentKnown != null ? presentKnown
                : presences.of(dayId, figures.confirmedIds(dayId)).confirmedSeen())
                : jdbc.sql("SELECT count(*) FROM survey_respondent WHERE event_day_id = ? AND phase = ?")
                        .params(dayId, phase.name()).query(Integer.class).single();
        List<Results.QuestionResult> out = new ArrayList<>();
        for (Question q : questions(dayId, phase)) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<String> texts = new ArrayList<>();
            int answered = 0;
            Double mean = null;
            switch (q.kind()) {
                case SCALE -> {
                    for (int i = 1; i <= 5; i++) {
                        counts.put(String.valueOf(i), 0);
                    }
                    // Counted by the database: one row per note given, whatever the number of answers.
                    long[] sum = new long[1];
                    jdbc.sql("SELECT scale, count(*) FROM survey_answer WHERE question_id = ? AND scale IS NOT NULL"
                                    + " GROUP BY scale ORDER BY scale")
                            .param(q.id()).query(rs -> {
                                counts.merge(String.valueOf(rs.getInt(1)), rs.getInt(2), Integer::sum);
                                sum[0] += (long) rs.getInt(1) * rs.getInt(2);
                            });
                    answered = counts.values().stream().mapToInt(Integer::intValue).sum();
                    mean = answered == 0 ? null : (double) sum[0] / answered;
                }
                case CHOICE -> {
                    q.options().forEach(o -> counts.put(o, 0));
                    jdbc.sql("SELECT choice, count(*) FROM survey_answer WHERE question_id = ? AND choice IS NOT NULL"
                                    + " GROUP BY choice ORDER BY min(response_id)")
                            .param(q.id()).query(rs -> {
                                counts.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                            });
                    answered = counts.values().stream().mapToInt(Integer::intValue).sum();
                }
                case TEXT -> {
                    texts.addAll(jdbc.sql("""
                            SELECT a.text FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                            WHERE a.question_id = ? AND a.text IS NOT NULL ORDER BY r.submitted_at, r.id""")
                            .param(q.id()).query(String.class).list());
                    answered = texts.size();
                }
            }
            out.add(new Results.QuestionResult(q, answered, mean, counts, texts));
        }
        return new Results(responses, present, out);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
