package org.rencontres.registration.needs;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.notification.MailContent;
import org.rencontres.notification.MailTemplates;
import org.rencontres.notification.Message;
import org.rencontres.notification.Outbox;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.SpaceLinks;
import org.rencontres.shared.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the arrangement of a request's needs, from the organisers' page or the référent's link: every
 * change in the session's audit trail (the state and whether the text changed, never the needs), and
 * the agent told by e-mail when the state changes.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Arrangements {

    private final JdbcClient jdbc;
    private final AccessibilityNeeds needs;
    private final Registrations registrations;
    private final SpaceLinks spaceLinks;
    private final Days days;
    private final MailTemplates mails;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final MessageSource messages;

    /**
     * Changes the arrangement of a request of the session; returns the form's problems (then nothing
     * changed).
     *
     * @param accountId the organiser's account, null for the référent (named by {@code actor})
     */
    @Transactional
    List<FieldProblem> update(long dayId, long registrationId, ArrangementForm form, Long accountId, String actor) {
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            return problems;
        }
        Need before = needs.find(dayId, registrationId).orElseThrow();
        Arrangement after = form.arrangement();
        jdbc.sql("""
                UPDATE registration_needs SET state = ?, arrangement = ?, reason = ?, updated_by = ?, updated_at = ?
                WHERE registration_id = ? AND event_day_id = ?""")
                .params(after.state().name(), after.text(), after.reason(), actor, Timestamp.from(needs.now()),
                        registrationId, dayId)
                .update();
        ArrangementState was = before.arrangement().state();
        String details = "Inscription n°\u00a0" + registrationId + "\u00a0: état « " + label(was) + " » → « "
                + label(after.state()) + " »"
                + (Objects.equals(before.arrangement().text(), after.text()) ? "" : ", texte de l'aménagement modifié")
                + (Objects.equals(before.arrangement().reason(), after.reason()) ? "" : ", motif modifié");
        audit.record(dayId, accountId, actor, "accessibility", "arrangement", details);
        if (was != after.state()) {
            tellAgent(registrations.find(registrationId).orElseThrow(), after);
        }
        return List.of();
    }

    /** Sends the session's référent a new link to its needs, audited; empty when it has no référent. */
    @Transactional
    Optional<String> sendReferentLink(long dayId, Long accountId, String actor) {
        Optional<String> sent = needs.sendReferentLink(dayId);
        sent.ifPresent(email -> audit.record(dayId, accountId, actor, "accessibility", "referent-link",
                "Lien des besoins d'accessibilité envoyé au référent handicap (" + email + ")"));
        return sent;
    }

    private void tellAgent(Registration r, Arrangement arrangement) {
        Day day = days.find(r.dayId()).orElseThrow();
        Locale locale = Locale.forLanguageTag(r.language() == null ? "fr" : r.language());
        Map<String, Object> v = new HashMap<>();
        v.put("name", r.givenName() + " " + r.surname());
        v.put("title", day.fullTitle());
        v.put("code", day.sessionCode().toString());
        v.put("state", messages.getMessage(arrangement.state().messageKey(), null, locale));
        v.put("arrangement", arrangement.text());
        v.put("reason", arrangement.reason());
        v.put("link", spaceLinks.of(r));
        MailContent content = mails.render("registration/needs/mail/state", locale, v);
        outbox.send(Message.of(r.email(), content).withDay(r.dayId()));
    }

    private String label(ArrangementState state) {
        return messages.getMessage(state.messageKey(), null, Locale.FRENCH);
    }
}
