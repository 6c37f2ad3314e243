package org.rencontres.registration;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.TrainingContact;
import org.rencontres.directory.TrainingContacts;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.SessionDay;
import org.rencontres.notification.Attachment;
import org.rencontres.notification.MailContent;
import org.rencontres.notification.MailTemplates;
import org.rencontres.notification.Message;
import org.rencontres.notification.Outbox;
import org.rencontres.registration.allocation.WorkshopGiven;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.PublicAddress;
import org.rencontres.workshops.Workshops;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The e-mails of the approval chain, written to the outbox in the transaction of the change that
 * causes them (or, for the public form's request, rendered and queued just after it commits: see
 * {@link MailsAfterCommit}): the agent hears of every step; the line manager and the training service get a
 * single-use link to give their opinion or decision. They hear the changes as events
 * ({@link RegistrationChanged}, {@link WorkshopGiven}), synchronously, inside the change's
 * transaction, so the state machine and the allocation do not depend on the mails (whose
 * confirmation attachments need the allocation). Templates: {@code
 * registration/mail/state} (a change of state, told to the agent) and {@code registration/mail/link}
 * (an invitation to act through a link), their words in the bundle {@code i18n/registration}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationMails {

    private final Outbox outbox;
    private final MailTemplates templates;
    private final Days days;
    private final TrainingContacts trainingContacts;
    private final Links links;
    private final PublicAddress address;
    private final Convocations convocations;
    private final RegistrationQueries queries;
    private final Workshops workshops;
    private final MailsAfterCommit mails;

    /** After each change of state, in its transaction: the registration as it is after the change. */
    @EventListener
    void changed(RegistrationChanged change) {
        Registration r = change.registration();
        RegistrationState from = change.from();
        RegistrationState to = change.to();
        String reason = change.reason();
        if (from == to || to == RegistrationState.REQUESTED) {
            return;
        }
        Day day = days.find(r.dayId()).orElseThrow();
        switch (to) {
            case AWAITING_MANAGER -> askManager(day, r);
            case AWAITING_TRAINING_SERVICE -> askTrainingService(day, r);
            default -> { }
        }
        if (from == RegistrationState.REQUESTED) {
            // The agent hears once that the request was received and where it went.
            tellAgent(day, r, "RECEIVED", to, reason, true);
        } else {
            // A step the organiser took in the approver's place is told as the organiser's.
            String kind = (to == RegistrationState.AWAITING_TRAINING_SERVICE || to == RegistrationState.AWAITING_ORGANISER)
                    && lastInPlace(r.id()) ? to.name() + "_IN_PLACE" : to.name();
            // Every e-mail to the agent links their space, the intermediate steps' too (issue 16).
            tellAgent(day, r, kind, to, reason, true, from == RegistrationState.CONFIRMED && !to.isLive());
        }
    }

    private boolean lastInPlace(long id) {
        List<Transition> history = queries.history(id);
        return !history.isEmpty() && history.get(history.size() - 1).inPlace();
    }

    /**
     * Sends the approver of a waiting request a fresh single-use link again: the line manager, or
     * each training-service address of the employer. As a reminder, the e-mail says since when the
     * request waits. Earlier links stay valid until the step is over.
     *
     * @return how many addresses were written to (0 when no one but the organiser can decide)
     */
    int askAgain(Registration r, boolean reminder, Instant since) {
        Day day = days.find(r.dayId()).orElseThrow();
        Instant expires = linkExpiry(day);
        String suffix = reminder ? "_REMINDER" : "";
        String sinceText = format(since, day.zone(), Locale.forLanguageTag(r.language()));
        if (r.state() == RegistrationState.AWAITING_MANAGER && r.lineManagerEmail() != null) {
            String token = links.issue(Links.Purpose.MANAGER, r.id(), r.lineManagerEmail(), expires);
            sendLink(day, r, r.lineManagerEmail(), "MANAGER" + suffix, "/inscription/avis/" + token, expires, sinceText);
            return 1;
        }
        if (r.state() != RegistrationState.AWAITING_TRAINING_SERVICE || r.employerOrganisationId() == null) {
            return 0;
        }
        int sent = 0;
        for (TrainingContact contact : trainingContacts.of(r.employerOrganisationId())) {
            String token = links.issue(Links.Purpose.TRAINING_SERVICE, r.id(), contact.email(), expires);
            sendLink(day, r, contact.email(), "TRAINING_SERVICE" + suffix, "/inscription/decision/" + token, expires,
                    sinceText);
            sent++;
        }
        return sent;
    }

    /** Whether the day begins after {@code now} and no later than {@code now + within}. */
    boolean beginsWithin(long dayId, Instant now, Duration within) {
        return days.find(dayId).map(d -> d.start().toInstant())
                .filter(start -> start.isAfter(now) && !start.isAfter(now.plus(within))).isPresent();
    }

    /** The reminder of a confirmed registration a few days before the day. */
    void remind(Registration r) {
        Day day = days.find(r.dayId()).orElseThrow();
        tellAgent(day, r, "REMINDER", RegistrationState.CONFIRMED, null, true);
    }

    /** The workshop the published allocation gives a confirmed agent (named in their space and convocation). */
    @EventListener
    void workshopGiven(WorkshopGiven given) {
        Registration r = given.registration();
        Day day = days.find(r.dayId()).orElseThrow();
        tellAgent(day, r, "WORKSHOP", RegistrationState.CONFIRMED, null, true);
    }

    /** A training service's space link. */
    void serviceSpace(String recipient, String organisationName, String token, Instant expiresAt, Locale locale) {
        Map<String, Object> v = new HashMap<>();
        v.put("kind", "SERVICE_SPACE");
        v.put("organisation", organisationName);
        v.put("link", address.of("/service-formation/espace/" + token));
        v.put("expires", format(expiresAt, ZoneId.of("Europe/Paris"), locale));
        MailContent content = templates.render("registration/mail/link", locale, v);
        outbox.send(Message.of(recipient, content));
    }

    private void askManager(Day day, Registration r) {
        if (r.lineManagerEmail() == null) {
            return;
        }
        Instant expires = linkExpiry(day);
        String token = links.issue(Links.Purpose.MANAGER, r.id(), r.lineManagerEmail(), expires);
        sendLink(day, r, r.lineManagerEmail(), "MANAGER", "/inscription/avis/" + token, expires);
    }

    private void askTrainingService(Day day, Registration r) {
        if (r.employerOrganisationId() == null || r.registeredBy() != null) {
            // A typed employer is checked by the organiser, who then decides in its place; a
            // training service that registered its agent has already decided.
            return;
        }
        Instant expires = linkExpiry(day);
        for (TrainingContact contact : trainingContacts.of(r.employerOrganisationId())) {
            String token = links.issue(Links.Purpose.TRAINING_SERVICE, r.id(), contact.email(), expires);
            sendLink(day, r, contact.email(), "TRAINING_SERVICE", "/inscription/decision/" + token, expires);
        }
    }

    private void sendLink(Day day, Registration r, String to, String kind, String path, Instant expires) {
        sendLink(day, r, to, kind, path, expires, null);
    }

    private void sendLink(Day day, Registration r, String to, String kind, String path, Instant expires, String since) {
        Locale locale = Locale.forLanguageTag(r.language());
        Map<String, Object> v = variables(day, r, locale);
        v.put("since", since);
        v.put("kind", kind);
        v.put("link", address.of(path));
        v.put("expires", format(expires, day.zone(), locale));
        mails.send(() -> Message.of(to, templates.render("registration/mail/link", locale, v)).withDay(day.id()));
    }

    private void tellAgent(Day day, Registration r, String kind, RegistrationState state, String reason,
                           boolean withSpace) {
        tellAgent(day, r, kind, state, reason, withSpace, false);
    }

    /** @param calendarHeld the registration ended after its convocation was sent: a cancelling .ics goes with it */
    private void tellAgent(Day day, Registration r, String kind, RegistrationState state, String reason,
                           boolean withSpace, boolean calendarHeld) {
        Locale locale = Locale.forLanguageTag(r.language());
        Map<String, Object> v = variables(day, r, locale);
        v.put("kind", kind);
        v.put("state", state.name());
        v.put("reason", reason == null || reason.isBlank() ? null : reason.strip());
        if (withSpace) {
            String token = links.issue(Links.Purpose.AGENT_SPACE, r.id(), r.email(), spaceExpiry(day));
            v.put("space", address.of("/inscription/espace/" + token));
        }
        v.put("deadline", r.offerDeadline() == null ? null : format(r.offerDeadline(), day.zone(), locale));
        // The workshops given, named: « Coopération décentralisée », « Jumelages ».
        v.put("workshops", workshops.ofDay(day.id()).stream().filter(w -> r.hasWorkshop(w.id()))
                .map(w -> "«\u00a0" + w.title() + "\u00a0»").collect(Collectors.joining(", ")));
        boolean convocation = state == RegistrationState.CONFIRMED && !"REMINDER".equals(kind) && !"WORKSHOP".equals(kind);
        mails.send(() -> {
            Message message = Message.of(r.email(), templates.render("registration/mail/state", locale, v))
                    .withDay(day.id());
            if (convocation) {
                for (Attachment a : convocations.attachments(day, r)) {
                    message = message.withAttachment(a);
                }
            }
            if (calendarHeld) {
                // The convocation put the session in the agent's calendar: this file takes it out.
                message = message.withAttachment(convocations.calendar(day, r, null));
            }
            return message;
        });
    }

    private Map<String, Object> variables(Day day, Registration r, Locale locale) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", r.givenName() + " " + r.surname());
        v.put("agent", r);
        v.put("employer", r.employerName() == null ? "" : r.employerName());
        v.put("title", day.fullTitle());
        v.put("code", day.sessionCode().toString());
        v.put("date", day.days().frenchDates());
        v.put("dateOf", day.days().frenchOf());
        // A one-day session says its hours in the sentence of the day; a longer one, a line a day.
        v.put("times", day.days().first().frenchHours());
        v.put("dayLines", day.days().all().stream().map(DayLine::of).toList());
        v.put("venue", day.venue() == null ? null : day.venue().name() + ", " + day.venue().addressLine());
        v.put("page", address.of("/journees/" + day.sessionCode().slug()));
        return v;
    }

    /** Step links serve until the day begins. */
    private static Instant linkExpiry(Day day) {
        return day.start().toInstant();
    }

    /** The agent's space serves until two months after the day (attendance documents come after it). */
    static Instant spaceExpiry(Day day) {
        return day.end().plusMonths(2).toInstant();
    }

    /** A day of the session as a line of the e-mail: "Mardi 16 mars 2027", "9h", "17h". */
    record DayLine(String date, String start, String end) {

        static DayLine of(SessionDay day) {
            String date = day.frenchDate();
            return new DayLine(Character.toUpperCase(date.charAt(0)) + date.substring(1),
                    FrenchTime.clock(day.startsAt()), FrenchTime.clock(day.endsAt()));
        }
    }

    private static String format(Instant at, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale).format(at.atZone(zone));
    }
}
