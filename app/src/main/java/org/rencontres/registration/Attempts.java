package org.rencontres.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rate limit of the public forms per client address, counted in the database so that it holds
 * across instances: at most {@code rencontres.registration.rate-limit} submissions (default 10) per
 * {@code rencontres.registration.rate-window} (default 1 h) from one address.
 */
@Component
class Attempts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    Attempts(JdbcClient jdbc, Optional<Clock> clock,
             @Value("${rencontres.registration.rate-limit:10}") int limit,
             @Value("${rencontres.registration.rate-window:1h}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
        this.limit = limit;
        this.window = window;
    }

    /**
     * Counts one submission from {@code address}, unless the address has used up its allowance.
     *
     * @return whether the submission may go on
     */
    @Transactional
    boolean allow(String address) {
        String key = address == null ? "?" : address;
        Instant now = clock.instant();
        // One address at a time, so that simultaneous submissions cannot all pass the count.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('registration-attempt:' || ?))").param(key)
                .query(Object.class).single();
        jdbc.sql("DELETE FROM registration_attempt WHERE address = ? AND at < ?")
                .params(key, now.minus(window).atOffset(ZoneOffset.UTC)).update();
        int recent = jdbc.sql("SELECT count(*) FROM registration_attempt WHERE address = ?").param(key)
                .query(Integer.class).single();
        if (recent >= limit) {
            return false;
        }
        jdbc.sql("INSERT INTO registration_attempt (address, at) VALUES (?, ?)")
                .params(key, now.atOffset(ZoneOffset.UTC)).update();
        return true;
    }
}
