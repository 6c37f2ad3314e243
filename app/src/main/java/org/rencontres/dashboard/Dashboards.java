package org.rencontres.dashboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.Attendee;
import org.rencontres.attendance.HalfDay;
import org.rencontres.attendance.HalfDays;
import org.rencontres.attendance.SessionHalfDay;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.Transition;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Computes a day's dashboard from the registration, directory and attendance APIs (exports: {@link ParticipantList}). */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Dashboards {

    /** How many organisations the "by organisation" list shows. */
    static final int TOP = 10;

    private final Registrations registrations;
    private final Directory directory;
    private final Attendances attendances;
    private final MessageSource messages;

    private record Employer(String name, String kindKey) {
    }

    private Employer employer(Registration r, Map<Long, Optional<Organisation>> cache) {
        if (r.employerOrganisationId() != null) {
            Optional<Organisation> o = cache.computeIfAbsent(r.employerOrganisationId(), directory::organisation);
            if (o.isPresent()) {
                return new Employer(o.get().displayName(), "dashboard.kind." + o.get().kind().name());
            }
        }
        String typed = r.employerName() == null || r.employerName().isBlank() ? "—" : r.employerName().strip();
        return new Employer(typed, "dashboard.kind.OUTSIDE");
    }

    public DayDashboard of(long dayId, Locale locale) {
        List<Registration> all = registrations.ofDay(dayId);
        Map<Long, Optional<Organisation>> cache = new HashMap<>();

        Map<RegistrationState, Long> states = new EnumMap<>(RegistrationState.class);
        Map<String, Long> organisations = new HashMap<>();
        Map<String, Long> kinds = new LinkedHashMap<>();
        long manager = 0, training = 0, inPlace = 0, confirmedEver = 0;
        for (Registration r : all) {
            states.merge(r.state(), 1L, Long::sum);
            Employer e = employer(r, cache);
            organisations.merge(e.name(), 1L, Long::sum);
            kinds.merge(e.kindKey(), 1L, Long::sum);
            List<Transition> history = registrations.history(r.id());
            if (history.stream().anyMatch(t -> t.to() == RegistrationState.AWAITING_TRAINING_SERVICE)) {
                manager++;
            }
            // A step the organiser decided in the approver's place is the organiser's, not the service's.
            if (history.stream().anyMatch(t -> t.from() == RegistrationState.AWAITING_TRAINING_SERVICE
                    && t.to() == RegistrationState.AWAITING_ORGANISER && !t.inPlace())) {
                training++;
            }
            if (history.stream().anyMatch(t -> t.inPlace() && t.to() != RegistrationState.REFUSED)) {
                inPlace++;
            }
            if (history.stream().anyMatch(t -> t.to() == RegistrationState.CONFIRMED)) {
                confirmedEver++;
            }
        }
        List<DayDashboard.Count> byState = states.entrySet().stream()
                .map(s -> new DayDashboard.Count(text(locale, "dashboard.state." + s.getKey().name()), s.getValue()))
                .toList();
        List<DayDashboard.Count> byOrganisation = organisations.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(o -> new DayDashboard.Count(o.getKey(), o.getValue())).toList();
        List<DayDashboard.Count> byKind = kinds.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(k -> new DayDashboard.Count(text(locale, k.getKey()), k.getValue())).toList();
        long requested = all.size();
        List<DayDashboard.Step> funnel = List.of(
                new DayDashboard.Step(text(locale, "dashboard.funnel.requested"), requested, DayDashboard.percent(requested, requested)),
                new DayDashboard.Step(text(locale, "dashboard.funnel.manager"), manager, DayDashboard.percent(manager, requested)),
                new DayDashboard.Step(text(locale, "dashboard.funnel.training"), training, DayDashboard.percent(training, requested)),
                new DayDashboard.Step(text(locale, "dashboard.funnel.organiser"), inPlace, DayDashboard.percent(inPlace, requested)),
                new DayDashboard.Step(text(locale, "dashboard.funnel.confirmed"), confirmedEver, DayDashboard.percent(confirmedEver, requested)));

        int confirmed = (int) all.stream().filter(r -> r.state() == RegistrationState.CONFIRMED).count();
        Set<Long> seen = new HashSet<>();
        Set<Long> walkIns = new HashSet<>();
        List<DayDashboard.Half> halves = new ArrayList<>();
        HalfDays halfDays = attendances.halfDays(dayId);
        boolean single = halfDays.days().isSingle();
        Map<Long, Map<HalfDay, DayDashboard.Half>> byDay = new LinkedHashMap<>();
        List<SessionHalfDay> shown = halfDays.all();
        for (SessionHalfDay sessionHalf : shown) {
            HalfDay half = sessionHalf.half();
            int present = 0, halfWalkIns = 0;
            for (Attendee a : attendances.attendees(dayId, sessionHalf.sessionDayId(), half)) {
                if (!a.present()) {
                    continue;
                }
                if (a.walkIn()) {
                    walkIns.add(a.walkInId());
                    halfWalkIns++;
                } else {
                    seen.add(a.registrationId());
                    if (a.confirmed()) {
                        present++;
                    }
                }
            }
            String label = text(locale, "dashboard.half." + half.name());
            DayDashboard.Half h = new DayDashboard.Half(single ? label
                    : text(locale, "dashboard.half.ofDay", sessionHalf.day().frenchDate(), label), present, confirmed,
                    DayDashboard.percent(present, confirmed), halfWalkIns);
            halves.add(h);
            byDay.computeIfAbsent(sessionHalf.sessionDayId(), id -> new EnumMap<>(HalfDay.class)).put(half, h);
        }
        List<DayDashboard.DayRow> days = single ? List.of() : halfDays.days().all().stream()
                .map(d -> new DayDashboard.DayRow(text(locale, "dashboard.day.label", halfDays.days().index(d), d.frenchDate()),
                        byDay.getOrDefault(d.id(), Map.of()).get(HalfDay.MORNING),
                        byDay.getOrDefault(d.id(), Map.of()).get(HalfDay.AFTERNOON)))
                .toList();
        int noShows = (int) all.stream()
                .filter(r -> r.state() == RegistrationState.CONFIRMED && !seen.contains(r.id())).count();
        return new DayDashboard(all.size(), byState, byOrganisation, byKind, funnel, halves, days, walkIns.size(), noShows);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
