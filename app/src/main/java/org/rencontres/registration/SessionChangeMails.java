package org.rencontres.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.PeopleToTell;
import org.rencontres.event.SessionCancelled;
import org.rencontres.event.SessionDays;
import org.rencontres.event.SessionReinstated;
import org.rencontres.event.SessionRescheduled;
import org.rencontres.notification.Attachment;
import org.rencontres.notification.MailTemplates;
import org.rencontres.notification.Message;
import org.rencontres.notification.Outbox;
import org.rencontres.shared.PublicAddress;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every live registrant of a session (in approval, confirmed, on the waiting list, offered a seat) hears of its
 * cancellation and of each change of its dates, hours or venue: one e-mail a person a change, written to the
 * outbox in the change's transaction (the event module publishes the change synchronously), saying what changed;
 * a confirmed agent gets the new convocation and the calendar file that replaces the one sent before (same UIDs,
 * higher SEQUENCE), or, for a cancellation, the file that takes the session out of their calendar. Template
 * {@code registration/mail/change}. Also counts those people for the organiser's confirmation pages.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionChangeMails implements PeopleToTell {

    private final RegistrationQueries queries;
    private final Days days;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final MessageSource messages;
    private final Links links;
    private final PublicAddress address;
    private final Convocations convocations;

    @Override
    public int of(long dayId) {
        return live(dayId).size();
    }

    @EventListener
    void cancelled(SessionCancelled cancelled) {
        Day day = days.find(cancelled.dayId()).orElseThrow();
        for (Registration r : live(day.id())) {
            Map<String, Object> v = variables(day, r, "SESSION_CANCELLED");
            v.put("message", cancelled.message() == null || cancelled.message().isBlank() ? null : cancelled.message().strip());
            Message message = message(r, v, "cancelled-" + cancelled.sequence());
            if (r.state() == RegistrationState.CONFIRMED) {
                message = message.withAttachment(convocations.calendar(day, r, null));
            }
            outbox.send(message);
        }
    }

    /** A cancelled session takes place after all: the confirmed get their convocation and calendar file again. */
    @EventListener
    void reinstated(SessionReinstated reinstated) {
        Day day = days.find(reinstated.dayId()).orElseThrow();
        for (Registration r : live(day.id())) {
            Message message = message(r, variables(day, r, "SESSION_REINSTATED"), "reinstated-" + reinstated.sequence());
            if (r.state() == RegistrationState.CONFIRMED) {
                for (Attachment a : convocations.attachments(day, r)) {
                    message = message.withAttachment(a);
                }
            }
            outbox.send(message);
        }
    }

    @EventListener
    void rescheduled(SessionRescheduled change) {
        Day day = days.find(change.dayId()).orElseThrow();
        for (Registration r : live(day.id())) {
            Locale locale = Locale.forLanguageTag(r.language());
            Map<String, Object> v = variables(day, r, "SESSION_CHANGED");
            v.put("changes", changes(change, locale));
            Message message = message(r, v, "changed-" + change.sequence());
            if (r.state() == RegistrationState.CONFIRMED) {
                message = message.withAttachment(new Attachment(Convocations.pdfName(day, r), "application/pdf",
                        convocations.pdf(day, r))).withAttachment(convocations.calendar(day, r, change.before()));
            }
            outbox.send(message);
        }
    }

    private List<Registration> live(long dayId) {
        return queries.ofDay(dayId).stream().filter(r -> r.state().isLive()).toList();
    }

    /** What changed, a line each: « Dates : … → … », « Horaires : … → … », « Lieu : … → … ». */
    private List<String> changes(SessionRescheduled change, Locale locale) {
        List<String> lines = new ArrayList<>();
        if (change.datesChanged()) {
            lines.add(text(locale, "registration.mail.change.dates", change.before().frenchDates(),
                    change.after().frenchDates()));
        }
        if (change.hoursChanged()) {
            lines.add(text(locale, "registration.mail.change.hours", hours(change.before()), hours(change.after())));
        }
        if (change.venueChanged()) {
            String none = text(locale, "registration.mail.change.venue.none");
            lines.add(text(locale, "registration.mail.change.venue",
                    change.venueBefore() == null ? none : change.venueBefore().describe(),
                    change.venueAfter() == null ? none : change.venueAfter().describe()));
        }
        return lines;
    }

    /** "9h – 17h" for a one-day session; "mardi 16 mars 2027, 9h – 17h ; mercredi 17 mars 2027, 9h – 12h" else. */
    private static String hours(SessionDays days) {
        if (days.isSingle()) {
            return days.first().frenchHours();
        }
        return String.join("\u00a0; ", days.all().stream().map(d -> d.frenchDate() + ", " + d.frenchHours()).toList());
    }

    private Map<String, Object> variables(Day day, Registration r, String kind) {
        Map<String, Object> v = new HashMap<>();
        v.put("kind", kind);
        v.put("name", r.givenName() + " " + r.surname());
        v.put("title", day.fullTitle());
        v.put("code", day.sessionCode().toString());
        v.put("when", day.days().frenchWhen());
        v.put("state", r.state().name());
        v.put("confirmed", r.state() == RegistrationState.CONFIRMED);
        v.put("venue", day.venue() == null ? null : day.venue().describe());
        v.put("dayLines", day.days().all().stream().map(RegistrationMails.DayLine::of).toList());
        String token = links.issue(Links.Purpose.AGENT_SPACE, r.id(), r.email(), RegistrationMails.spaceExpiry(day));
        v.put("space", address.of("/inscription/espace/" + token));
        v.put("page", address.of("/journees/" + day.sessionCode().slug()));
        return v;
    }

    /** One message a person a change: the change's sequence is in its dedup key. */
    private Message message(Registration r, Map<String, Object> v, String change) {
        Locale locale = Locale.forLanguageTag(r.language());
        return Message.of(r.email(), templates.render("registration/mail/change", locale, v))
                .withDedupKey("session-" + r.dayId() + "-" + change + "-registration-" + r.id()).withDay(r.dayId());
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
