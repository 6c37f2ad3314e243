package org.rencontres.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links sent by e-mail that let people act without an account. A link's token is
 * {@code <random>.<signature>}: 24 random bytes and the HMAC of them with the purpose. A token whose
 * signature does not match is refused before any look-up (tampered); the database keeps only the
 * SHA-256 of the random part, when the link expires and when a single-use link was used.
 */
@Service
class Links {

    /** What a link lets its holder do. */
    enum Purpose {
        /** the line manager gives an opinion; single use */
        MANAGER(true),
        /** the employer's training service decides; single use */
        TRAINING_SERVICE(true),
        /** the agent's space: state, history, withdrawal, offer, convocation */
        AGENT_SPACE(false),
        /** a training service's space: its agents' requests, registering several agents */
        SERVICE_SPACE(false);

        final boolean singleUse;

        Purpose(boolean singleUse) {
            this.singleUse = singleUse;
        }
    }

    /** Why a link does not work. */
    enum Problem { INVALID, USED, EXPIRED }

    /** A link that works: what it is for and whom. */
    record Link(long id, Purpose purpose, Long registrationId, Long organisationId, String recipient,
                Instant expiresAt) {
    }

    /** A link that works, or why not. */
    record Checked(Link link, Problem problem) {
        boolean ok() {
            return problem == null;
        }
    }

    static final class LinkProblemException extends RegistrationException {
        final Problem problem;

        LinkProblemException(Problem problem) {
            super("link: " + problem);
            this.problem = problem;
        }
    }

    private final JdbcClient jdbc;
    private final Signatures signatures;
    private final Clock clock;

    Links(JdbcClient jdbc, Signatures signatures, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.signatures = signatures;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Makes a link for a registration; returns its token (to put in a URL). */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(Purpose purpose, long registrationId, String recipient, Instant expiresAt) {
        return insert(purpose, registrationId, null, recipient, expiresAt);
    }

    /** Makes a training service's space link. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issueForService(long organisationId, String recipient, Instant expiresAt) {
        return insert(Purpose.SERVICE_SPACE, null, organisationId, recipient, expiresAt);
    }

    private String insert(Purpose purpose, Long registrationId, Long organisationId, String recipient,
                          Instant expiresAt) {
        String random = Signatures.random(24);
        jdbc.sql("""
                INSERT INTO registration_link (purpose, token_hash, registration_id, organisation_id, recipient, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(purpose.name(), Signatures.sha256(random), registrationId, organisationId, recipient,
                        expiresAt.atOffset(ZoneOffset.UTC))
                .update();
        return random + "." + signatures.sign(purpose.name() + ":" + random);
    }

    /** Checks a token without using it. */
    Checked check(String token, Purpose purpose) {
        return check(token, purpose, false);
    }

    /**
     * Checks a token and, for a single-use link, marks it used (in the caller's transaction, with the
     * link's row locked, so that two clicks cannot both use it).
     *
     * @throws LinkProblemException when the link is tampered, used or expired
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Link use(String token, Purpose purpose) {
        Checked checked = check(token, purpose, true);
        if (!checked.ok()) {
            throw new LinkProblemException(checked.problem());
        }
        if (purpose.singleUse) {
            jdbc.sql("UPDATE registration_link SET used_at = ? WHERE id = ?")
                    .params(clock.instant().atOffset(ZoneOffset.UTC), checked.link().id()).update();
        }
        return checked.link();
    }

    /** Makes every unused single-use link of a registration useless (its step is over). */
    @Transactional(propagation = Propagation.MANDATORY)
    void retire(long registrationId) {
        jdbc.sql("""
                UPDATE registration_link SET used_at = ? WHERE registration_id = ? AND used_at IS NULL
                    AND purpose IN ('MANAGER', 'TRAINING_SERVICE')""")
                .params(clock.instant().atOffset(ZoneOffset.UTC), registrationId).update();
    }

    private Checked check(String token, Purpose purpose, boolean lock) {
        if (token == null || token.length() > 200) {
            return new Checked(null, Problem.INVALID);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || !signatures.verify(purpose.name() + ":" + token.substring(0, dot), token.substring(dot + 1))) {
            return new Checked(null, Problem.INVALID);
        }
        Optional<Object[]> row = jdbc.sql("""
                SELECT id, purpose, registration_id, organisation_id, recipient, expires_at, used_at
                FROM registration_link WHERE token_hash = ?""" + (lock ? " FOR UPDATE" : ""))
                .param(Signatures.sha256(token.substring(0, dot)))
                .query((rs, n) -> new Object[] {
                        new Link(rs.getLong("id"), Purpose.valueOf(rs.getString("purpose")),
                                (Long) rs.getObject("registration_id"), (Long) rs.getObject("organisation_id"),
                                rs.getString("recipient"), rs.getObject("expires_at", OffsetDateTime.class).toInstant()),
                        rs.getObject("used_at", OffsetDateTime.class)})
                .optional();
        if (row.isEmpty() || ((Link) row.get()[0]).purpose() != purpose) {
            return new Checked(null, Problem.INVALID);
        }
        Link link = (Link) row.get()[0];
        if (purpose.singleUse && row.get()[1] != null) {
            return new Checked(link, Problem.USED);
        }
        if (!clock.instant().isBefore(link.expiresAt())) {
            return new Checked(link, Problem.EXPIRED);
        }
        return new Checked(link, null);
    }
}
