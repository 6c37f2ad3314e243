package org.rencontres.attendance;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionDay;
import org.rencontres.security.Organiser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The trainers' part of the welcome desk: a trainer signs for the half-day shown (the desk's signature
 * dialog), and the organiser e-mails every trainer their own signing link. Access to the day is checked
 * where {@code {slug}} becomes the {@link ManagedDay}.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/accueil")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TrainerDeskController {

    private final Attendances attendances;
    private final TrainerSignatures trainers;
    private final MessageSource messages;

    @PostMapping("/intervenant")
    String sign(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                @RequestParam(name = "jour", required = false) String jour,
                @RequestParam(name = "demi", required = false) String demi,
                @RequestParam(name = "personne", required = false) String personne,
                @RequestParam(name = "signature", required = false) String signature,
                RedirectAttributes redirect) {
        SessionDay sessionDay = WelcomeDeskController.sessionDay(day, jour, attendances);
        SessionHalfDay half = HalfDay.ofSlug(demi).flatMap(h -> attendances.halfDays(day.id()).find(sessionDay.id(), h))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        Long personId = WelcomeDeskController.number(personne);
        TrainerSignatures.Outcome outcome = personId == null ? TrainerSignatures.Outcome.NOT_A_TRAINER
                : trainers.sign(day.id(), half, personId, signature, "DESK", organiser.displayName());
        String name = personId == null ? "" : trainers.trainers(day.id(), half).stream()
                .filter(t -> t.personId() == personId).map(TrainerSignatures.Trainer::name).findFirst().orElse("");
        redirect.addFlashAttribute(outcome == TrainerSignatures.Outcome.SIGNED ? "notice" : "problem",
                text("attendance.trainer.outcome." + outcome.name(), name));
        return "redirect:" + WelcomeDeskController.deskPath(day, sessionDay, half.half(), null);
    }

    @PostMapping("/liens-intervenants")
    String sendLinks(ManagedDay day, @RequestParam(name = "jour", required = false) String jour,
                     @RequestParam(name = "demi", required = false) String demi, RedirectAttributes redirect) {
        SessionDay sessionDay = WelcomeDeskController.sessionDay(day, jour, attendances);
        HalfDay half = HalfDay.ofSlug(demi).orElseGet(() -> attendances.current(day.id(), sessionDay).half());
        redirect.addFlashAttribute("notice", text("attendance.trainer.sent", trainers.sendLinks(day.id())));
        return "redirect:" + WelcomeDeskController.deskPath(day, sessionDay, half, null);
    }

    private String text(String key, Object argument) {
        return messages.getMessage(key, new Object[] {argument}, LocaleContextHolder.getLocale());
    }
}
