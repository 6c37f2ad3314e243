package org.rencontres.registration;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.document.PdfTemplates;
import org.rencontres.document.QrCodes;
import org.rencontres.event.Contact;
import org.rencontres.event.Day;
import org.rencontres.event.DayChanged;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDays;
import org.rencontres.programme.ProgrammeChanged;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.registration.questions.Question;
import org.rencontres.registration.questions.Questions;
import org.rencontres.shared.ContentLines;
import org.rencontres.shared.FrenchTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.thymeleaf.context.Context;

/**
 * The documents of a registration, in French: the registration form (bulletin d'inscription) to
 * print, blank or filled in from a request; the joining instructions (convocation) with the QR code
 * that the welcome desk scans; and the day as an iCalendar file for the agent's calendar.
 *
 * <p>PDFs are laid out by the Thymeleaf templates {@code registration/pdf/*} (well-formed XHTML,
 * messages in {@code i18n/registration/documents}) and rendered by the document module. The blank
 * form is public and the same for everyone, so it is kept like the brochure is (for
 * {@code rencontres.public-pages.cache-ttl}, emptied on {@link DayChanged} and
 * {@link ProgrammeChanged}); the others carry personal data and are rendered on each request.
 */
@Service
class RegistrationDocuments {

    /** Side of the QR code's PNG, in pixels: whole pixels per module, sharp once printed at 40 mm. */
    private static final int QR_PIXELS = 400;

    private final PdfTemplates pdfs;
    private final MessageSource messages;
    private final Programmes programmes;
    private final Directory directory;
    private final TimeZoneRegistry timeZones = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final Cache<BlankForm, byte[]> blankForms;
    private final Questions questions;
    private final Days days;

    RegistrationDocuments(PdfTemplates pdfs, MessageSource messages, Programmes programmes, Directory directory,
                          Questions questions, Days days,
                          @Value("${rencontres.public-pages.cache-ttl:30s}") Duration cacheTtl) {
        this.questions = questions;
        this.days = days;
        this.pdfs = pdfs;
        this.messages = messages;
        this.programmes = programmes;
        this.directory = directory;
        this.blankForms = Caffeine.newBuilder().maximumSize(100).expireAfterWrite(cacheTtl).build();
    }

    /** The registration form to print, fill in by hand and have signed by the employer. */
    byte[] blankBulletin(Day day) {
        // The version in the key: an edit seen before the DayChanged event still gives a fresh form.
        // The questions in the key as well: they change without changing the day.
        List<Question> asked = questions.ofDay(day.id());
        return blankForms.get(new BlankForm(day.id(), day.version(), asked), key -> bulletinOf(day, null));
    }

    /** The same form filled in from a request, with its number and date. */
    byte[] bulletin(Day day, Registration registration) {
        requireOfDay(day, registration);
        return bulletinOf(day, Agent.of(registration, employer(registration)));
    }

    /**
     * The joining instructions of a registration.
     *
     * @param workshopTitles the agent's workshops, empty when there is none (yet)
     * @param qrPayload what the QR code holds, exactly: the caller builds (and signs) it
     */
    byte[] convocation(Day day, Registration registration, List<String> workshopTitles, String qrPayload) {
        requireOfDay(day, registration);
        if (qrPayload == null || qrPayload.isBlank()) {
            throw new IllegalArgumentException("A convocation needs the payload of its QR code");
        }
        Context context = context(day);
        context.setVariable("agent", Agent.of(registration, employer(registration)));
        context.setVariable("workshopTitles", workshopTitles == null ? List.of() : workshopTitles);
        context.setVariable("qrCode", QrCodes.dataUri(qrPayload, QR_PIXELS));
        return pdfs.render("registration/pdf/convocation", context);
    }

    /**
     * The session as an iCalendar file (RFC 5545) for this agent: one event per day of the session at
     * its venue, from that day's first slot of the programme to its last, with the agent as attendee.
     * A one-day session keeps its one event and UID as before; the days of a longer one share the
     * SUMMARY and a UID stem, each with the day's id (stable when another day moves or goes), as the
     * public calendar file of the session does.
     */
    byte[] ics(Day day, Registration registration) {
        return ics(day, registration, null);
    }

    /**
     * The same file after a change of the session's days: each event it held before that the change took away (a
     * day removed, or the one event of a one-day session that became longer) comes again as cancelled, so that the
     * agent's calendar drops it. SEQUENCE is the session's calendar sequence, raised by each change registrants are
     * told of, one more for a registration that ended (its file is a cancellation, sent after its convocation); a
     * cancelled session or an ended registration gives {@code METHOD:CANCEL}, every event {@code STATUS:CANCELLED}.
     *
     * @param before the session's days as the agent's calendar holds them, or null
     */
    byte[] ics(Day day, Registration registration, SessionDays before) {
        requireOfDay(day, registration);
        boolean cancelled = cancels(day, registration);
        int sequence = days.calendarSequence(day.id()) + (registration.state().isLive() ? 0 : 1);
        Calendar calendar = new Calendar()
                .withProdId("-//Rencontres//Inscriptions//FR")
                .withDefaults()
                .withProperty(new Method(cancelled ? Method.VALUE_CANCEL : Method.VALUE_PUBLISH))
                .withComponent(timeZones.getTimeZone(day.zone().getId()).getVTimeZone())
                .getFluentTarget();
        for (DayTimes times : times(day)) {
            VEvent event = event(day, registration, times, uid(day, day.days(), times.day(), registration), cancelled);
            event.add(new Sequence(sequence));
            calendar.add(event);
        }
        if (before != null) {
            Set<String> now = day.days().all().stream().map(d -> uid(day, day.days(), d, registration))
                    .collect(Collectors.toSet());
            for (SessionDay gone : before.all()) {
                String uid = uid(day, before, gone, registration);
                if (!now.contains(uid)) {
                    VEvent event = event(day, registration, new DayTimes(gone, gone.startsAt(), gone.endsAt()), uid, true);
                    event.add(new Sequence(sequence));
                    calendar.add(event);
                }
            }
        }
        return ContentLines.fold(calendar.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the agent's calendar file withdraws the session: it is cancelled, or the registration ended. */
    static boolean cancels(Day day, Registration registration) {
        return day.status() == DayStatus.CANCELLED || !registration.state().isLive();
    }

    private static String uid(Day day, SessionDays days, SessionDay sessionDay, Registration registration) {
        String stem = "inscription-" + registration.id() + "-" + day.sessionCode().slug();
        return (days.isSingle() ? stem : stem + "-jour-" + sessionDay.id()) + "@rencontres";
    }

    private VEvent event(Day day, Registration registration, DayTimes times, String uid, boolean cancelled) {
        VEvent event = new VEvent(times.start(day), times.end(day), day.fullTitle());
        event.add(new Uid(uid));
        StringBuilder description = new StringBuilder();
        if (!day.days().isSingle()) {
            description.append(text("documents.ics.day", day.days().index(times.day()), day.days().count(),
                    times.day().frenchDate(), FrenchTime.clock(times.startsAt()), FrenchTime.clock(times.endsAt())))
                    .append('\n');
        }
        description.append(text("documents.ics.code", day.sessionCode().value()));
        if (day.venue() != null) {
            for (String line : day.venue().accessLines()) {
                description.append('\n').append(line);
            }
        }
        event.add(new Description(description.toString()));
        if (day.venue() != null) {
            event.add(new Location(day.venue().name() + ", " + day.venue().addressLine()));
        }
        event.add(new Status(cancelled ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        contacts(day).stream().filter(c -> c.email() != null).findFirst().ifPresent(c -> {
            Organizer organizer = new Organizer(URI.create("mailto:" + c.email()));
            organizer.add(new Cn(c.name()));
            event.add(organizer);
        });
        Attendee attendee = new Attendee(URI.create("mailto:" + registration.email()));
        attendee.add(new Cn(registration.givenName() + " " + registration.surname()));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(registration.state() == RegistrationState.CONFIRMED ? PartStat.ACCEPTED : PartStat.NEEDS_ACTION);
        event.add(attendee);
        return event;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DayChanged change) {
        blankForms.invalidateAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ProgrammeChanged change) {
        blankForms.invalidateAll();
    }

    private byte[] bulletinOf(Day day, Agent agent) {
        Context context = context(day);
        context.setVariable("agent", agent);
        context.setVariable("questions", questions.ofDay(day.id()));
        context.setVariable("answers", agent == null ? Map.of() : questions.answersOf(agent.number()));
        return pdfs.render("registration/pdf/bulletin", context);
    }

    private Context context(Day day) {
        Context context = new Context(Locale.FRENCH);
        context.setVariable("day", day);
        context.setVariable("times", times(day));
        context.setVariable("datesOf", day.days().frenchOf());
        context.setVariable("contacts", contacts(day));
        return context;
    }

    /**
     * When the agent is expected and may leave, day by day: that day's first and last slots of the
     * programme, else the day's hours.
     */
    List<DayTimes> times(Day day) {
        List<Slot> slots = programmes.outline(day.id());
        List<DayTimes> times = new ArrayList<>();
        for (SessionDay sessionDay : day.days().all()) {
            List<Slot> ofDay = slots.stream().filter(s -> s.sessionDayId() == sessionDay.id()).toList();
            if (ofDay.isEmpty()) {
                times.add(new DayTimes(sessionDay, sessionDay.startsAt(), sessionDay.endsAt()));
            } else {
                times.add(new DayTimes(sessionDay,
                        ofDay.stream().map(Slot::startsAt).min(Comparator.naturalOrder()).orElseThrow(),
                        ofDay.stream().map(Slot::endsAt).max(Comparator.naturalOrder()).orElseThrow()));
            }
        }
        return List.copyOf(times);
    }

    /** Whom to write to about a registration: the day's registration contacts, else its other contacts. */
    private static List<Contact> contacts(Day day) {
        List<Contact> registration = day.registrationContacts();
        return registration.isEmpty() ? day.contacts() : registration;
    }

    private Optional<Organisation> employer(Registration registration) {
        return registration.employerOrganisationId() == null ? Optional.empty()
                : directory.organisation(registration.employerOrganisationId());
    }

    private static void requireOfDay(Day day, Registration registration) {
        if (registration.dayId() != day.id()) {
            throw new IllegalArgumentException("Registration " + registration.id() + " is not one of day " + day.id());
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.FRENCH);
    }

    private record BlankForm(long dayId, int dayVersion, List<Question> questions) {
    }

    /** When a day of the session begins and ends for the agent. */
    record DayTimes(SessionDay day, LocalTime startsAt, LocalTime endsAt) {

        ZonedDateTime start(Day session) {
            return day.date().atTime(startsAt).atZone(session.zone());
        }

        ZonedDateTime end(Day session) {
            return day.date().atTime(endsAt).atZone(session.zone());
        }

        /** "Mardi 16 mars 2027": the day as the first words of a line. */
        public String capitalisedDate() {
            String date = day.frenchDate();
            return Character.toUpperCase(date.charAt(0)) + date.substring(1);
        }
    }

    /**
     * What the documents print of a request: the agent, their employer (the directory's name and
     * address when the request names an organisation of it) and the request's number and date.
     */
    record Agent(long number, String requestedOn, String surname, String givenName, String email, String phone,
                 String positionService, String employerName, List<String> employerAddress, String lineManagerEmail,
                 String dietaryNeeds, String accessibilityNeeds) {

        static Agent of(Registration r, Optional<Organisation> employer) {
            String employerName = employer.map(Organisation::name).orElse(r.employerName());
            List<String> address = new ArrayList<>();
            employer.ifPresent(o -> {
                if (o.street() != null && !o.street().isBlank()) {
                    address.add(o.street());
                }
                String town = ((o.postcode() == null ? "" : o.postcode()) + " " + (o.city() == null ? "" : o.city())).strip();
                if (!town.isEmpty()) {
                    address.add(town);
                }
            });
            LocalDate requestedOn = r.createdAt() == null ? null : r.createdAt().atZone(FrenchTime.PARIS).toLocalDate();
            return new Agent(r.id(), requestedOn == null ? null : FrenchTime.longDate(requestedOn), r.surname(),
                    r.givenName(), r.email(), r.phone(), r.positionService(), employerName, List.copyOf(address),
                    r.lineManagerEmail(), r.dietaryNeeds(), r.accessibilityNeeds());
        }
    }
}
