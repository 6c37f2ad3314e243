package org.rencontres.event;

import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.FileKind;
import org.rencontres.document.Uploads;
import org.rencontres.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files uploaded as resources of a day: checked by what they contain (not their name), kept in
 * the database so that every instance serves them, served under a safe name.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StoredFiles {

    /** The largest file an organiser may upload. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    /**
     * PDF, images and office documents (Office Open XML, OpenDocument); never HTML, SVG, scripts,
     * executables, nor the old binary Office formats whose macros cannot be told apart.
     */
    static final Set<FileKind> ACCEPTED = Set.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG, FileKind.GIF, FileKind.WEBP,
            FileKind.DOCX, FileKind.XLSX, FileKind.PPTX, FileKind.ODT, FileKind.ODS, FileKind.ODP);

    private final JdbcClient jdbc;
    private final Uploads uploads;

    /** Why a file is refused: the key of the French message that says it. */
    static final class Refused extends RuntimeException {
        final String reason;

        Refused(String reason) {
            super(reason);
            this.reason = reason;
        }
    }

    record StoredFile(UUID id, long dayId, String fileName, String contentType, long size, byte[] content) {
    }

    /** What the content is, whatever the name says; refused unless it is an accepted kind and sound. */
    String check(byte[] content) {
        if (content.length == 0) {
            throw new Refused("day.error.file.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new Refused("day.error.file.size");
        }
        try {
            return uploads.check(content, ACCEPTED).mediaType();
        } catch (Uploads.Refused refused) {
            // The kinds this upload takes are said in the event's own words.
            throw new Refused(refused.refusal() == Uploads.Refusal.TYPE ? "day.error.file.type" : refused.messageKey());
        }
    }

    @Transactional
    UUID store(long dayId, String fileName, byte[] content) {
        String type = check(content);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO event_file (id, event_day_id, file_name, content_type, size_bytes, sha256, content)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, dayId, safeName(fileName, type), type, content.length, sha256(content), content).update();
        return id;
    }

    /** A copy of a day's stored file for another day (a new edition), under the id given. */
    void copy(long fromDayId, UUID id, long toDayId, UUID copyId) {
        jdbc.sql("""
                INSERT INTO event_file (id, event_day_id, file_name, content_type, size_bytes, sha256, content)
                SELECT ?, ?, file_name, content_type, size_bytes, sha256, content
                FROM event_file WHERE id = ? AND event_day_id = ?""")
                .params(copyId, toDayId, id, fromDayId).update();
    }

    Optional<StoredFile> find(long dayId, UUID id) {
        return jdbc.sql("""
                SELECT id, event_day_id, file_name, content_type, size_bytes, content
                FROM event_file WHERE id = ? AND event_day_id = ?""")
                .params(id, dayId)
                .query((rs, n) -> new StoredFile(rs.getObject("id", UUID.class), rs.getLong("event_day_id"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getBytes("content")))
                .optional();
    }

    /** A name that is safe in a header and on any disk: letters, digits, dot, dash, underscore. */
    static String safeName(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String ascii = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "").replaceAll("-{2,}", "-");
        if (safe.isBlank()) {
            safe = "document";
        }
        return safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
    }

    /** The safe name with the extension of the type found in the content: a PNG named "x.pdf" is served as "x.png". */
    static String safeName(String fileName, String contentType) {
        String safe = safeName(fileName);
        String extension = FileKind.ofMediaType(contentType).map(FileKind::extension).orElse("");
        int dot = safe.lastIndexOf('.');
        String stem = dot > 0 ? safe.substring(0, dot) : safe;
        if (stem.length() > 90) {
            stem = stem.substring(0, 90);
        }
        return stem + extension;
    }

    private static String sha256(byte[] content) {
        return Secrets.sha256Hex(content);
    }
}
