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
 * account and purpose (a new upload replaces the previous one, as the HTTP session's attribute did);
 * an expired one is never returned and is deleted by the next upload of anyone.
 */
@Service
@RequiredArgsConstructor
public class PendingUploads {

    /** How long an upload waits for its confirmation. */
    public static final Duration KEPT = Duration.ofHours(1);

    private final JdbcClient jdbc;

    /** Keeps the file for {@code accountId}, replacing its previous one for the same purpose. */
    @Transactional
    public PendingUpload keep(String purpose, long accountId, String fileName, byte[] content) {
        jdbc.sql("DELETE FROM pending_upload WHERE expires_at <= now() OR (account_id = ? AND purpose = ?)")
                .params(accountId, purpose).update();
        Instant now = Instant.now();
        String name = fileName == null || fileName.isBlank() ? "fichier" : fileName;
        PendingUpload upload = new PendingUpload(Secrets.randomKey(16), purpose, accountId, name, content.clone(),
                now, now.plus(KEPT));
        jdbc.sql("""
                        INSERT INTO pending_upload (token, purpose, account_id, file_name, content, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(upload.token(), purpose, accountId, name, upload.content(), at(upload.createdAt()),
                        at(upload.expiresAt()))
                .update();
        return upload;
    }

    /** The account's unexpired upload for that purpose. */
    public Optional<PendingUpload> current(String purpose, long accountId) {
        return jdbc.sql("""
                        SELECT token, purpose, account_id, file_name, content, created_at, expires_at FROM pending_upload
                        WHERE account_id = ? AND purpose = ? AND expires_at > now()""")
                .params(accountId, purpose)
                .query((rs, n) -> new PendingUpload(rs.getString("token"), rs.getString("purpose"),
                        rs.getLong("account_id"), rs.getString("file_name"), rs.getBytes("content"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The account's unexpired upload for that purpose, if {@code token} names it. */
    public Optional<PendingUpload> find(String purpose, long accountId, String token) {
        return current(purpose, accountId).filter(u -> u.token().equals(token));
    }

    /** Forgets the account's upload for that purpose (confirmed or cancelled). */
    public void discard(String purpose, long accountId) {
        jdbc.sql("DELETE FROM pending_upload WHERE account_id = ? AND purpose = ?").params(accountId, purpose).update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
