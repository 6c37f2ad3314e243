package org.rencontres.registration.questions;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.security.Organiser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions of a session's registration form and the answers of its registrations (tables
 * registration_question and registration_answer). Every change of a question is audited.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Questions {

    private static final String COLUMNS = "id, event_day_id, position, kind, label, help, required, choices";

    /** The order of a session's questions (on its form, in the exports' columns). */
    public static final String ORDER = "position, id";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    /** The session's questions, in the order they are asked. */
    public List<Question> ofDay(long dayId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_question WHERE event_day_id = ? ORDER BY " + ORDER)
                .param(dayId).query(Questions::questionOf).list();
    }

    public Optional<Question> find(long dayId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration_question WHERE event_day_id = ? AND id = ?")
                .param(dayId).param(id).query(Questions::questionOf).optional();
    }

    /** Adds a question after the others. */
    @Transactional
    public long add(long dayId, QuestionDraft draft, Organiser organiser) {
        long id = jdbc.sql("""
                        INSERT INTO registration_question (event_day_id, position, kind, label, help, required, choices)
                        VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM registration_question WHERE event_day_id = ?),
                                ?, ?, ?, ?, ?) RETURNING id""")
                .param(dayId).param(dayId).param(draft.kind().name()).param(draft.label()).param(draft.help())
                .param(draft.required()).param(draft.choices().toArray(String[]::new)).query(Long.class).single();
        record(dayId, organiser, "question.add", "Question ajoutée : " + draft.label());
        return id;
    }

    /** Changes a question; its answers stay as given. */
    @Transactional
    public boolean change(long dayId, long id, QuestionDraft draft, Organiser organiser) {
        int changed = jdbc.sql("""
                        UPDATE registration_question SET kind = ?, label = ?, help = ?, required = ?, choices = ?
                        WHERE event_day_id = ? AND id = ?""")
                .param(draft.kind().name()).param(draft.label()).param(draft.help()).param(draft.required())
                .param(draft.choices().toArray(String[]::new)).param(dayId).param(id).update();
        if (changed > 0) {
            record(dayId, organiser, "question.change", "Question modifiée : " + draft.label());
        }
        return changed > 0;
    }

    /** Moves a question one place up (towards the first) or down; nothing when it is already at that end. */
    @Transactional
    public void move(long dayId, long id, boolean up, Organiser organiser) {
        // The day's questions locked, so that two organisers moving at once cannot give two the same place.
        List<Question> all = jdbc.sql("SELECT " + COLUMNS + " FROM registration_question WHERE event_day_id = ? "
                + "ORDER BY position, id FOR UPDATE").param(dayId).query(Questions::questionOf).list();
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == id) {
                at = i;
            }
        }
        int other = up ? at - 1 : at + 1;
        if (at < 0 || other < 0 || other >= all.size()) {
            return;
        }
        Question q = all.remove(at);
        all.add(other, q);
        for (int i = 0; i < all.size(); i++) {
            jdbc.sql("UPDATE registration_question SET position = ? WHERE id = ?").param(i + 1).param(all.get(i).id())
                    .update();
        }
        record(dayId, organiser, "question.move", "Question déplacée en position " + (other + 1) + " : " + q.label());
    }

    /** Removes a question and its answers; the others close the gap. */
    @Transactional
    public boolean remove(long dayId, long id, Organiser organiser) {
        Optional<Question> q = find(dayId, id);
        if (q.isEmpty()) {
            return false;
        }
        int answers = answerCount(id);
        jdbc.sql("DELETE FROM registration_question WHERE id = ?").param(id).update();
        jdbc.sql("""
                UPDATE registration_question q SET position = r.n
                FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS n FROM registration_question
                      WHERE event_day_id = ?) r
                WHERE q.id = r.id""").param(dayId).update();
        record(dayId, organiser, "question.remove", "Question supprimée avec ses " + answers + " réponse(s) : "
                + q.get().label());
        return true;
    }

    /** How many registrations answered the question. */
    /** A new edition asks the questions of the session it copies, in the same order; never their answers. */
    public void copy(long fromDayId, long toDayId) {
        jdbc.sql("""
                INSERT INTO registration_question (event_day_id, position, kind, label, help, required, choices)
                SELECT ?, position, kind, label, help, required, choices FROM registration_question
                WHERE event_day_id = ? ORDER BY position""").params(toDayId, fromDayId).update();
    }

    public int answerCount(long questionId) {
        return jdbc.sql("SELECT count(*) FROM registration_answer WHERE question_id = ?").param(questionId)
                .query(Integer.class).single();
    }

    /** Stores a registration's answers (question id → texts), in the caller's transaction. */
    public void save(long registrationId, Map<Long, List<String>> answers) {
        answers.forEach((questionId, texts) -> jdbc.sql("""
                        INSERT INTO registration_answer (registration_id, question_id, answer) VALUES (?, ?, ?)
                        ON CONFLICT (registration_id, question_id) DO UPDATE SET answer = excluded.answer""")
                .param(registrationId).param(questionId).param(texts.toArray(String[]::new)).update());
    }

    /** A registration's answers: question id → texts. */
    public Map<Long, List<String>> answersOf(long registrationId) {
        Map<Long, List<String>> answers = new LinkedHashMap<>();
        jdbc.sql("SELECT question_id, answer FROM registration_answer WHERE registration_id = ?").param(registrationId)
                .query((ResultSet rs) -> {
                    answers.put(rs.getLong("question_id"), texts(rs.getArray("answer")));
                });
        return answers;
    }

    private void record(long dayId, Organiser organiser, String action, String details) {
        audit.record(dayId, organiser == null ? null : organiser.accountId(),
                organiser == null ? "Système" : organiser.displayName(), "registration", action, details);
    }

    private static Question questionOf(ResultSet rs, int n) throws SQLException {
        return new Question(rs.getLong("id"), rs.getLong("event_day_id"), rs.getInt("position"),
                QuestionKind.valueOf(rs.getString("kind")), rs.getString("label"), rs.getString("help"),
                rs.getBoolean("required"), texts(rs.getArray("choices")));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
