package org.rencontres.writing;

import java.time.Instant;
import java.time.Period;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.EndedSessions;
import org.rencontres.shared.RetainedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What collective writing keeps of people (issue 17, retention): the texts written together during a
 * session (their Yjs updates, which hold whatever the participants typed, names included), counted from the
 * session's last day. The document's row (its title, its workshop or group) stays, empty; a writing the
 * organiser exported as a resource of the session is a file of the session, not kept here.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingRetention implements RetainedData.OfOneKind {

    static final String DOCUMENTS = "writing.documents";

    private static final String EXPIRED = """
            id IN (SELECT DISTINCT document_id FROM writing_update) AND event_day_id IN (:days)""";

    private final JdbcClient jdbc;
    private final EndedSessions ended;

    @Override
    public Kind kind() {
        return new Kind(DOCUMENTS, Period.ofYears(2), "privacy.retention.kind.writing",
                "privacy.retention.reason.writing");
    }

    @Override
    public long countExpired(Instant cutoff) {
        List<Long> days = ended.endedBefore(cutoff);
        return days.isEmpty() ? 0
                : jdbc.sql("SELECT count(*) FROM writing_document WHERE " + EXPIRED).param("days", days)
                        .query(Long.class).single();
    }

    /** Empties the documents (their updates deleted); returns how many documents. */
    @Override
    public long purge(Instant cutoff) {
        List<Long> days = ended.endedBefore(cutoff);
        if (days.isEmpty()) {
            return 0;
        }
        List<Long> documents = jdbc.sql("SELECT id FROM writing_document WHERE " + EXPIRED + " FOR UPDATE")
                .param("days", days).query(Long.class).list();
        if (documents.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM writing_update WHERE document_id IN (:ids)").param("ids", documents).update();
        return documents.size();
    }
}
