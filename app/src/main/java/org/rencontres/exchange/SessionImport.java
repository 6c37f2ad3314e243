package org.rencontres.exchange;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.event.Contact;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.Partner;
import org.rencontres.event.Resource;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.SessionDays;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.PublicInformation;
import org.rencontres.event.Venue;
import org.rencontres.networking.NetworkingDraft;
import org.rencontres.networking.NetworkingSessions;
import org.rencontres.networking.RotationSetUp;
import org.rencontres.networking.RotationSetUps;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.programme.SlotPersonDraft;
import org.rencontres.programme.SlotRole;
import org.rencontres.security.Organiser;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.Phone;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.Workshops;
import org.rencontres.workshops.WritingTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a new draft session from a checked {@link SessionDocument}, in one transaction, through the
 * public APIs of the modules that own its parts; people and organisations are matched to the directory
 * ({@link DirectoryMatch}) and recorded when missing. Recorded in the new session's audit trail.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionImport {

    private final Days days;
    private final Programmes programmes;
    private final NetworkingSessions networking;
    private final RotationSetUps setUps;
    private final Workshops workshops;
    private final Directory directory;
    private final AuditTrail audit;
    private final PublicInformation publicInformation;

    /** What the import will create, for the organiser to confirm. */
    record Preview(String title, String code, List<String> days, int slots, int people, int newPeople,
                   int newOrganisations, int workshops, int rotations, int resources) implements Serializable {
    }

    /** What a confirmed import made. */
    record Imported(long dayId, String slug, int newPeople, int newOrganisations) {
    }

    @Transactional(readOnly = true)
    Preview preview(SessionDocument d) {
        DirectoryMatch match = new DirectoryMatch(directory, false);
        Counts counts = walk(d, match, null);
        List<String> dayLines = d.days().stream().map(day -> FrenchTime.longDate(LocalDate.parse(day.date())) + ", "
                + FrenchTime.clock(time(day.start())) + " – " + FrenchTime.clock(time(day.end()))).toList();
        return new Preview(fullTitle(d), d.code(), dayLines, counts.slots, match.people(), match.newPeople(),
                match.newOrganisations(), counts.workshops, counts.rotations, SessionDocument.orEmpty(d.resources()).size());
    }

    /**
     * Creates the session as a draft under the new code, for the organiser's unit when they are limited to one;
     * nothing when the code is taken.
     */
    @Transactional
    Optional<Imported> apply(SessionDocument d, SessionCode code, String fileName, Organiser by) {
        if (days.exists(code)) {
            return Optional.empty();
        }
        DirectoryMatch match = new DirectoryMatch(directory, true);
        String unit = by.organisingUnit() != null ? by.organisingUnit() : DocumentCheck.blankToNull(d.organisingUnit());
        List<Partner> partners = new ArrayList<>();
        for (SessionDocument.Partner p : SessionDocument.orEmpty(d.partners())) {
            partners.add(new Partner(match.organisation(p.organisation()), DocumentCheck.blankToNull(p.contribution())));
        }
        long dayId = days.create(new DayDraft(code, d.title().strip(), DocumentCheck.blankToNull(d.subtitle()),
                DocumentCheck.blankToNull(d.theme()), d.days().stream().map(day -> new SessionDayDraft(
                        LocalDate.parse(day.date()), time(day.start()), time(day.end()))).toList(),
                DocumentCheck.blankToNull(d.context()), DocumentCheck.blankToNull(d.audience()),
                DocumentCheck.blankToNull(d.registrationInstructions()), DocumentCheck.blankToNull(d.registrationUrl()),
                SessionDocument.yes(d.programmeProvisional()), match.organisation(d.organiser()), unit, venue(d.venue()),
                SessionDocument.orEmpty(d.contacts()).stream().map(c -> new Contact(Contact.Purpose.valueOf(c.purpose()),
                        c.name().strip(), DocumentCheck.blankToNull(c.role()), DocumentCheck.blankToNull(c.organisation()),
                        DocumentCheck.blankToNull(c.phone()), DocumentCheck.blankToNull(c.email()))).toList(),
                partners,
                SessionDocument.orEmpty(d.resources()).stream().map(r -> new Resource(Resource.Kind.valueOf(r.kind()),
                        r.title().strip(), DocumentCheck.blankToNull(r.description()), r.url().strip(), null,
                        r.visibility() == null ? Resource.Visibility.PUBLIC : Resource.Visibility.valueOf(r.visibility())))
                        .toList()));
        days.tag(dayId, SessionDocument.orEmpty(d.tags()).stream().map(String::strip).toList());
        if (d.publicInfo() != null) {
            publicInformation.save(dayId, publicInfo(d.publicInfo()));
        }
        Counts counts = walk(d, match, dayId);
        audit.record(dayId, by.accountId(), by.displayName(), "day", "imported", "Session importée d'un document ("
                + fileName + ", code d'origine " + d.code() + ") : " + counts.slots + " créneau(x), " + counts.workshops
                + " atelier(s), " + counts.rotations + " speed dating, " + match.people() + " personne(s) dont "
                + match.newPeople() + " ajoutée(s) à l'annuaire, " + match.newOrganisations()
                + " organisation(s) ajoutée(s) à l'annuaire.");
        return Optional.of(new Imported(dayId, code.slug(), match.newPeople(), match.newOrganisations()));
    }

    private static final class Counts {
        int slots;
        int workshops;
        int rotations;
    }

    /** Goes through the programme: counts it, and creates it when {@code dayId} is given. */
    private Counts walk(SessionDocument d, DirectoryMatch match, Long dayId) {
        Counts counts = new Counts();
        SessionDays made = dayId == null ? null : days.days(dayId).orElseThrow();
        for (SessionDocument.Day day : d.days()) {
            Long sessionDayId = made == null ? null : made.on(LocalDate.parse(day.date())).orElseThrow().id();
            for (SessionDocument.Slot s : day.slots()) {
                counts.slots++;
                List<SlotPersonDraft> people = new ArrayList<>();
                for (SessionDocument.SlotPerson p : SessionDocument.orEmpty(s.people())) {
                    people.add(new SlotPersonDraft(match.person(p.person()), SlotRole.valueOf(p.role()),
                            DocumentCheck.blankToNull(p.description()), match.organisation(p.organisation()),
                            p.representative()));
                }
                List<RotationSetUp.Table> tables = new ArrayList<>();
                if (s.networking() != null) {
                    counts.rotations++;
                    for (SessionDocument.Table t : SessionDocument.orEmpty(s.networking().tables())) {
                        Long host = t.host() == null ? null : match.person(t.host());
                        tables.add(new RotationSetUp.Table(t.name().strip(), DocumentCheck.blankToNull(t.place()),
                                t.capacity(), host, t.host() == null ? null
                                        : t.host().givenName().strip() + " " + t.host().familyName().strip(),
                                DocumentCheck.blankToNull(t.theme())));
                    }
                }
                counts.workshops += SessionDocument.orEmpty(s.workshops()).size();
                if (dayId != null) {
                    create(dayId, sessionDayId, s, people, tables);
                }
            }
        }
        return counts;
    }

    private void create(long dayId, long sessionDayId, SessionDocument.Slot s, List<SlotPersonDraft> people,
                        List<RotationSetUp.Table> tables) {
        long slotId = programmes.addSlot(dayId, new SlotDraft(sessionDayId, time(s.start()), time(s.end()), SlotKind.valueOf(s.kind()),
                DocumentCheck.blankToNull(s.format()), s.title().strip(), DocumentCheck.blankToNull(s.description()),
                DocumentCheck.blankToNull(s.track()), SessionDocument.yes(s.provisional()),
                SessionDocument.yes(s.topicsProvisional()),
                SessionDocument.orEmpty(s.topics()).stream().map(String::strip).toList(), people));
        SessionDocument.Networking n = s.networking();
        if (n != null) {
            long sessionId = networking.define(dayId, new NetworkingDraft(slotId, n.title().strip(),
                    DocumentCheck.blankToNull(n.description()), n.groupSize(), n.rotationMinMinutes(),
                    n.rotationMaxMinutes(), SessionDocument.yes(n.themesProvisional()),
                    SessionDocument.orEmpty(n.themes()).stream().map(String::strip).toList()));
            SessionDocument.Settings settings = n.settings();
            setUps.setUp(sessionId, settings == null
                    ? new RotationSetUp(n.rotationMaxMinutes(), 2, null, true, false, tables)
                    : new RotationSetUp(settings.rotationMinutes(), settings.changeoverMinutes(), settings.rounds(),
                            settings.tableOnce() == null || settings.tableOnce(),
                            SessionDocument.yes(settings.separateOrganisations()), tables));
        }
        for (SessionDocument.Workshop w : SessionDocument.orEmpty(s.workshops())) {
            long workshopId = workshops.add(dayId, new WorkshopDraft(slotId, w.number(), w.title().strip(),
                    DocumentCheck.blankToNull(w.description()),
                    w.writingTemplate() == null ? null : WritingTemplate.valueOf(w.writingTemplate()), w.capacity(),
                    w.room()));
            for (SessionDocument.Facilitator f : SessionDocument.orEmpty(w.facilitators())) {
                workshops.addFacilitator(workshopId, f.name(), f.email());
            }
        }
    }

    /** The public information of a checked document ({@link DocumentCheck} has tried its e-mail and phone). */
    private static PublicInfo publicInfo(SessionDocument.PublicInfo i) {
        SessionDocument.DisabilityContact c = i.disabilityContact();
        return new PublicInfo(DocumentCheck.blankToNull(i.objectives()), DocumentCheck.blankToNull(i.prerequisites()),
                DocumentCheck.blankToNull(i.methods()), DocumentCheck.blankToNull(i.evaluation()),
                i.hours() == null ? null : i.hours().setScale(2, RoundingMode.HALF_UP),
                i.price() == null ? null : i.price().setScale(2, RoundingMode.HALF_UP), SessionDocument.yes(i.free()),
                DocumentCheck.blankToNull(i.priceNote()), DocumentCheck.blankToNull(i.accessibility()),
                c == null ? null : DocumentCheck.blankToNull(c.name()),
                c == null ? null : EmailAddress.parse(c.email()).orElse(null),
                c == null ? null : Phone.parse(c.phone()).orElse(null));
    }

    private static Venue venue(SessionDocument.Venue v) {
        return v == null ? null : new Venue(v.name().strip(), DocumentCheck.blankToNull(v.building()), v.street().strip(),
                v.postcode(), v.city().strip(), DocumentCheck.blankToNull(v.postalAddress()), scale(v.latitude()),
                scale(v.longitude()), DocumentCheck.blankToNull(v.accessNotes()));
    }

    private static BigDecimal scale(BigDecimal coordinate) {
        return coordinate == null ? null : coordinate.setScale(6, java.math.RoundingMode.HALF_EVEN);
    }

    /** The time of day in the session's zone ({@link DocumentCheck} made sure it falls on its day). */
    static LocalTime time(String iso) {
        return OffsetDateTime.parse(iso).atZoneSameInstant(DocumentCheck.SESSION_ZONE).toLocalTime();
    }

    static String fullTitle(SessionDocument d) {
        return d.subtitle() == null || d.subtitle().isBlank() ? d.title() : d.title() + " " + d.subtitle();
    }
}
