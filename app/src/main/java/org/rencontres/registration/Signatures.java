package org.rencontres.registration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.rencontres.shared.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 signatures of the links and check-in codes. The key is {@code
 * rencontres.registration.secret} when set (at least 32 characters), else a random key made by the
 * first instance that starts and kept in the database, so that every instance checks what any other
 * signed.
 */
@Component
class Signatures {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int SIGNATURE_BYTES = 16;

    private final JdbcClient jdbc;
    private final String configured;
    private volatile byte[] key;

    Signatures(JdbcClient jdbc, @Value("${rencontres.registration.secret:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    /** The signature of {@code data}, URL-safe base64. */
    String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] full = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(Arrays.copyOf(full, SIGNATURE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is the signature of {@code data} (compared in constant time). */
    boolean verify(String data, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(data).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code bytes} random bytes, URL-safe base64. */
    static String random(int bytes) {
        return Secrets.randomKey(bytes);
    }

    static byte[] sha256(String value) {
        return Secrets.sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] load() {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < 32) {
                throw new IllegalStateException("rencontres.registration.secret must have at least 32 characters");
            }
            return configured.strip().getBytes(StandardCharsets.UTF_8);
        }
        byte[] fresh = Secrets.randomBytes(32);
        jdbc.sql("INSERT INTO registration_secret (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")
                .param(fresh).update();
        return jdbc.sql("SELECT secret FROM registration_secret WHERE id = 1").query(byte[].class).single();
    }
}
