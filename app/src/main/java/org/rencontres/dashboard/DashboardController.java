package org.rencontres.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.registration.needs.AccessibilityNeeds;
import org.rencontres.registration.needs.NeedCounts;
import org.rencontres.survey.SurveySummaries;
import org.rencontres.workshops.Workshops;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The day's dashboard page; its exports are {@link ParticipantListController}'s. */
@Controller
@RequestMapping("/admin/journees/{slug}/tableau-de-bord")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DashboardController {

    private final Dashboards dashboards;
    private final MessageSource messages;
    private final SurveySummaries surveys;
    private final Workshops workshops;
    private final AccessibilityNeeds needs;

    @GetMapping
    String page(ManagedDay day, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        DayDashboard d = dashboards.of(day.id(), locale);
        model.addAttribute("day", day);
        model.addAttribute("d", d);
        model.addAttribute("workshops", workshops.ofDay(day.id()));
        model.addAttribute("stateChart", BarChart.of("graphique-etats", text("dashboard.state.heading"),
                d.byState().stream().map(c -> BarChart.bar(c.label(), c.count())).toList()));
        model.addAttribute("organisationChart", BarChart.of("graphique-organisations", text("dashboard.organisation.heading"),
                d.byOrganisation().stream().map(c -> BarChart.bar(c.label(), c.count())).toList()));
        model.addAttribute("kindChart", BarChart.of("graphique-types", text("dashboard.kind.heading"),
                d.byKind().stream().map(c -> BarChart.bar(c.label(), c.count())).toList()));
        // The survey's hot questionnaire and loop at once, with the presences the dashboard counted already.
        SurveySummaries.Overview overview = surveys.overview(day.id(), d.confirmedSeen());
        SurveySummaries.DaySummary survey = overview.hot();
        model.addAttribute("survey", survey);
        List<BarChart> surveyCharts = new ArrayList<>();
        for (int i = 0; i < survey.questions().size(); i++) {
            SurveySummaries.Summary q = survey.questions().get(i);
            surveyCharts.add(BarChart.of("graphique-avis-" + (i + 1), q.question(), q.counts().entrySet().stream()
                    .map(e -> BarChart.bar(e.getKey(), e.getValue())).toList()));
        }
        model.addAttribute("surveyCharts", surveyCharts);
        model.addAttribute("loop", overview.loop());
        model.addAttribute("funnelChart", BarChart.of("graphique-parcours", text("dashboard.funnel.heading"),
                d.funnel().stream().map(s -> BarChart.bar(s.label(), s.count())).toList()));
        model.addAttribute("attendanceChart", BarChart.of("graphique-presences", text("dashboard.attendance.heading"),
                d.halves().stream().map(h -> BarChart.bar(h.label(), h.present())).toList()));
        // Accessibility needs counted, never named (health data: the names are on the accessibility page only).
        NeedCounts n = needs.counts(day.id());
        model.addAttribute("needs", n);
        List<DayDashboard.Count> needKinds = n.byKind().entrySet().stream()
                .map(e -> new DayDashboard.Count(text(e.getKey().messageKey()), e.getValue())).toList();
        List<DayDashboard.Count> needStates = n.byState().entrySet().stream()
                .map(e -> new DayDashboard.Count(text(e.getKey().messageKey()), e.getValue())).toList();
        model.addAttribute("needKinds", needKinds);
        model.addAttribute("needStates", needStates);
        model.addAttribute("needKindChart", BarChart.of("graphique-besoins-types", text("dashboard.needs.kind.heading"),
                needKinds.stream().map(c -> BarChart.bar(c.label(), c.count())).toList()));
        model.addAttribute("needStateChart", BarChart.of("graphique-besoins-etats", text("dashboard.needs.state.heading"),
                needStates.stream().map(c -> BarChart.bar(c.label(), c.count())).toList()));
        return "dashboard/page";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

}
