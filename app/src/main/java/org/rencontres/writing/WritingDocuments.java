package org.rencontres.writing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shared documents of the days: creating them, finding them, closing (their text: {@link ServerDocuments}). */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingDocuments {

    private static final String COLUMNS = """
            id, event_day_id AS day_id, workshop_id, group_id, title, template, read_key, last_seq, closed_at,
            published_at""";

    private final JdbcClient jdbc;
    private final Workshops workshops;

    /**
     * The day's documents, the workshops' first (by workshop number, asked of the workshops module),
     * then the groups' (by split and group number), then the others.
     */
    public List<WritingDocument> ofDay(long dayId) {
        List<WritingDocument> stored = jdbc.sql("SELECT " + COLUMNS + """
                 FROM writing_document d WHERE event_day_id = ?
                ORDER BY (SELECT g.group_set_id * 10000 + g.number FROM writing_group g WHERE g.id = d.group_id) NULLS LAST,
                         id""")
                .param(dayId).query(WritingDocument.class).list();
        Map<Long, Integer> numbers = workshops.ofDay(dayId).stream()
                .collect(Collectors.toMap(Workshop::id, Workshop::number));
        return stored.stream().sorted(Comparator.comparing((WritingDocument d) ->
                d.workshopId() == null ? Integer.MAX_VALUE : numbers.getOrDefault(d.workshopId(), Integer.MAX_VALUE - 1)))
                .toList();
    }

    /**
     * Gives each workshop of the day that writes collectively (it has a writing method) and has none its
     * document (title and template from the workshop). A workshop « sans écriture collective » gets none.
     */
    @Transactional
    public void ensureForWorkshops(long dayId) {
        for (Workshop w : workshops.ofDay(dayId)) {
            if (w.writingTemplate() == null) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO writing_document (event_day_id, workshop_id, title, template, read_key)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (workshop_id) DO NOTHING""")
                    .params(dayId, w.id(), "Atelier " + w.number() + " – " + w.title(),
                            DocumentTemplate.of(w.writingTemplate()).name(), Keys.random())
                    .update();
        }
    }

    /** The day's workshops that write collectively (those with a writing method), by id. */
    Set<Long> writingWorkshops(long dayId) {
        return workshops.ofDay(dayId).stream().filter(w -> w.writingTemplate() != null).map(Workshop::id)
                .collect(Collectors.toSet());
    }

    /** A new document of the day, for a small group or for nobody in particular. */
    @Transactional
    public long create(long dayId, Long groupId, String title, DocumentTemplate template) {
        return jdbc.sql("""
                INSERT INTO writing_document (event_day_id, group_id, title, template, read_key)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(dayId, groupId, title.strip(), template.name(), Keys.random())
                .query(Long.class).single();
    }

    public Optional<WritingDocument> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM writing_document WHERE id = ?").param(id)
                .query(WritingDocument.class).optional();
    }

    public Optional<WritingDocument> byReadKey(String key) {
        if (!Keys.wellFormed(key)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM writing_document WHERE read_key = ?").param(key)
                .query(WritingDocument.class).optional();
    }

    public Optional<WritingDocument> ofWorkshop(long workshopId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM writing_document WHERE workshop_id = ?").param(workshopId)
                .query(WritingDocument.class).optional();
    }

    /** Closes a document: read-only from then on. */
    @Transactional
    public boolean close(long documentId) {
        return jdbc.sql("UPDATE writing_document SET closed_at = now() WHERE id = ? AND closed_at IS NULL")
                .param(documentId).update() == 1;
    }

    @Transactional
    public boolean reopen(long documentId) {
        return jdbc.sql("UPDATE writing_document SET closed_at = NULL WHERE id = ? AND closed_at IS NOT NULL")
                .param(documentId).update() == 1;
    }

    @Transactional
    void markPublished(long documentId, Instant at) {
        jdbc.sql("UPDATE writing_document SET published_at = ? WHERE id = ?")
                .params(Timestamp.from(at), documentId).update();
    }

    /** A participant's key to that document, made on first use. */
    @Transactional
    public String participantKey(long documentId, long registrationId) {
        jdbc.sql("""
                INSERT INTO writing_access (access_key, document_id, registration_id) VALUES (?, ?, ?)
                ON CONFLICT (document_id, registration_id) DO NOTHING""")
                .params(Keys.random(), documentId, registrationId).update();
        return jdbc.sql("SELECT access_key FROM writing_access WHERE document_id = ? AND registration_id = ?")
                .params(documentId, registrationId).query(String.class).single();
    }

    /** The document and registration a participant's key opens. */
    record ParticipantKey(long documentId, long registrationId) {
    }

    Optional<ParticipantKey> participantByKey(String key) {
        if (!Keys.wellFormed(key)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT document_id, registration_id FROM writing_access WHERE access_key = ?").param(key)
                .query(ParticipantKey.class).optional();
    }

    /** Whether the registration is one of that small group's members. */
    boolean isGroupMember(long groupId, long registrationId) {
        return jdbc.sql("SELECT count(*) FROM writing_group_member WHERE group_id = ? AND registration_id = ?")
                .params(groupId, registrationId).query(Long.class).single() > 0;
    }
}
