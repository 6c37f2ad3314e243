package org.rencontres.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.event.Day;
import org.rencontres.event.DayCatalogue;
import org.rencontres.event.DaySummary;
import org.rencontres.event.Days;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.PublicInformation;
import org.rencontres.event.SessionDay;
import org.rencontres.networking.NetworkingSessions;
import org.rencontres.programme.Slot;
import org.rencontres.programme.Programmes;
import org.rencontres.shared.PublicAddress;
import org.rencontres.workshops.Facilitator;
import org.rencontres.workshops.Workshops;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public API's two readings, from the public APIs the public page reads too (event, programme, networking,
 * workshops, directory): a page of the catalogue, and a published session whole. Links are written from
 * {@link PublicAddress}, never from the request's Host header, so that a cached answer names the real site.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicSessions {

    private final DayCatalogue catalogue;
    private final Days days;
    private final Programmes programmes;
    private final NetworkingSessions networking;
    private final Workshops workshops;
    private final Directory directory;
    private final PublicInformation publicInformation;
    private final PublicAddress address;

    /** One page of published sessions (drafts never), with the catalogue's filters and order. */
    PublicSessionList list(LocalDate today, DayCatalogue.CatalogueQuery query, int size) {
        DayCatalogue.Catalogue found = catalogue.catalogue(today, query, size);
        List<PublicSessionList.Summary> items = java.util.stream.Stream.concat(found.upcoming().stream(),
                found.past().stream()).map(this::summary).toList();
        return new PublicSessionList(items, found.page(), size, found.pages(), found.total());
    }

    /** A published (or cancelled, or archived) session by its code or slug; never a draft. */
    @Transactional(readOnly = true)
    Optional<PublicSession> find(String code) {
        return days.findPublic(code).map(this::session);
    }

    private PublicSessionList.Summary summary(DaySummary d) {
        return new PublicSessionList.Summary(d.sessionCode(), d.slug(), d.title(), d.subtitle(), d.theme(),
                d.status().name(), d.days().firstDate(), d.days().lastDate(), d.city(),
                address.of(PublicApiController.SESSIONS + "/" + d.slug()), address.of("/journees/" + d.slug()));
    }

    private PublicSession session(Day day) {
        ZoneId zone = day.zone();
        String slug = day.sessionCode().slug();
        Map<Long, Organisation> organisations = directory.organisations(day.organisationIds());
        Organisation organiser = day.organiserId() == null ? null : organisations.get(day.organiserId());

        List<Slot> slots = programmes.programmeOf(day.id()).slots();
        Map<Long, Slot> slotsById = slots.stream().collect(Collectors.toMap(Slot::id, Function.identity()));
        Map<Long, SessionDay> sessionDays = day.days().all().stream()
                .collect(Collectors.toMap(SessionDay::id, Function.identity()));
        Function<Long, OffsetDateTime[]> times = slotId -> {
            Slot slot = slotsById.get(slotId);
            LocalDate date = sessionDays.get(slot.sessionDayId()).date();
            return new OffsetDateTime[] {at(date, slot.startsAt(), zone), at(date, slot.endsAt(), zone)};
        };

        List<PublicSession.Slot> programme = slots.stream()
                .sorted(java.util.Comparator.comparing((Slot s) -> sessionDays.get(s.sessionDayId()).date())
                        .thenComparing(Slot::startsAt).thenComparingInt(Slot::position))
                .map(s -> new PublicSession.Slot(times.apply(s.id())[0], times.apply(s.id())[1], s.kind().name(),
                        s.formatLabel(), s.title(), s.description(), s.track(), s.provisional(), s.topicsProvisional(),
                        s.topics(), s.people().stream().map(p -> new PublicSession.SlotPerson(
                                (p.givenName() + " " + p.familyName()).strip(), p.role().name(), p.description(),
                                p.organisation(), p.representative())).toList()))
                .toList();
        List<PublicSession.Networking> rotations = networking.ofDay(day.id()).stream()
                .filter(n -> slotsById.containsKey(n.slotId()))
                .map(n -> new PublicSession.Networking(times.apply(n.slotId())[0], times.apply(n.slotId())[1],
                        n.title(), n.description(), n.groupSize(), n.rotationMinMinutes(), n.rotationMaxMinutes(),
                        n.themesProvisional(), n.themes()))
                .toList();
        List<PublicSession.Workshop> parallel = workshops.ofDay(day.id()).stream()
                .filter(w -> slotsById.containsKey(w.slotId()))
                .map(w -> new PublicSession.Workshop(times.apply(w.slotId())[0], times.apply(w.slotId())[1],
                        w.number(), w.title(), w.description(), w.capacity(), w.room(),
                        workshops.facilitatorsOf(w.id()).stream().map(Facilitator::name).toList()))
                .toList();
        String pageUrl = address.of("/journees/" + slug);
        return new PublicSession(day.sessionCode().value(), slug, day.title(), day.subtitle(), day.theme(),
                day.status().name(), day.cancellationMessage(), zone.getId(),
                day.days().all().stream().map(d -> new PublicSession.Day(d.date(), at(d.date(), d.startsAt(), zone),
                        at(d.date(), d.endsAt(), zone))).toList(),
                day.context() == null || day.context().isEmpty() ? null : day.context().source(),
                day.audience(), day.registrationInstructions(), day.registrationUrl(), day.programmeProvisional(),
                organiser == null ? null : new PublicSession.Organisation(organiser.name(), organiser.website()),
                day.organisingUnit(),
                day.partners().stream().map(p -> {
                    Organisation o = organisations.get(p.organisationId());
                    return new PublicSession.Partner(o.name(), p.contribution(), o.website());
                }).toList(),
                day.venue() == null ? null : venue(day.venue()),
                day.contacts().stream().map(c -> new PublicSession.Contact(c.purpose().name(), c.name(), c.role(),
                        c.organisation(), c.phone(), c.email())).toList(),
                publicInformation.of(day.id(), day.days()).filter(i -> !i.isEmpty()).map(PublicSessions::info)
                        .orElse(null),
                programme, rotations, parallel,
                day.resources().stream().filter(r -> !r.isReserved())
                        .map(r -> new PublicSession.Resource(r.kind().name(), r.title(), r.description(),
                                r.url() != null ? r.url() : pageUrl + "/ressources/" + r.storedFile()))
                        .toList(),
                pageUrl, pageUrl + "/agenda.ics");
    }

    private static PublicSession.Venue venue(org.rencontres.event.Venue v) {
        return new PublicSession.Venue(v.name(), v.building(), v.street(), v.postcode(), v.city(), v.postalAddress(),
                v.latitude(), v.longitude(), v.accessLines());
    }

    private static PublicSession.PublicInfo info(PublicInfo i) {
        return new PublicSession.PublicInfo(i.objectives(), i.prerequisites(), i.methods(), i.evaluation(),
                i.hours(), i.priceEuros(), i.free(), i.priceNote(), i.accessibility(),
                i.hasDisabilityContact() ? new PublicSession.DisabilityContact(i.disabilityName(),
                        i.disabilityEmail() == null ? null : i.disabilityEmail().toString(),
                        i.disabilityPhone() == null ? null : i.disabilityPhone().toString()) : null);
    }

    private static OffsetDateTime at(LocalDate date, LocalTime time, ZoneId zone) {
        return date.atTime(time).atZone(zone).toOffsetDateTime();
    }
}
