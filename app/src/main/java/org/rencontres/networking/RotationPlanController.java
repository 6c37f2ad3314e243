package org.rencontres.networking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.rencontres.networking.RotationData.PlanStatus;
import org.rencontres.networking.RotationData.Settings;
import org.rencontres.networking.RotationPages.Where;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back office's plan page: what stands in the way, generation, swaps, publication and its
 * withdrawal. Thin: the rules are in {@link RotationPlanning}.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/reseautage/{slotId}/plan")
class RotationPlanController {

    private final RotationPages pages;
    private final RotationPlanning planning;
    private final RotationSetup setup;
    private final long timeLimitMillis;

    RotationPlanController(RotationPages pages, RotationPlanning planning, RotationSetup setup,
                           @Value("${rencontres.networking.plan-time-limit-ms:3000}") long timeLimitMillis) {
        this.pages = pages;
        this.planning = planning;
        this.setup = setup;
        this.timeLimitMillis = timeLimitMillis;
    }

    @GetMapping
    String plan(ManagedDay day, @PathVariable long slotId,
                Model model, Locale locale) {
        Where w = pages.where(day, slotId);
        return planPage(w, FormErrors.none(), new SwapForm("", "", ""), model, locale);
    }

    @PostMapping
    String generate(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                    Model model, Locale locale, RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        return planChanged(w, planning.generate(w.day(), organiser, w.slot(), w.session()), "networking.plan.notice.started", model, locale,
                redirect);
    }

    @PostMapping("/echange")
    String swap(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                SwapForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        List<FieldProblem> problems = planning.swap(w.day(), organiser, w.session(), form);
        if (!problems.isEmpty()) {
            return planPage(w, pages.errors(problems, locale), form, model, locale);
        }
        redirect.addFlashAttribute("notice", "networking.swap.notice.done");
        return "redirect:" + w.base() + "/plan";
    }

    @PostMapping("/publication")
    String publish(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                   Model model, Locale locale, RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        return planChanged(w, planning.publish(w.day(), organiser, w.slot(), w.session()), "networking.publish.notice.done", model, locale,
                redirect);
    }

    @GetMapping("/depublication")
    String confirmUnpublish(ManagedDay day,
                            @PathVariable long slotId, Model model, Locale locale) {
        Where w = pages.where(day, slotId);
        return pages.confirmPage(model, locale, "networking.unpublish", null, w.base() + "/plan/depublication",
                w.base() + "/plan");
    }

    @PostMapping("/depublication")
    String unpublish(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                     @PathVariable long slotId, RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        planning.unpublish(w.day(), organiser, w.session());
        redirect.addFlashAttribute("notice", "networking.unpublish.notice.done");
        return "redirect:" + w.base() + "/plan";
    }

    /** Back to the plan with its notice, or the plan page again with the problems. */
    private String planChanged(Where w, List<FieldProblem> problems, String notice, Model model, Locale locale,
                               RedirectAttributes redirect) {
        if (!problems.isEmpty()) {
            return planPage(w, pages.actionErrors(problems, locale), new SwapForm("", "", ""), model, locale);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + w.base() + "/plan";
    }

    private String planPage(Where w, FormErrors errors, SwapForm swap, Model model, Locale locale) {
        pages.common(w, model);
        PlanStatus status = planning.status(w.session());
        Settings settings = setup.settings(w.session());
        boolean generating = "GENERATING".equals(status.state()) && status.startedAt() != null
                && status.startedAt().isAfter(Instant.now().minus(RotationStore.STALE_GENERATION));
        boolean lost = "GENERATING".equals(status.state()) && !generating;
        model.addAttribute("status", status);
        model.addAttribute("generating", generating);
        // The planner searches for at most its time limit: the time spent so far is the progress.
        model.addAttribute("progress", generating ? Math.min(95, Math.max(1,
                Duration.between(status.startedAt(), Instant.now()).toMillis() * 100
                        / Math.max(1, timeLimitMillis))) : 0);
        model.addAttribute("lost", lost);
        model.addAttribute("errors", errors);
        model.addAttribute("swap", swap);
        model.addAttribute("settings", settings);
        model.addAttribute("rounds", Rounds.of(w.slot(), settings));
        model.addAttribute("blockers", pages.texts(planning.blockers(w.slot(), w.session()), locale));
        model.addAttribute("members", setup.members(w.session()));
        model.addAttribute("tableCount", setup.tables(w.session()).size());
        model.addAttribute("page", status.done() && !generating
                ? PlanPage.of(status, settings, w.slot().startsAt(), setup.tables(w.session()),
                        setup.members(w.session()), planning.seats(w.session()))
                : null);
        return "networking/admin/plan";
    }
}
