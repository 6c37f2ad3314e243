package org.rencontres.document;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.rencontres.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The uploads waiting between an import's preview and its confirmation, kept in PostgreSQL so that
 * every instance sees them (the preview through one, the confirmation through another). One per
 * signed-in session and purpose, as the HTTP session's attribute was (a new upload replaces the
 * previous one; another sign-in does not see it), and readable only by its account; the session is
 * known by the SHA-256 of its id, a bearer secret not copied here. An expired one is never returned and
 * is deleted by the next upload of anyone.
 */
@Service
@RequiredArgsConstructor
public class PendingUploads {

    /** How long an upload waits for its confirmation. */
    public static final Duration KEPT = Duration.ofHours(1);

    private final JdbcClient jdbc;

    /** Keeps the file for that account's session, replacing its previous one for the same purpose. */
    @Transactional
    public PendingUpload keep(String purpose, long accountId, String sessionId, String fileName, byte[] content) {
        jdbc.sql("""
                        DELETE FROM pending_upload
                        WHERE expires_at <= now() OR (account_id = ? AND session_key = ? AND purpose = ?)""")
                .params(accountId, key(sessionId), purpose).update();
        Instant now = Instant.now();
        String name = fileName == null || fileName.isBlank() ? "fichier" : fileName;
        PendingUpload upload = new PendingUpload(Secrets.randomKey(16), purpose, accountId, name, content.clone(),
                now, now.plus(KEPT));
        jdbc.sql("""
                        INSERT INTO pending_upload (token, purpose, account_id, session_key, file_name, content,
                            created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(upload.token(), purpose, accountId, key(sessionId), name, upload.content(),
                        at(upload.createdAt()), at(upload.expiresAt()))
                .update();
        return upload;
    }

    /** The unexpired upload of that account's session for that purpose. */
    public Optional<PendingUpload> current(String purpose, long accountId, String sessionId) {
        return jdbc.sql("""
                        SELECT token, purpose, account_id, file_name, content, created_at, expires_at FROM pending_upload
                        WHERE account_id = ? AND session_key = ? AND purpose = ? AND expires_at > now()""")
                .params(accountId, key(sessionId), purpose)
                .query((rs, n) -> new PendingUpload(rs.getString("token"), rs.getString("purpose"),
                        rs.getLong("account_id"), rs.getString("file_name"), rs.getBytes("content"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The same, if {@code token} names it. */
    public Optional<PendingUpload> find(String purpose, long accountId, String sessionId, String token) {
        return current(purpose, accountId, sessionId).filter(u -> u.token().equals(token));
    }

    /** Forgets the upload of that account's session for that purpose (confirmed or cancelled). */
    public void discard(String purpose, long accountId, String sessionId) {
        jdbc.sql("DELETE FROM pending_upload WHERE account_id = ? AND session_key = ? AND purpose = ?")
                .params(accountId, key(sessionId), purpose).update();
    }

    private static String key(String sessionId) {
        return Secrets.sha256Hex(sessionId);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
