package org.rencontres.registration;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.FileKind;
import org.rencontres.document.Uploads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The scans of signed paper registration forms ({@code registration_paper_form}): checked by what
 * they contain (never by their name), kept in the database, served under a safe name. A request is
 * a paper one exactly when it has a scan here.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PaperForms {

    /** The largest scan an organiser may attach. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    /** PDF and the images scanners and phones produce; never SVG, HTML or anything that runs. */
    static final Set<FileKind> ACCEPTED = FileKind.PDF_AND_IMAGES;

    /** A file as received: its name, its size as announced, and its content (empty when too big to read). */
    record Upload(String fileName, long size, byte[] content) {
        boolean missing() {
            return size == 0 && (fileName == null || fileName.isBlank());
        }
    }

    /** What is known of a scan without its content. */
    record PaperForm(long registrationId, String fileName, String contentType, long size, LocalDate receivedOn,
                     String recordedBy, Instant recordedAt) {

        /** "245 Ko", "1,4 Mo". */
        public String sizeText() {
            if (size < 1024 * 1024) {
                return Math.max(1, Math.round(size / 1024.0)) + " Ko";
            }
            return String.format(Locale.FRANCE, "%.1f Mo", size / (1024.0 * 1024));
        }
    }

    record Scan(String fileName, String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final Uploads uploads;

    /** What a scan is: its type found from its bytes, or the key of the French message that refuses it. */
    record Verdict(String contentType, String refusal) {
        static Verdict refused(String key) {
            return new Verdict(null, key);
        }

        boolean accepted() {
            return refusal == null;
        }
    }

    Verdict check(Upload upload) {
        if (upload == null || upload.missing()) {
            return Verdict.refused("registration.admin.error.scan.required");
        }
        if (upload.size() > MAX_BYTES || upload.content().length > MAX_BYTES) {
            return Verdict.refused("registration.admin.error.scan.size");
        }
        if (upload.content().length == 0) {
            return Verdict.refused("registration.admin.error.scan.empty");
        }
        try {
            // The content alone: a text file named "bulletin.pdf" stays text.
            return new Verdict(uploads.check(upload.content(), ACCEPTED).mediaType(), null);
        } catch (Uploads.Refused refused) {
            return Verdict.refused(refused.refusal() == Uploads.Refusal.TYPE ? "registration.admin.error.scan.type"
                    : refused.messageKey());
        }
    }

    /** Stores the scan of a registration; runs in the caller's transaction. */
    void store(long registrationId, Upload upload, String contentType, LocalDate receivedOn, String recordedBy) {
        jdbc.sql("""
                INSERT INTO registration_paper_form (registration_id, file_name, content_type, size, content,
                    received_on, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(registrationId, safeName(upload.fileName(), contentType), contentType,
                        upload.content().length, upload.content(), receivedOn, recordedBy)
                .update();
    }

    Optional<PaperForm> of(long registrationId) {
        return jdbc.sql("""
                SELECT registration_id, file_name, content_type, size, received_on, recorded_by, recorded_at
                FROM registration_paper_form WHERE registration_id = ?""")
                .param(registrationId)
                .query((rs, n) -> new PaperForm(rs.getLong("registration_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size"), rs.getObject("received_on", LocalDate.class),
                        rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    Optional<Scan> scan(long registrationId) {
        return jdbc.sql("SELECT file_name, content_type, content FROM registration_paper_form WHERE registration_id = ?")
                .param(registrationId)
                .query((rs, n) -> new Scan(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    /** The registrations of the day that came on paper. */
    Set<Long> paperRegistrationsOf(long dayId) {
        return new HashSet<>(jdbc.sql("""
                SELECT p.registration_id FROM registration_paper_form p JOIN registration r ON r.id = p.registration_id
                WHERE r.event_day_id = ?""")
                .param(dayId).query(Long.class).list());
    }

    /**
     * A name that is safe in a header and on any disk (letters, digits, dot, dash, underscore), with
     * the extension of the type found in the content.
     */
    static String safeName(String fileName, String contentType) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String ascii = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "").replaceAll("-{2,}", "-");
        int dot = safe.lastIndexOf('.');
        String stem = dot > 0 ? safe.substring(0, dot) : safe;
        if (stem.isBlank()) {
            stem = "bulletin";
        }
        if (stem.length() > 90) {
            stem = stem.substring(0, 90);
        }
        return stem + extension(contentType);
    }

    private static String extension(String contentType) {
        return FileKind.ofMediaType(contentType).map(FileKind::extension).orElse(".bin");
    }
}
