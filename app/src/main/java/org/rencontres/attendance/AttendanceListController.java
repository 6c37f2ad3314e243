package org.rencontres.attendance;

import static org.rencontres.attendance.Attendances.HOUR;

import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.registration.needs.AccessibilityNeeds;
import org.rencontres.event.SessionDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
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

    @GetMapping
    String list(ManagedDay day,
                @RequestParam(name = "jour", required = false) String jour,
                @RequestParam(name = "demi", required = false) String demi, Model model) {
        SessionHalfDay shown = shown(day, jour, demi);
        HalfDays halfDays = attendances.halfDays(day.id());
        return listPage(day, shown, halfDays.afternoonStarts().format(HOUR), FormErrors.none(), model);
    }

    private SessionHalfDay shown(ManagedDay day, String jour, String demi) {
        return WelcomeDeskController.shown(day, WelcomeDeskController.sessionDay(day, jour, attendances), demi, attendances);
    }

    private String listPage(ManagedDay day, SessionHalfDay shown, String apresMidi, FormErrors errors, Model model) {
        HalfDay half = shown.half();
        HalfDays halfDays = attendances.halfDays(day.id());
        List<Attendee> people = attendances.attendees(day.id(), shown.sessionDayId(), half);
        model.addAttribute("day", day);
        model.addAttribute("workshops", workshops.ofDay(day.id()));
        model.addAttribute("half", half);
        model.addAttribute("sessionDay", shown.day());
        model.addAttribute("halves", halfDays.of(shown.day()));
        model.addAttribute("halfDays", halfDays);
        model.addAttribute("present", people.stream().filter(Attendee::present).toList());
        model.addAttribute("absent", people.stream().filter(a -> !a.present()).toList());
        model.addAttribute("counts", attendances.counts(day.id(), shown.sessionDayId(), half));
        model.addAttribute("apresMidi", apresMidi);
        model.addAttribute("arrangements", needs.arrangements(day.id()));
        model.addAttribute("errors", errors);
        return "attendance/list";
    }

    @PostMapping("/apres-midi")
    String afternoon(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                     @RequestParam(name = "jour", required = false) String jour,
                     @RequestParam(name = "demi", required = false) String demi,
                     @RequestParam(name = "apresMidi", required = false) String apresMidi, Model model,
                     Locale locale, RedirectAttributes redirect) {
        SessionDay sessionDay = WelcomeDeskController.sessionDay(day, jour, attendances);
        List<FieldProblem> problems = attendances.setAfternoonStart(day.id(), apresMidi, organiser);
        // The half-day asked for, if the day still has it with the new boundary.
        SessionHalfDay shown = WelcomeDeskController.shown(day, sessionDay,
                HalfDay.ofSlug(demi).orElse(HalfDay.MORNING).slug(), attendances);
        if (!problems.isEmpty()) {
            return listPage(day, shown, apresMidi == null ? "" : apresMidi, errors(problems, locale), model);
        }
        redirect.addFlashAttribute("notice", text(locale, "attendance.afternoon.saved",
                attendances.halfDays(day.id()).afternoonStarts().format(HOUR)));
        return "redirect:" + listPath(day, sessionDay, shown.half());
    }

    @GetMapping("/correction")
    String correctionPage(ManagedDay day,
                          @RequestParam(name = "jour", required = false) String jour,
                          @RequestParam(name = "demi", required = false) String demi,
                          @RequestParam(name = "personne", required = false) String personne,
                          @RequestParam(name = "etat", required = false) String etat, Model model) {
        SessionHalfDay half = exact(day, jour, demi);
        Attendee person = person(day, half, personne);
        return correction(day, half, person, "present".equals(etat), "", FormErrors.none(), model);
    }

    @PostMapping("/correction")
    String correct(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                   @RequestParam(name = "jour", required = false) String jour,
                   @RequestParam(name = "demi", required = false) String demi,
                   @RequestParam(name = "personne", required = false) String personne,
                   @RequestParam(name = "etat", required = false) String etat,
                   @RequestParam(name = "motif", required = false) String motif, Model model,
                   Locale locale, RedirectAttributes redirect) {
        SessionHalfDay half = exact(day, jour, demi);
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
            return correction(day, half, person, present, motif == null ? "" : motif,
                    errors(List.of(FieldProblem.of("motif", refused)), locale), model);
        }
        switch (result) {
            case NO_SUCH_PERSON -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case UNCHANGED -> redirect.addFlashAttribute("notice", text(locale, present
                    ? "attendance.correction.unchanged.present" : "attendance.correction.unchanged.absent", person.name()));
            default -> redirect.addFlashAttribute("notice", text(locale, present
                    ? "attendance.correction.done.present" : "attendance.correction.done.absent", person.name()));
        }
        return "redirect:" + listPath(day, half.day(), half.half());
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
                              FormErrors errors, Model model) {
        model.addAttribute("day", day);
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

    static String listPath(ManagedDay day, SessionDay sessionDay, HalfDay half) {
        return "/admin/journees/" + day.slug() + "/presences?"
                + (day.days().isSingle() ? "" : "jour=" + sessionDay.date() + "&") + "demi=" + half.slug();
    }

    private FormErrors errors(List<FieldProblem> problems, Locale locale) {
        return FormErrors.of(problems, messages, locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
