package org.rencontres.attendance;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.shared.FrenchTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A trainer's own signing page, reached from the link they were e-mailed (no account): it signs the
 * half-day in progress today for the one person and session the link was made for. An unknown key, or
 * one made for another session, is a 404; an expired one (the session is over) a 410, and neither
 * records anything.
 */
@Controller
@RequestMapping("/emargement/{slug}/{key}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TrainerLinkController {

    private final Days days;
    private final TrainerSignatures trainers;
    private final MessageSource messages;

    @GetMapping
    String page(@PathVariable String slug, @PathVariable String key, Model model,
                HttpServletResponse response) {
        Optional<Day> day = days.find(slug);
        Optional<TrainerSignatures.Link> link = day.flatMap(d -> trainers.link(d.id(), key));
        model.addAttribute("day", day.orElse(null));
        model.addAttribute("link", link.orElse(null));
        model.addAttribute("key", key);
        if (link.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("state", "unknown");
            return "attendance/trainer-sign";
        }
        if (link.get().expired()) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("state", "expired");
            return "attendance/trainer-sign";
        }
        Optional<SessionHalfDay> half = trainers.halfDayNow(day.get().id());
        model.addAttribute("half", half.map(h -> h.day().frenchDate() + ", " + messages.getMessage(
                "attendance.half." + h.half().name(), new Object[] {FrenchTime.clock(h.start()), FrenchTime.clock(h.end())},
                LocaleContextHolder.getLocale())).orElse(null));
        if (half.isEmpty()) {
            model.addAttribute("state", "noHalf");
            return "attendance/trainer-sign";
        }
        Optional<TrainerSignatures.Trainer> me = trainers.trainers(day.get().id(), half.get()).stream()
                .filter(t -> t.personId() == link.get().personId()).findFirst();
        model.addAttribute("state", me.isEmpty() ? "notYours" : me.get().signed() ? "signedAlready" : "sign");
        return "attendance/trainer-sign";
    }

    @PostMapping
    String sign(@PathVariable String slug, @PathVariable String key,
                @RequestParam(name = "signature", required = false) String signature,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Optional<Day> day = days.find(slug);
        Optional<TrainerSignatures.Link> link = day.flatMap(d -> trainers.link(d.id(), key));
        Optional<SessionHalfDay> half = day.flatMap(d -> trainers.halfDayNow(d.id()));
        if (link.isEmpty() || link.get().expired() || half.isEmpty()) {
            return page(slug, key, model, response);
        }
        TrainerSignatures.Outcome outcome = trainers.sign(day.get().id(), half.get(), link.get().personId(), signature,
                "LINK", null);
        redirect.addFlashAttribute(outcome == TrainerSignatures.Outcome.SIGNED ? "notice" : "problem",
                messages.getMessage("attendance.trainer.outcome." + outcome.name(), new Object[] {link.get().name()},
                        LocaleContextHolder.getLocale()));
        return "redirect:" + TrainerSignatures.path(slug, key);
    }
}
