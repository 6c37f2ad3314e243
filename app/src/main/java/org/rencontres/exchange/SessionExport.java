package org.rencontres.exchange;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.Person;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.PublicInformation;
import org.rencontres.event.SessionDay;
import org.rencontres.networking.NetworkingSession;
import org.rencontres.networking.NetworkingSessions;
import org.rencontres.networking.RotationSetUp;
import org.rencontres.networking.RotationSetUps;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.programme.SlotPerson;
import org.rencontres.shared.PublicAddress;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes a session as a {@link SessionDocument}, read through the public APIs of the modules that own its parts. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionExport {

    private final Days days;
    private final Programmes programmes;
    private final NetworkingSessions networking;
    private final RotationSetUps setUps;
    private final Workshops workshops;
    private final Directory directory;
    private final PublicAddress address;
    private final PublicInformation publicInformation;

    /** The whole session, read in one transaction so that its parts agree. */
    @Transactional(readOnly = true)
    SessionDocument export(long dayId) {
        Day day = days.find(dayId).orElseThrow(() -> new IllegalArgumentException("No day " + dayId));
        List<Slot> slots = programmes.programmeOf(dayId).slots();
        Map<Long, NetworkingSession> rotations = networking.ofDay(dayId).stream()
                .collect(Collectors.toMap(NetworkingSession::slotId, s -> s));
        Map<Long, List<Workshop>> workshopsBySlot = workshops.ofDay(dayId).stream()
                .collect(Collectors.groupingBy(Workshop::slotId));
        Map<Long, RotationSetUp> setUpsBySlot = rotations.values().stream()
                .collect(Collectors.toMap(NetworkingSession::slotId, setUps::of));

        Set<Long> personIds = new HashSet<>();
        slots.forEach(s -> s.people().forEach(p -> personIds.add(p.personId())));
        setUpsBySlot.values().forEach(u -> u.tables().stream().map(RotationSetUp.Table::hostPersonId)
                .filter(Objects::nonNull).forEach(personIds::add));
        Map<Long, Person> people = directory.people(personIds);
        Set<Long> organisationIds = day.organisationIds();
        people.values().stream().map(Person::organisationId).filter(Objects::nonNull).forEach(organisationIds::add);
        Map<Long, Organisation> organisations = directory.organisations(organisationIds);
        Map<String, Organisation> organisationsByName = new java.util.HashMap<>();
        directory.organisationsByName().forEach(o -> organisationsByName.putIfAbsent(o.name(), o));
        Names names = new Names(people, organisations, organisationsByName);

        ZoneId zone = day.zone();
        List<SessionDocument.Day> dayDocs = new ArrayList<>();
        for (SessionDay sessionDay : day.days().all()) {
            List<SessionDocument.Slot> slotDocs = new ArrayList<>();
            for (Slot s : slots) {
                if (s.sessionDayId() == sessionDay.id()) {
                    slotDocs.add(slot(sessionDay.date(), zone, s, names, rotations.get(s.id()),
                            setUpsBySlot.get(s.id()), workshopsBySlot.getOrDefault(s.id(), List.of())));
                }
            }
            dayDocs.add(new SessionDocument.Day(sessionDay.date().toString(),
                    iso(sessionDay.date(), sessionDay.startsAt(), zone), iso(sessionDay.date(), sessionDay.endsAt(), zone),
                    slotDocs));
        }

        return new SessionDocument(SessionDocument.FORMAT, day.sessionCode().value(), day.title(), day.subtitle(),
                day.theme(), days.tags(dayId), zone.getId(),
                day.context().isEmpty() ? null : day.context().source(), day.audience(),
                day.registrationInstructions(), day.registrationUrl(), day.programmeProvisional(),
                day.organiserId() == null ? null : names.organisation(day.organiserId()), day.organisingUnit(),
                venue(day.venue()),
                day.contacts().stream().map(c -> new SessionDocument.Contact(c.purpose().name(), c.name(), c.role(),
                        c.organisation(), c.phone(), c.email())).toList(),
                day.partners().stream().map(p -> new SessionDocument.Partner(names.organisation(p.organisationId()),
                        p.contribution())).toList(),
                day.resources().stream().map(r -> new SessionDocument.Resource(r.kind().name(), r.title(),
                        r.description(), r.storedFile() == null ? r.url()
                                : address.of("/journees/" + day.sessionCode().slug() + "/ressources/" + r.storedFile()),
                        r.visibility().name())).toList(),
                dayDocs, publicInfo(publicInformation.stored(dayId)));
    }

    private static SessionDocument.PublicInfo publicInfo(PublicInfo i) {
        if (i.isEmpty()) {
            return null;
        }
        return new SessionDocument.PublicInfo(i.objectives(), i.prerequisites(), i.methods(), i.evaluation(),
                i.hours() == null ? null : i.hours().stripTrailingZeros(),
                i.priceEuros() == null ? null : i.priceEuros().stripTrailingZeros(), i.free() ? true : null,
                i.priceNote(), i.accessibility(), i.hasDisabilityContact() ? new SessionDocument.DisabilityContact(
                        i.disabilityName(), i.disabilityEmail() == null ? null : i.disabilityEmail().value(),
                        i.disabilityPhone() == null ? null : i.disabilityPhone().value()) : null);
    }

    private SessionDocument.Slot slot(LocalDate date, ZoneId zone, Slot s, Names names, NetworkingSession rotation,
                                      RotationSetUp setUp, List<Workshop> held) {
        List<SessionDocument.SlotPerson> people = s.people().stream().map(p -> slotPerson(p, names)).toList();
        SessionDocument.Networking networkingDoc = rotation == null ? null : new SessionDocument.Networking(
                rotation.title(), rotation.description(), rotation.groupSize(), rotation.rotationMinMinutes(),
                rotation.rotationMaxMinutes(), trueOrNull(rotation.themesProvisional()), rotation.themes(),
                new SessionDocument.Settings(setUp.rotationMinutes(), setUp.changeoverMinutes(), setUp.roundsChosen(),
                        setUp.tableOnce(), setUp.separateOrganisations()),
                setUp.tables().stream().map(t -> new SessionDocument.Table(t.name(), t.place(), t.capacity(),
                        t.hostPersonId() == null ? null : names.person(t.hostPersonId()), t.theme())).toList());
        List<SessionDocument.Workshop> workshopDocs = held.stream().map(w -> new SessionDocument.Workshop(w.number(),
                w.title(), w.description(), w.writingTemplate() == null ? null : w.writingTemplate().name(),
                w.capacity(), w.room(), workshops.facilitatorsOf(w.id()).stream()
                        .map(f -> new SessionDocument.Facilitator(f.name(), f.email())).toList())).toList();
        return new SessionDocument.Slot(iso(date, s.startsAt(), zone), iso(date, s.endsAt(), zone), s.kind().name(),
                s.formatLabel(), s.title(), s.description(), s.track(), trueOrNull(s.provisional()),
                trueOrNull(s.topicsProvisional()), s.topics(), people, networkingDoc, workshopDocs);
    }

    private static SessionDocument.SlotPerson slotPerson(SlotPerson p, Names names) {
        return new SessionDocument.SlotPerson(p.role().name(), names.person(p.personId()), p.description(),
                p.organisation() == null ? null : names.organisationNamed(p.organisation()), p.representative());
    }

    private static SessionDocument.Venue venue(org.rencontres.event.Venue v) {
        return v == null ? null : new SessionDocument.Venue(v.name(), v.building(), v.street(), v.postcode(), v.city(),
                v.postalAddress(), v.latitude(), v.longitude(), v.accessNotes());
    }

    /** "2020-06-25T09:30:00+02:00": the offset of that moment in the session's zone. */
    static String iso(LocalDate date, LocalTime time, ZoneId zone) {
        return date.atTime(time).atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static Boolean trueOrNull(boolean b) {
        return b ? Boolean.TRUE : null;
    }

    /** People and organisations as the document names them. */
    private record Names(Map<Long, Person> people, Map<Long, Organisation> organisations,
                         Map<String, Organisation> organisationsByName) {

        SessionDocument.Person person(long id) {
            Person p = people.get(id);
            if (p == null) {
                return null;
            }
            return new SessionDocument.Person(p.givenName(), p.familyName(), p.email(), p.jobTitle(),
                    p.organisationId() == null ? null : organisation(p.organisationId()));
        }

        SessionDocument.Organisation organisation(long id) {
            Organisation o = organisations.get(id);
            return o == null ? null : organisation(o);
        }

        /** A slot's organisation comes by name from the programme: its directory entry when there is one. */
        SessionDocument.Organisation organisationNamed(String name) {
            Organisation o = organisationsByName.get(name);
            return o == null ? new SessionDocument.Organisation(name, null, null, null) : organisation(o);
        }

        private static SessionDocument.Organisation organisation(Organisation o) {
            return new SessionDocument.Organisation(o.name(), o.shortName(), o.kind().name(), o.siren());
        }
    }
}
