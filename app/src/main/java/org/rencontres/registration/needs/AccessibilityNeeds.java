package org.rencontres.registration.needs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.PublicInformation;
import org.rencontres.notification.MailContent;
import org.rencontres.notification.MailTemplates;
import org.rencontres.notification.Message;
import org.rencontres.notification.Outbox;
import org.rencontres.shared.PublicAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accessibility needs of requests: recorded with the request (its consent time with it), the
 * session's référent handicap e-mailed a link to them (never the needs themselves), and read back for
 * the only people allowed: the organisers' and the référent's page get the needs, the desk and rosters
 * the arrangement, the dashboard the counts.
 */
@Service
public class AccessibilityNeeds {

    /** The registrations that still come: a refused, withdrawn, cancelled or expired one does not. */
    static final String LIVE = "r.state NOT IN ('REFUSED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED')";

    /** A request with needs that no référent was told of (the session has none): who, since when. */
    public record Unreferred(String agent, Instant since) {
    }

    private final JdbcClient jdbc;
    private final Days days;
    private final PublicInformation publicInformation;
    private final ReferentLinks links;
    private final MailTemplates mails;
    private final Outbox outbox;
    private final PublicAddress address;
    private final Clock clock;

    AccessibilityNeeds(JdbcClient jdbc, Days days, PublicInformation publicInformation, ReferentLinks links,
                       MailTemplates mails, Outbox outbox, PublicAddress address, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.days = days;
        this.publicInformation = publicInformation;
        this.links = links;
        this.mails = mails;
        this.outbox = outbox;
        this.address = address;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Records the needs declared with a new request, with the time of the agent's consent, and e-mails
     * the session's référent handicap a link to the session's needs (nothing about the agent or the
     * needs in the mail). Nothing is recorded when no need is declared.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long registrationId, long dayId, DeclaredNeeds needs, Instant consentAt) {
        if (needs.isEmpty()) {
            return;
        }
        if (consentAt == null) {
            throw new IllegalArgumentException("needs: given without the agent's consent");
        }
        jdbc.sql("""
                INSERT INTO registration_needs (registration_id, event_day_id, mobility, hearing, sight, other, details,
                    consent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(registrationId, dayId, needs.kinds().contains(NeedKind.MOBILITY),
                        needs.kinds().contains(NeedKind.HEARING), needs.kinds().contains(NeedKind.SIGHT),
                        needs.kinds().contains(NeedKind.OTHER), needs.details(), Timestamp.from(consentAt))
                .update();
        referent(dayId).ifPresent(email -> tellReferent(dayId, email));
    }

    /**
     * E-mails the session's référent handicap a new link to its needs (a référent named after the
     * requests came was told of none); returns the address, empty when the session has no référent.
     */
    @Transactional
    public Optional<String> sendReferentLink(long dayId) {
        Optional<String> email = referent(dayId);
        email.ifPresent(e -> tellReferent(dayId, e));
        return email;
    }

    /** A link bound to the session, valid until its end; nothing about any agent or need in the mail. */
    private void tellReferent(long dayId, String email) {
        Day day = days.find(dayId).orElseThrow();
        String key = links.issue(dayId, email, day.days().end().toInstant());
        Map<String, Object> v = new HashMap<>();
        v.put("title", day.fullTitle());
        v.put("code", day.sessionCode().toString());
        v.put("date", day.days().frenchDates());
        v.put("link", address.of(ReferentLinks.path(day.sessionCode().slug(), key)));
        MailContent content = mails.render("registration/needs/mail/referent", Locale.FRENCH, v);
        outbox.send(Message.of(email, content).withDay(dayId));
    }

    /** The e-mail address of the session's référent handicap, when it has one. */
    Optional<String> referent(long dayId) {
        PublicInfo info = publicInformation.stored(dayId);
        return Optional.ofNullable(info.disabilityEmail()).map(e -> e.value());
    }

    /** The session's requests with needs, live ones, oldest first: for the organisers' and référent's page. */
    public List<Need> ofDay(long dayId) {
        return jdbc.sql("""
                SELECT n.*, r.given_name, r.surname FROM registration_needs n JOIN registration r ON r.id = n.registration_id
                WHERE n.event_day_id = ? AND""" + " " + LIVE + " ORDER BY n.created_at, n.registration_id")
                .param(dayId).query(AccessibilityNeeds::need).list();
    }

    /** One request's needs, when it has some and belongs to that session. */
    public Optional<Need> find(long dayId, long registrationId) {
        return jdbc.sql("""
                SELECT n.*, r.given_name, r.surname FROM registration_needs n JOIN registration r ON r.id = n.registration_id
                WHERE n.event_day_id = ? AND n.registration_id = ?""")
                .params(dayId, registrationId).query(AccessibilityNeeds::need).optional();
    }

    /**
     * The arrangements of the session's registrations that declared needs, by registration: what the
     * welcome desk and the rosters may show the organisers (never the needs themselves).
     */
    public Map<Long, Arrangement> arrangements(long dayId) {
        Map<Long, Arrangement> all = new LinkedHashMap<>();
        jdbc.sql("SELECT registration_id, state, arrangement, reason FROM registration_needs WHERE event_day_id = ?")
                .param(dayId)
                .query((rs, n) -> all.put(rs.getLong(1), arrangement(rs))).list();
        return all;
    }

    /** The arrangement for one registration, for the agent's own space. */
    public Optional<Arrangement> arrangementOf(long registrationId) {
        return jdbc.sql("SELECT state, arrangement, reason FROM registration_needs WHERE registration_id = ?")
                .param(registrationId).query((rs, n) -> arrangement(rs)).optional();
    }

    /**
     * The session's live requests with needs, counted by kind and by state: one GROUP BY in the database (one
     * line per arrangement state, the kinds counted with FILTER), no request loaded, whatever the session's size.
     */
    public NeedCounts counts(long dayId) {
        Map<NeedKind, Integer> byKind = new EnumMap<>(NeedKind.class);
        Map<ArrangementState, Integer> byState = new EnumMap<>(ArrangementState.class);
        for (NeedKind k : NeedKind.values()) {
            byKind.put(k, 0);
        }
        for (ArrangementState s : ArrangementState.values()) {
            byState.put(s, 0);
        }
        StringBuilder kinds = new StringBuilder();
        for (NeedKind k : NeedKind.values()) {
            kinds.append(", count(*) FILTER (WHERE n.").append(k.column).append(") AS ").append(k.column);
        }
        int[] requests = {0};
        jdbc.sql("SELECT n.state, count(*) AS requests" + kinds + """
                 FROM registration_needs n JOIN registration r ON r.id = n.registration_id
                WHERE n.event_day_id = ? AND""" + " " + LIVE + " GROUP BY n.state")
                .param(dayId)
                .query((ResultSet rs) -> {
                    int n = rs.getInt("requests");
                    requests[0] += n;
                    byState.merge(ArrangementState.valueOf(rs.getString("state")), n, Integer::sum);
                    for (NeedKind k : NeedKind.values()) {
                        byKind.merge(k, rs.getInt(k.column), Integer::sum);
                    }
                });
        return new NeedCounts(requests[0], byKind, byState);
    }

    /**
     * The session's live requests with needs that wait for an arrangement while the session has no
     * référent handicap to tell: the organisers' queue names them and since when. Empty when the
     * session has a référent.
     */
    public List<Unreferred> unreferred(long dayId) {
        if (referent(dayId).isPresent()) {
            return List.of();
        }
        return ofDay(dayId).stream().filter(n -> n.arrangement().state() == ArrangementState.TO_STUDY)
                .map(n -> new Unreferred(n.agent(), n.createdAt())).toList();
    }

    Instant now() {
        return clock.instant();
    }

    private static Arrangement arrangement(ResultSet rs) throws SQLException {
        return new Arrangement(ArrangementState.valueOf(rs.getString("state")), rs.getString("arrangement"),
                rs.getString("reason"));
    }

    private static Need need(ResultSet rs, int n) throws SQLException {
        Set<NeedKind> kinds = EnumSet.noneOf(NeedKind.class);
        for (NeedKind k : NeedKind.values()) {
            if (rs.getBoolean(k.column)) {
                kinds.add(k);
            }
        }
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Need(rs.getLong("registration_id"), rs.getString("given_name") + " " + rs.getString("surname"),
                kinds, rs.getString("details"), rs.getTimestamp("consent_at").toInstant(), arrangement(rs),
                rs.getString("updated_by"), updated == null ? null : updated.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
