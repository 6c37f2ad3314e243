package org.rencontres.attendance;

import static org.rencontres.attendance.Attendances.HOUR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.registration.needs.AccessibilityNeeds;
import org.rencontres.event.SessionDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.shared.Paging;
import org.rencontres.workshops.Workshops;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The attendance of a day per half-day (present and absent people, walk-ins flagged), the
 * corrections an organiser makes with a reason (a page of its own, which is also the confirmation),
 * the afternoon boundary and the signatures kept.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/presences")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AttendanceListController {

    private final Attendances attendances;
    private final MessageSource messages;
    private final Workshops workshops;
    private final AccessibilityNeeds needs;
    private final AttendanceList list;

    @GetMapping
    String list(ManagedDay day,
                @RequestParam(name = "jour", required = false) String jour,
                @RequestParam(name = "q", required = false) String q,
                @RequestParam(name = "presence", required = false) String presence,
                @RequestParam(name = "page", required = false) String page, Model model) {
        SessionDay sessionDay = WelcomeDeskController.sessionDay(day, jour, attendances);
        HalfDays halfDays = attendances.halfDays(day.id());
        return listPage(day, sessionDay, filter(day, sessionDay, q, presence), page,
                halfDays.afternoonStarts().format(HOUR), FormErrors.none(), model);
    }

    /** The list's filters; the day travels in the address only for a session of several days. */
    private static AttendanceList.Filter filter(ManagedDay day, SessionDay sessionDay, String q, String presence) {
        return AttendanceList.Filter.of(day.days().isSingle() ? null : sessionDay.date().toString(), q, presence);
    }

    private String listPage(ManagedDay day, SessionDay sessionDay, AttendanceList.Filter filter, String page,
                            String apresMidi, FormErrors errors, Model model) {
        HalfDays halfDays = attendances.halfDays(day.id());
        List<SessionHalfDay> halves = halfDays.of(sessionDay);
        boolean morning = halves.stream().anyMatch(h -> h.half() == HalfDay.MORNING);
        boolean afternoon = halves.stream().anyMatch(h -> h.half() == HalfDay.AFTERNOON);
        AttendanceList.Page found = list.page(day.id(), sessionDay.id(), morning, afternoon, filter, page, basePath(day));
        model.addAttribute("day", day);
        model.addAttribute("workshops", workshops.ofDay(day.id()));
        model.addAttribute("sessionDay", sessionDay);
        model.addAttribute("halves", halves);
        model.addAttribute("hasMorning", morning);
        model.addAttribute("hasAfternoon", afternoon);
        model.addAttribute("halfDays", halfDays);
        model.addAttribute("filter", filter);
        model.addAttribute("presences", AttendanceList.Presence.values());
        model.addAttribute("lines", found.lines());
        model.addAttribute("counts", found.counts());
        model.addAttribute("paging", found.paging());
        // What the list's forms and row links carry, so that an act returns to the same page and filters.
        Map<String, String> carried = carried(filter, found.paging().number());
        model.addAttribute("carried", carried);
        model.addAttribute("corrections", new Corrections(basePath(day) + "/correction", filter.jour(), carried));
        model.addAttribute("apresMidi", apresMidi);
        model.addAttribute("arrangements", needs.arrangements(day.id()));
        model.addAttribute("errors", errors);
        return "attendance/list";
    }

    @PostMapping("/apres-midi")
    String afternoon(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                     @RequestParam(name = "jour", required = false) String jour,
                     @RequestParam(name = "apresMidi", required = false) String apresMidi,
                     @RequestParam(name = "q", required = false) String q,
                     @RequestParam(name = "presence", required = false) String presence,
                     @RequestParam(name = "page", required = false) String page, Model model,
                     Locale locale, RedirectAttributes redirect) {
        SessionDay sessionDay = WelcomeDeskController.sessionDay(day, jour, attendances);
        AttendanceList.Filter filter = filter(day, sessionDay, q, presence);
        List<FieldProblem> problems = attendances.setAfternoonStart(day.id(), apresMidi, organiser);
        if (!problems.isEmpty()) {
            return listPage(day, sessionDay, filter, page, apresMidi == null ? "" : apresMidi, errors(problems, locale),
                    model);
        }
        redirect.addFlashAttribute("notice", text(locale, "attendance.afternoon.saved",
                attendances.halfDays(day.id()).afternoonStarts().format(HOUR)));
        return "redirect:" + listPath(day, filter, page);
    }

    @GetMapping("/correction")
    String correctionPage(ManagedDay day,
                          @RequestParam(name = "jour", required = false) String jour,
                          @RequestParam(name = "demi", required = false) String demi,
                          @RequestParam(name = "personne", required = false) String personne,
                          @RequestParam(name = "etat", required = false) String etat,
                          @RequestParam(name = "q", required = false) String q,
                          @RequestParam(name = "presence", required = false) String presence,
                          @RequestParam(name = "page", required = false) String page, Model model) {
        SessionHalfDay half = exact(day, jour, demi);
        Attendee person = person(day, half, personne);
        return correction(day, half, person, "present".equals(etat), "", filter(day, half.day(), q, presence), page,
                FormErrors.none(), model);
    }

    @PostMapping("/correction")
    String correct(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                   @RequestParam(name = "jour", required = false) String jour,
                   @RequestParam(name = "demi", required = false) String demi,
                   @RequestParam(name = "personne", required = false) String personne,
                   @RequestParam(name = "etat", required = false) String etat,
                   @RequestParam(name = "motif", required = false) String motif,
                   @RequestParam(name = "q", required = false) String q,
                   @RequestParam(name = "presence", required = false) String presence,
                   @RequestParam(name = "page", required = false) String page, Model model,
                   Locale locale, RedirectAttributes redirect) {
        SessionHalfDay half = exact(day, jour, demi);
        AttendanceList.Filter filter = filter(day, half.day(), q, presence);
        Attendee person = person(day, half, personne);
        boolean present = "present".equals(etat);
        Attendances.Correction result = attendances.correct(day.id(), half.sessionDayId(), half.half(), person.ref(),
                present, motif, organiser);
        String refused = switch (result) {
            case REASON_REQUIRED -> "attendance.correction.error.reason";
            case REASON_TOO_LONG -> "attendance.correction.error.long";
            default -> null;
        };
        if (refused != null) {
            return correction(day, half, person, present, motif == null ? "" : motif, filter, page,
                    errors(List.of(FieldProblem.of("motif", refused)), locale), model);
        }
        switch (result) {
            case NO_SUCH_PERSON -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case UNCHANGED -> redirect.addFlashAttribute("notice", text(locale, present
                    ? "attendance.correction.unchanged.present" : "attendance.correction.unchanged.absent", person.name()));
            default -> redirect.addFlashAttribute("notice", text(locale, present
                    ? "attendance.correction.done.present" : "attendance.correction.done.absent", person.name()));
        }
        return "redirect:" + listPath(day, filter, page);
    }

    /** The half-day a correction is about: it must be one of that day's, else not found. */
    private SessionHalfDay exact(ManagedDay day, String jour, String demi) {
        SessionDay sessionDay = WelcomeDeskController.sessionDay(day, jour, attendances);
        return HalfDay.ofSlug(demi).flatMap(h -> attendances.halfDays(day.id()).find(sessionDay.id(), h))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/{id}/signature.png")
    ResponseEntity<byte[]> signature(ManagedDay day,
                                     @PathVariable long id) {
        byte[] png = attendances.signature(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    private String correction(ManagedDay day, SessionHalfDay half, Attendee person, boolean present, String motif,
                              AttendanceList.Filter filter, String page, FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("backUrl", listPath(day, filter, page));
        model.addAttribute("carried", carried(filter, Paging.parse(page)));
        model.addAttribute("half", half.half());
        model.addAttribute("sessionDay", half.day());
        model.addAttribute("person", person);
        model.addAttribute("present", present);
        model.addAttribute("motif", motif);
        model.addAttribute("errors", errors);
        return "attendance/correction";
    }

    private Attendee person(ManagedDay day, SessionHalfDay half, String ref) {
        return attendances.everyone(day.id(), half.sessionDayId(), half.half()).stream().filter(a -> a.ref().equals(ref))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String basePath(ManagedDay day) {
        return "/admin/journees/" + day.slug() + "/presences";
    }

    /**
     * The list with these filters at that page, as typed (a page past the last, once a person has moved out of the
     * filter, is answered with the last): where every act on the list returns.
     */
    static String listPath(ManagedDay day, AttendanceList.Filter filter, String page) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("jour", filter.jour() == null ? "" : filter.jour());
        p.putAll(carried(filter, Paging.parse(page)));
        return Paging.address(basePath(day), p);
    }

    /** The addresses of the rows' corrections, each with the list's day, filters and page to come back to. */
    record Corrections(String path, String jour, Map<String, String> carried) {

        /** The correction of that person's presence that half-day ({@code demi}: "matin", "apres-midi"). */
        public String href(Attendee p, String demi) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("jour", jour == null ? "" : jour);
            q.put("demi", demi);
            q.put("personne", p.ref());
            q.put("etat", p.present() ? "absent" : "present");
            q.putAll(carried);
            return Paging.address(path, q);
        }
    }

    /**
     * The list's search, presence and page (when not the first), as hidden fields of the forms of the list and of a
     * row's correction and as parameters of the row's links; the day travels on its own ({@code jour}).
     */
    static Map<String, String> carried(AttendanceList.Filter filter, long page) {
        Map<String, String> p = new LinkedHashMap<>(filter.params());
        p.remove("jour");
        p.values().removeIf(String::isEmpty);
        if (page > 1) {
            p.put(Paging.PARAMETER, String.valueOf(page));
        }
        return p;
    }

    private FormErrors errors(List<FieldProblem> problems, Locale locale) {
        return FormErrors.of(problems, messages, locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
