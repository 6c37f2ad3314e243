package org.rencontres.networking;

import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.networking.RotationOnTheDay.Progress;
import org.rencontres.networking.RotationPages.Where;
import org.rencontres.networking.RotationReplanning.Replanned;
import org.rencontres.security.Organiser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back office's actions on the day, from the participants' page: arrivals (typed or from the
 * welcome desk), departures, reprinted cards, re-planning. Thin: the rules are in
 * {@link RotationOnTheDay} and {@link RotationReplanning}.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/reseautage/{slotId}/participants")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RotationOnTheDayController {

    private final RotationPages pages;
    private final RotationOnTheDay onTheDay;
    private final RotationReplanning replanning;
    private final RotationPlanning planning;

    @PostMapping("/import-presents")
    String importCheckedIn(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                           @PathVariable long slotId, RedirectAttributes redirect, Locale locale) {
        Where w = pages.where(day, slotId);
        return pages.imported(w, onTheDay.importCheckedIn(w.day(), organiser, w.session()), redirect, locale);
    }

    @PostMapping("/arrivee")
    String addLate(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                   ParticipantForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        return pages.participantsChanged(w, onTheDay.addLate(w.day(), organiser, w.session(), form),
                "networking.late.notice.added", form, new DepartureForm("", ""), locale, model, redirect);
    }

    @PostMapping("/depart")
    String markLeft(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                    DepartureForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        return pages.participantsChanged(w, onTheDay.markLeft(w.day(), organiser, w.session(), form),
                "networking.departure.notice.saved", new ParticipantForm("", ""), form, locale, model, redirect);
    }

    @PostMapping("/{participantId}/arrive")
    String markArrived(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                       @PathVariable long slotId, @PathVariable long participantId, Model model, Locale locale,
                       RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        return pages.participantsChanged(w, onTheDay.markArrived(w.day(), organiser, w.session(), participantId),
                "networking.arrival.notice.saved", new ParticipantForm("", ""), new DepartureForm("", ""), locale,
                model, redirect);
    }

    @PostMapping("/{participantId}/reimprime")
    String markReprinted(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                         @PathVariable long slotId, @PathVariable long participantId, RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        onTheDay.markReprinted(w.day(), organiser, w.session(), participantId);
        redirect.addFlashAttribute("notice", "networking.reprint.notice.done");
        return "redirect:" + w.base() + "/participants#liste";
    }

    @GetMapping("/replanification")
    String confirmReplan(ManagedDay day,
                         @PathVariable long slotId, Model model, Locale locale) {
        Where w = pages.where(day, slotId);
        Progress progress = onTheDay.progress(w.session());
        Integer rounds = planning.status(w.session()).rounds();
        String warning = !progress.started()
                ? pages.message("networking.replan.warning.not.started", locale)
                : pages.message("networking.replan.warning.started", locale, progress.startedRounds(),
                        rounds == null ? 0 : rounds);
        return pages.confirmPage(model, pages.message("networking.replan.title", locale), warning,
                w.base() + "/participants/replanification",
                pages.message("networking.replan.confirm", locale), w.base() + "/participants", locale);
    }

    @PostMapping("/replanification")
    String replan(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                  Model model, Locale locale, RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        Replanned replanned = replanning.replan(w.day(), organiser, w.session());
        if (!replanned.problems().isEmpty()) {
            return pages.participantsPage(w, replanned.problems(), locale, model);
        }
        Integer rounds = planning.status(w.session()).rounds();
        String kept = replanned.started()
                ? pages.message("networking.replan.notice.kept", locale, replanned.keptRounds(),
                        replanned.keptRounds() + 1, rounds)
                : pages.message("networking.replan.notice.not.started", locale);
        String changed = replanned.changed().isEmpty()
                ? pages.message("networking.replan.notice.nobody", locale)
                : pages.message("networking.replan.notice.changed", locale, replanned.changed().size(),
                        String.join(", ", replanned.changed()));
        redirect.addFlashAttribute("noticeText", kept + " " + changed);
        return "redirect:" + w.base() + "/participants";
    }
}
