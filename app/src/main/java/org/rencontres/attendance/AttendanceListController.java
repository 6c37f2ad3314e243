package org.rencontres.attendance;

import static org.rencontres.attendance.Attendances.HOUR;

import java.util.List;
import java.util.Locale;

import org.rencontres.event.ManagedDay;
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
class AttendanceListController {

    private final Attendances attendances;
    private final MessageSource messages;
    private final Workshops workshops;

    AttendanceListController(Attendances attendances, MessageSource messages, Workshops workshops) {
        this.attendances = attendances;
        this.messages = messages;
        this.workshops = workshops;
    }

    @GetMapping
    String list(ManagedDay day,
                @RequestParam(name = "demi", required = false) String demi, Model model) {
        HalfDay half = HalfDay.ofSlug(demi).orElseGet(() -> attendances.current(day.id()));
        HalfDays halfDays = attendances.halfDays(day.id());
        return listPage(day, half, halfDays.afternoonStarts().format(HOUR), FormErrors.none(), model);
    }

    private String listPage(ManagedDay day, HalfDay half, String apresMidi, FormErrors errors, Model model) {
        List<Attendee> people = attendances.attendees(day.id(), half);
        model.addAttribute("day", day);
        model.addAttribute("workshops", workshops.ofDay(day.id()));
        model.addAttribute("half", half);
        model.addAttribute("halves", HalfDay.values());
        model.addAttribute("halfDays", attendances.halfDays(day.id()));
        model.addAttribute("present", people.stream().filter(Attendee::present).toList());
        model.addAttribute("absent", people.stream().filter(a -> !a.present()).toList());
        model.addAttribute("counts", attendances.counts(day.id(), half));
        model.addAttribute("apresMidi", apresMidi);
        model.addAttribute("errors", errors);
        return "attendance/list";
    }

    @PostMapping("/apres-midi")
    String afternoon(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                     @RequestParam(name = "demi", required = false) String demi,
                     @RequestParam(name = "apresMidi", required = false) String apresMidi, Model model,
                     Locale locale, RedirectAttributes redirect) {
        HalfDay half = HalfDay.ofSlug(demi).orElse(HalfDay.MORNING);
        List<FieldProblem> problems = attendances.setAfternoonStart(day.id(), apresMidi, organiser);
        if (!problems.isEmpty()) {
            return listPage(day, half, apresMidi == null ? "" : apresMidi, errors(problems, locale), model);
        }
        redirect.addFlashAttribute("notice", text(locale, "attendance.afternoon.saved",
                attendances.halfDays(day.id()).afternoonStarts().format(HOUR)));
        return "redirect:" + listPath(day, half);
    }

    @GetMapping("/correction")
    String correctionPage(ManagedDay day,
                          @RequestParam(name = "demi", required = false) String demi,
                          @RequestParam(name = "personne", required = false) String personne,
                          @RequestParam(name = "etat", required = false) String etat, Model model) {
        HalfDay half = HalfDay.ofSlug(demi).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Attendee person = person(day, half, personne);
        return correction(day, half, person, "present".equals(etat), "", FormErrors.none(), model);
    }

    @PostMapping("/correction")
    String correct(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                   @RequestParam(name = "demi", required = false) String demi,
                   @RequestParam(name = "personne", required = false) String personne,
                   @RequestParam(name = "etat", required = false) String etat,
                   @RequestParam(name = "motif", required = false) String motif, Model model,
                   Locale locale, RedirectAttributes redirect) {
        HalfDay half = HalfDay.ofSlug(demi).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Attendee person = person(day, half, personne);
        boolean present = "present".equals(etat);
        Attendances.Correction result = attendances.correct(day.id(), half, person.ref(), present, motif, organiser);
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
        return "redirect:" + listPath(day, half);
    }

    @GetMapping("/{id}/signature.png")
    ResponseEntity<byte[]> signature(ManagedDay day,
                                     @PathVariable long id) {
        byte[] png = attendances.signature(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    private String correction(ManagedDay day, HalfDay half, Attendee person, boolean present, String motif,
                              FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("half", half);
        model.addAttribute("person", person);
        model.addAttribute("present", present);
        model.addAttribute("motif", motif);
        model.addAttribute("errors", errors);
        return "attendance/correction";
    }

    private Attendee person(ManagedDay day, HalfDay half, String ref) {
        return attendances.everyone(day.id(), half).stream().filter(a -> a.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static String listPath(ManagedDay day, HalfDay half) {
        return "/admin/journees/" + day.slug() + "/presences?demi=" + half.slug();
    }

    private FormErrors errors(List<FieldProblem> problems, Locale locale) {
        return FormErrors.of(problems, messages, locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
