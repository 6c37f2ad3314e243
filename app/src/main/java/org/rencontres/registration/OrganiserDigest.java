package org.rencontres.registration;

import static org.rencontres.registration.RegistrationRows.COLUMNS;
import static org.rencontres.registration.RegistrationRows.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.notification.MailTemplates;
import org.rencontres.notification.Message;
import org.rencontres.notification.Outbox;
import org.rencontres.registration.needs.AccessibilityNeeds;
import org.rencontres.security.Account;
import org.rencontres.security.Accounts;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.PublicAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisers' daily digest (run by {@link RegistrationJobs}): for each session an organiser may
 * manage and that has not ended, the requests received since the last digest, those that stall (on
 * the chain for {@code rencontres.registration.approver-reminder-days} or more, or that only the
 * organiser can decide), the withdrawals, and the offers of a freed seat that expire within 48 hours.
 * Nothing is sent when there is nothing to say; at most one digest per account and Paris date.
 */
@Component
class OrganiserDigest {

    static final Duration OFFERS_WITHIN = Duration.ofHours(48);

    /** What a session has to say in the digest; empty sections are left out. */
    record Section(String title, String code, String queue, List<String> received, List<String> stalled,
                   List<String> withdrawn, List<String> expiring, List<String> unreferred) {
        boolean isEmpty() {
            return received.isEmpty() && stalled.isEmpty() && withdrawn.isEmpty() && expiring.isEmpty()
                    && unreferred.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Days days;
    private final ApprovalWaits waits;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final PublicAddress address;
    private final MessageSource messages;
    private final AccessibilityNeeds needs;
    private final int stallDays;

    OrganiserDigest(JdbcClient jdbc, Accounts accounts, Days days, ApprovalWaits waits, MailTemplates templates,
                    Outbox outbox, PublicAddress address, MessageSource messages, AccessibilityNeeds needs,
                    @Value("${rencontres.registration.approver-reminder-days:3}") int stallDays) {
        this.jdbc = jdbc;
        this.needs = needs;
        this.accounts = accounts;
        this.days = days;
        this.waits = waits;
        this.templates = templates;
        this.outbox = outbox;
        this.address = address;
        this.messages = messages;
        this.stallDays = stallDays;
    }

    /** Sends the digest due at {@code now} to every enabled account that has something to read. */
    int sendDue(Instant now) {
        int sent = 0;
        for (Account account : accounts.all()) {
            if (account.enabled() && sendTo(account.id(), now)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Sends one account its digest, unless there is nothing to say or it already had today's.
     *
     * @return whether a digest was queued
     */
    @Transactional
    boolean sendTo(long accountId, Instant now) {
        Optional<Organiser> organiser = accounts.current(accountId).filter(Organiser::isEnabled);
        Optional<Account> account = accounts.find(accountId);
        if (organiser.isEmpty() || account.isEmpty()) {
            return false;
        }
        Instant since = jdbc.sql("SELECT max(sent_at) FROM registration_digest WHERE account_id = ?").param(accountId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .filter(java.util.Objects::nonNull).map(OffsetDateTime::toInstant)
                .orElse(now.minus(Duration.ofDays(1)));
        List<Section> sections = new ArrayList<>();
        for (long dayId : candidateDays(since)) {
            Optional<Day> day = days.find(dayId);
            if (day.isEmpty() || !day.get().end().toInstant().isAfter(now)
                    || !organiser.get().mayManage(day.get().organisingUnit())) {
                continue;
            }
            Section s = section(day.get(), since, now);
            if (!s.isEmpty()) {
                sections.add(s);
            }
        }
        if (sections.isEmpty()) {
            return false;
        }
        LocalDate today = now.atZone(FrenchTime.PARIS).toLocalDate();
        int inserted = jdbc.sql("""
                INSERT INTO registration_digest (account_id, digest_date, sent_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""").params(accountId, today, utc(now)).update();
        if (inserted == 0) {
            return false;
        }
        Map<String, Object> v = new HashMap<>();
        v.put("name", account.get().displayName());
        v.put("date", FrenchTime.longDate(today));
        v.put("sections", sections);
        outbox.send(Message.of(account.get().email(), templates.render("registration/mail/digest", Locale.FRENCH, v)));
        return true;
    }

    /** The sessions with something that may be worth telling since {@code since}. */
    private List<Long> candidateDays(Instant since) {
        return jdbc.sql("""
                SELECT DISTINCT r.event_day_id FROM registration r
                 WHERE r.created_at >= ?
                    OR r.state IN ('AWAITING_MANAGER', 'AWAITING_TRAINING_SERVICE', 'AWAITING_ORGANISER', 'OFFERED')
                    OR EXISTS (SELECT 1 FROM registration_transition t WHERE t.registration_id = r.id
                                  AND t.to_state = 'WITHDRAWN' AND t.at >= ?)
                    OR EXISTS (SELECT 1 FROM registration_needs n WHERE n.registration_id = r.id
                                  AND n.state = 'TO_STUDY')
                 ORDER BY r.event_day_id""")
                .params(utc(since), utc(since)).query(Long.class).list();
    }

    Section section(Day day, Instant since, Instant now) {
        List<Registration> all = jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE event_day_id = ? ORDER BY id")
                .param(day.id()).query(RegistrationRows::registrationOf).list();
        List<String> received = new ArrayList<>();
        List<String> stalled = new ArrayList<>();
        List<String> expiring = new ArrayList<>();
        Map<Long, ApprovalWaits.Wait> waiting = waits.ofDay(day.id(), all);
        for (Registration r : all) {
            String who = r.givenName() + " " + r.surname();
            if (!r.createdAt().isBefore(since) && r.createdAt().isBefore(now)) {
                received.add(text("registration.digest.received", who, employer(r), text("registration.state." + r.state())));
            }
            ApprovalWaits.Wait w = waiting.get(r.id());
            if (w != null && (w.days(now) >= stallDays || w.reasonKey() != null)) {
                stalled.add(text("registration.digest.stalled", who, whom(w), date(w.since()), w.days(now)));
            }
            if (r.state() == RegistrationState.OFFERED && r.offerDeadline() != null && r.offerDeadline().isAfter(now)
                    && !r.offerDeadline().isAfter(now.plus(OFFERS_WITHIN))) {
                ZonedDateTime at = r.offerDeadline().atZone(FrenchTime.PARIS);
                expiring.add(text("registration.digest.expiring", who, FrenchTime.longDate(at.toLocalDate()),
                        FrenchTime.clock(at.toLocalTime())));
            }
        }
        List<String> withdrawn = jdbc.sql("""
                SELECT r.given_name, r.surname, t.at FROM registration_transition t JOIN registration r ON r.id = t.registration_id
                 WHERE r.event_day_id = ? AND t.to_state = 'WITHDRAWN' AND t.at >= ? AND t.at < ? ORDER BY t.at""")
                .params(day.id(), utc(since), utc(now))
                .query((rs, n) -> text("registration.digest.withdrawn", rs.getString(1) + " " + rs.getString(2),
                        date(rs.getObject(3, OffsetDateTime.class).toInstant())))
                .list();
        return new Section(day.fullTitle(), day.sessionCode().toString(),
                address.of("/admin/journees/" + day.sessionCode().slug() + "/inscriptions"),
                received, stalled, withdrawn, expiring,
                // Accessibility needs nobody was told of (the session has no référent handicap): who, since when.
                needs.unreferred(day.id()).stream()
                        .map(u -> text("registration.needs.noreferent.waits", u.agent(), date(u.since()))).toList());
    }

    private String whom(ApprovalWaits.Wait w) {
        return switch (w.whom()) {
            case MANAGER -> text("registration.wait.whom.MANAGER", String.join(", ", w.addresses()));
            case TRAINING_SERVICE -> text("registration.wait.whom.TRAINING_SERVICE", String.join(", ", w.addresses()));
            case ORGANISER -> w.reasonKey() == null ? text("registration.wait.whom.ORGANISER")
                    : text("registration.wait.whom.ORGANISER.because", text(w.reasonKey(), w.employer()));
        };
    }

    private static String employer(Registration r) {
        return r.employerName() == null || r.employerName().isBlank() ? "—" : r.employerName().strip();
    }

    private static String date(Instant at) {
        return FrenchTime.longDate(at.atZone(FrenchTime.PARIS).toLocalDate());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRENCH);
    }
}
