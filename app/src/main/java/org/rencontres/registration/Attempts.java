package org.rencontres.registration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rate limits of the public forms, counted in the database so that they hold across
 * instances, over {@code rencontres.registration.rate-window} (default 1 h):
 * <ul>
 * <li>per client address (an IPv6 one by its /64), {@code rencontres.registration.rate-limit} submissions (default 60): the
 *     agents of one collectivité often reach the internet through one public address, so the cap
 *     lets a whole team register (50 colleagues within the hour) and only bounds a flood;</li>
 * <li>per e-mail address typed, {@code rencontres.registration.rate-limit-per-email} (default 3):
 *     one agent never needs more, and a flood with one address is stopped early. Only a SHA-256
 *     of the lower-cased address is kept, and only for the window.</li>
 * </ul>
 * A refused submission is not counted (a flood does not push the colleagues' turn further away)
 * and says when the next one will be taken.
 */
@Component
class Attempts {

    /** Whether a submission may go on; when not, which limit refused it and from when it will be taken. */
    record Verdict(boolean allowed, Limit limit, Instant retryAt) {
        static final Verdict ALLOWED = new Verdict(true, null, null);

        /** The key of the French message that refuses the submission and says when to come back. */
        String messageKey() {
            return limit == Limit.EMAIL ? "registration.error.rate.email" : "registration.error.rate";
        }

        /** When to come back, in Paris time: "14h32" today, "0h05 le 8 décembre" another day. */
        String retryText(Instant now) {
            ZonedDateTime at = retryAt.atZone(FrenchTime.PARIS);
            String clock = FrenchTime.clock(at.toLocalTime());
            return at.toLocalDate().equals(now.atZone(FrenchTime.PARIS).toLocalDate()) ? clock
                    : clock + " le " + at.format(DateTimeFormatter.ofPattern("d MMMM", Locale.FRENCH));
        }

        /** Seconds until then, for the Retry-After header. */
        long retryAfterSeconds(Instant now) {
            return Math.max(1, Duration.between(now, retryAt).toSeconds());
        }
    }

    enum Limit { ADDRESS, EMAIL }

    /** The advisory lock spaces of the two counters (4_06xx: the registration module's). */
    private static final int ADDRESS_LOCKS = 4_0603;
    private static final int EMAIL_LOCKS = 4_0604;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perAddress;
    private final int perEmail;
    private final Duration window;

    Attempts(JdbcClient jdbc, Optional<Clock> clock,
             @Value("${rencontres.registration.rate-limit:60}") int perAddress,
             @Value("${rencontres.registration.rate-limit-per-email:3}") int perEmail,
             @Value("${rencontres.registration.rate-window:1h}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
        this.perAddress = perAddress;
        this.perEmail = perEmail;
        this.window = window;
    }

    /**
     * Counts one submission from {@code address} for {@code email}, unless either has used up its
     * allowance; then nothing is counted.
     */
    @Transactional
    Verdict allow(String address, String email) {
        String addressKey = addressKey(address);
        String emailKey = hash(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        Instant now = clock.instant();
        OffsetDateTime since = now.minus(window).atOffset(ZoneOffset.UTC);
        // Always the address first, then the e-mail, each in a lock space of its own (the first
        // number): simultaneous submissions cannot all pass the count, and two of them never wait
        // for each other's second lock.
        jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))").params(ADDRESS_LOCKS, addressKey)
                .query(Object.class).single();
        jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))").params(EMAIL_LOCKS, emailKey)
                .query(Object.class).single();
        // What is out of the window is forgotten, for every address: nothing is kept longer than needed.
        // Rows another submission is deleting are skipped (no waiting, no deadlock); the counts below
        // look at the window only, so a row not yet deleted is never counted.
        for (String table : new String[] {"registration_attempt", "registration_email_attempt"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table
                    + " WHERE at < ? FOR UPDATE SKIP LOCKED)").param(since).update();
        }
        Optional<Instant> addressFull = full("registration_attempt", "address", addressKey, perAddress, since);
        if (addressFull.isPresent()) {
            return new Verdict(false, Limit.ADDRESS, addressFull.get());
        }
        Optional<Instant> emailFull = full("registration_email_attempt", "email_hash", emailKey, perEmail, since);
        if (emailFull.isPresent()) {
            return new Verdict(false, Limit.EMAIL, emailFull.get());
        }
        jdbc.sql("INSERT INTO registration_attempt (address, at) VALUES (?, ?)")
                .params(addressKey, now.atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("INSERT INTO registration_email_attempt (email_hash, at) VALUES (?, ?)")
                .params(emailKey, now.atOffset(ZoneOffset.UTC)).update();
        return Verdict.ALLOWED;
    }

    /**
     * When the key has used up its allowance, the moment one more is taken: when the limit-th newest
     * of the submissions in the window leaves it (then limit - 1 are left; rounded up to the minute,
     * the precision of the message). One bounded query on the index (key, at): it reads at most
     * {@code limit} rows, however many attempts the key made.
     */
    private Optional<Instant> full(String table, String column, String key, int limit, OffsetDateTime since) {
        if (limit <= 0) {
            return Optional.of(clock.instant().plus(window)); // a limit of 0: closed for a window
        }
        // Table and column are this class's constants, never input.
        Optional<OffsetDateTime> freeing = jdbc.sql("SELECT at FROM " + table + " WHERE " + column + " = ? AND at >= ?"
                        + " ORDER BY at DESC OFFSET ? LIMIT 1")
                .params(key, since, limit - 1)
                .query(OffsetDateTime.class).optional();
        if (freeing.isEmpty()) {
            return Optional.empty();
        }
        Instant free = freeing.get().toInstant().plus(window);
        Instant minute = free.truncatedTo(ChronoUnit.MINUTES);
        return Optional.of(minute.equals(free) ? minute : minute.plus(1, ChronoUnit.MINUTES));
    }

    /**
     * The key an address is counted under: an IPv4 address as it is, an IPv6 one by its /64 network,
     * the block one subscriber gets (otherwise one subscriber would have 2^64 allowances).
     */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "?";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal with ':' is parsed, never looked up in the DNS.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static String hash(String email) {
        return Secrets.sha256Hex(email);
    }
}
