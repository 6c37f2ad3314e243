package org.rencontres.dashboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.HalfDay;
import org.rencontres.attendance.HalfDays;
import org.rencontres.attendance.PresenceFigures;
import org.rencontres.attendance.SessionHalfDay;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.registration.RegistrationFigures;
import org.rencontres.registration.RegistrationState;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Computes a day's dashboard from the registration, directory and attendance APIs, every figure counted by the database (exports: {@link ParticipantList}). */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Dashboards {

    /** How many organisations the "by organisation" list shows. */
    static final int TOP = 10;

    private final RegistrationFigures figures;
    private final Directory directory;
    private final Attendances attendances;
    private final PresenceFigures presences;
    private final MessageSource messages;

    public DayDashboard of(long dayId, Locale locale) {
        // The session's rows read once for the counts by state and employer and the confirmed ids.
        RegistrationFigures.Session session = figures.session(dayId);
        Map<RegistrationState, Long> states = session.byState();
        List<RegistrationFigures.EmployerCount> employers = session.byEmployer();
        Map<Long, Organisation> known = directory.organisations(employers.stream()
                .map(RegistrationFigures.EmployerCount::organisationId).filter(Objects::nonNull).distinct().toList());
        Map<String, Long> organisations = new HashMap<>();
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (RegistrationFigures.EmployerCount e : employers) {
            Organisation o = e.organisationId() == null ? null : known.get(e.organisationId());
            organisations.merge(o == null ? e.typedName() : o.displayName(), e.count(), Long::sum);
            kinds.merge(o == null ? "dashboard.kind.OUTSIDE" : "dashboard.kind." + o.kind().name(), e.count(), Long::sum);
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
        RegistrationFigures.Funnel f = figures.funnel(dayId);
        long requested = f.requested();
        List<DayDashboard.Step> funnel = List.of(
                new DayDashboard.Step(text(locale, "dashboard.funnel.requested"), requested, DayDashboard.percent(requested, requested)),
                new DayDashboard.Step(text(locale, "dashboard.funnel.manager"), f.manager(), DayDashboard.percent(f.manager(), requested)),
                new DayDashboard.Step(text(locale, "dashboard.funnel.training"), f.training(), DayDashboard.percent(f.training(), requested)),
                new DayDashboard.Step(text(locale, "dashboard.funnel.organiser"), f.inPlace(), DayDashboard.percent(f.inPlace(), requested)),
                new DayDashboard.Step(text(locale, "dashboard.funnel.confirmed"), f.confirmedEver(), DayDashboard.percent(f.confirmedEver(), requested)));

        long[] confirmedIds = session.confirmedIds();
        int confirmed = confirmedIds.length;
        PresenceFigures.Figures presence = presences.of(dayId, confirmedIds);
        List<DayDashboard.Half> halves = new ArrayList<>();
        HalfDays halfDays = attendances.halfDays(dayId);
        boolean single = halfDays.days().isSingle();
        Map<Long, Map<HalfDay, DayDashboard.Half>> byDay = new LinkedHashMap<>();
        for (SessionHalfDay sessionHalf : halfDays.all()) {
            HalfDay half = sessionHalf.half();
            PresenceFigures.HalfCount count = presence.of(sessionHalf.sessionDayId(), half);
            String label = text(locale, "dashboard.half." + half.name());
            DayDashboard.Half h = new DayDashboard.Half(single ? label
                    : text(locale, "dashboard.half.ofDay", sessionHalf.day().frenchDate(), label), count.confirmedPresent(),
                    confirmed, DayDashboard.percent(count.confirmedPresent(), confirmed), count.walkIns());
            halves.add(h);
            byDay.computeIfAbsent(sessionHalf.sessionDayId(), id -> new EnumMap<>(HalfDay.class)).put(half, h);
        }
        List<DayDashboard.DayRow> days = single ? List.of() : halfDays.days().all().stream()
                .map(d -> new DayDashboard.DayRow(text(locale, "dashboard.day.label", halfDays.days().index(d), d.frenchDate()),
                        byDay.getOrDefault(d.id(), Map.of()).get(HalfDay.MORNING),
                        byDay.getOrDefault(d.id(), Map.of()).get(HalfDay.AFTERNOON)))
                .toList();
        return new DayDashboard((int) requested, byState, byOrganisation, byKind, funnel, halves, days,
                presence.walkIns(), confirmed - presence.confirmedSeen(), presence.confirmedSeen());
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
