package org.rencontres.networking;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rencontres.networking.RotationData.PlanStatus;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.programme.Slot;
import org.rencontres.security.DayAccess;
import org.rencontres.security.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back office's pages for running a rotation: set-up (settings and tables), participants, and
 * the plan (generation, swaps, publication). Thin: the rules are in {@link RotationPlans}.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/reseautage/{slotId}")
class RotationPlanController {

    private final DayAccess access;
    private final NetworkingAdmin admin;
    private final RotationPlans plans;
    private final MessageSource messages;

    private final long timeLimitMillis;

    RotationPlanController(DayAccess access, NetworkingAdmin admin, RotationPlans plans, MessageSource messages,
                           @org.springframework.beans.factory.annotation.Value("${rencontres.networking.plan-time-limit-ms:3000}")
                           long timeLimitMillis) {
        this.timeLimitMillis = timeLimitMillis;
        this.access = access;
        this.admin = admin;
        this.plans = plans;
        this.messages = messages;
    }

    /** The day, the slot and its rotation, or 403 / 404. */
    private record Where(ManagedDay day, Slot slot, NetworkingSession session) {
        String base() {
            return "/admin/journees/" + day.slug() + "/reseautage/" + slot.id();
        }
    }

    private Where where(Organiser organiser, String slug, long slotId) {
        ManagedDay day = access.requireManage(organiser, slug);
        Slot slot = admin.networkingSlot(day.id(), slotId);
        NetworkingSession session = admin.ofSlot(day.id(), slotId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new Where(day, slot, session);
    }

    // ---- set-up ----

    @GetMapping("/organisation")
    String setup(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                 Model model) {
        Where w = where(organiser, slug, slotId);
        return setupPage(w, SettingsForm.of(plans.settings(w.session())), Map.of(), model);
    }

    @PostMapping("/organisation")
    String saveSettings(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                        @PathVariable long slotId, SettingsForm form, Model model, Locale locale,
                        RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        RotationPlans.Outcome outcome = plans.saveSettings(w.day(), organiser, w.slot(), w.session(), form);
        if (!outcome.ok()) {
            return setupPage(w, form, FieldProblem.texts(outcome.problems(), messages, locale), model);
        }
        notice(redirect, "networking.setup.notice.saved", outcome);
        return "redirect:" + w.base() + "/organisation";
    }

    private String setupPage(Where w, SettingsForm form, Map<String, String> errors, Model model) {
        common(w, model);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("rounds", RotationPlans.rounds(w.slot(), plans.settings(w.session())));
        model.addAttribute("tables", plans.tables(w.session()));
        return "networking/admin/setup";
    }

    @GetMapping("/organisation/tables/nouvelle")
    String newTable(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                    Model model) {
        Where w = where(organiser, slug, slotId);
        return tablePage(w, null, TableForm.forNew(w.session().groupSize()), Map.of(), model);
    }

    @PostMapping("/organisation/tables")
    String addTable(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                    TableForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        RotationPlans.Outcome outcome = plans.saveTable(w.day(), organiser, w.session(), null, form);
        if (!outcome.ok()) {
            return tablePage(w, null, form, FieldProblem.texts(outcome.problems(), messages, locale), model);
        }
        notice(redirect, "networking.table.notice.added", outcome);
        return "redirect:" + w.base() + "/organisation#tables";
    }

    @GetMapping("/organisation/tables/{tableId}")
    String editTable(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                     @PathVariable long tableId, Model model) {
        Where w = where(organiser, slug, slotId);
        RoomTable table = table(w, tableId);
        return tablePage(w, table, TableForm.of(table), Map.of(), model);
    }

    @PostMapping("/organisation/tables/{tableId}")
    String saveTable(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                     @PathVariable long tableId, TableForm form, Model model, Locale locale,
                     RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        RoomTable table = table(w, tableId);
        RotationPlans.Outcome outcome = plans.saveTable(w.day(), organiser, w.session(), tableId, form);
        if (!outcome.ok()) {
            return tablePage(w, table, form, FieldProblem.texts(outcome.problems(), messages, locale), model);
        }
        notice(redirect, "networking.table.notice.saved", outcome);
        return "redirect:" + w.base() + "/organisation#tables";
    }

    private String tablePage(Where w, RoomTable table, TableForm form, Map<String, String> errors, Model model) {
        common(w, model);
        model.addAttribute("table", table);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("hosts", plans.hostChoices());
        return "networking/admin/table";
    }

    @GetMapping("/organisation/tables/{tableId}/suppression")
    String confirmRemoveTable(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                              @PathVariable long slotId, @PathVariable long tableId, Model model, Locale locale) {
        Where w = where(organiser, slug, slotId);
        RoomTable table = table(w, tableId);
        return confirmPage(w, model, messages.getMessage("networking.table.remove.title", new Object[] {table.name()},
                        locale), messages.getMessage("networking.table.remove.warning", null, locale),
                w.base() + "/organisation/tables/" + tableId + "/suppression",
                messages.getMessage("networking.table.remove.confirm", null, locale), w.base() + "/organisation#tables");
    }

    @PostMapping("/organisation/tables/{tableId}/suppression")
    String removeTable(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                       @PathVariable long slotId, @PathVariable long tableId, RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        RotationPlans.Outcome outcome = plans.removeTable(w.day(), organiser, w.session(), tableId);
        refusedOr(redirect, outcome, "networking.table.notice.removed");
        return "redirect:" + w.base() + "/organisation#tables";
    }

    private RoomTable table(Where w, long tableId) {
        return plans.table(w.session(), tableId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    // ---- participants ----

    @GetMapping("/participants")
    String participants(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                        @PathVariable long slotId, Model model) {
        Where w = where(organiser, slug, slotId);
        return participantsPage(w, new ParticipantForm("", ""), Map.of(), model);
    }

    @PostMapping("/participants")
    String addParticipant(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                          @PathVariable long slotId, ParticipantForm form, Model model, Locale locale,
                          RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        RotationPlans.Outcome outcome = plans.addMember(w.day(), organiser, w.session(), form);
        if (!outcome.ok()) {
            return participantsPage(w, form, FieldProblem.texts(outcome.problems(), messages, locale), model);
        }
        notice(redirect, "networking.participant.notice.added", outcome);
        return "redirect:" + w.base() + "/participants";
    }

    @PostMapping({"/participants/import", "/participants/import-presents"})
    String importConfirmed(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                           @PathVariable long slotId, RedirectAttributes redirect, Locale locale,
                           jakarta.servlet.http.HttpServletRequest request) {
        Where w = where(organiser, slug, slotId);
        RotationPlans.Imported imported = request.getRequestURI().endsWith("/import-presents")
                ? plans.importCheckedIn(w.day(), organiser, w.session())
                : plans.importConfirmed(w.day(), organiser, w.session());
        if (!imported.outcome().ok()) {
            refusedOr(redirect, imported.outcome(), null);
        } else {
            redirect.addFlashAttribute("noticeText", messages.getMessage("networking.participant.notice.imported",
                    new Object[] {imported.added(), imported.alreadyThere()}, locale));
            notice(redirect, null, imported.outcome());
        }
        return "redirect:" + w.base() + "/participants";
    }

    // ---- on the day ----

    @PostMapping("/participants/arrivee")
    String addLate(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                   ParticipantForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        RotationPlans.Outcome outcome = plans.addLate(w.day(), organiser, w.session(), form);
        if (!outcome.ok()) {
            return participantsPage(w, form, new DepartureForm("", ""),
                    FieldProblem.texts(outcome.problems(), messages, locale), model);
        }
        notice(redirect, "networking.late.notice.added", outcome);
        return "redirect:" + w.base() + "/participants";
    }

    @PostMapping("/participants/depart")
    String markLeft(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                    DepartureForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        RotationPlans.Outcome outcome = plans.markLeft(w.day(), organiser, w.session(), form);
        if (!outcome.ok()) {
            return participantsPage(w, new ParticipantForm("", ""), form,
                    FieldProblem.texts(outcome.problems(), messages, locale), model);
        }
        notice(redirect, "networking.departure.notice.saved", outcome);
        return "redirect:" + w.base() + "/participants";
    }

    @PostMapping("/participants/{participantId}/arrive")
    String markArrived(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                       @PathVariable long slotId, @PathVariable long participantId, Model model, Locale locale,
                       RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        RotationPlans.Outcome outcome = plans.markArrived(w.day(), organiser, w.session(), participantId);
        if (!outcome.ok()) {
            return participantsPage(w, new ParticipantForm("", ""), new DepartureForm("", ""),
                    FieldProblem.texts(outcome.problems(), messages, locale), model);
        }
        notice(redirect, "networking.arrival.notice.saved", outcome);
        return "redirect:" + w.base() + "/participants";
    }

    @PostMapping("/participants/{participantId}/reimprime")
    String markReprinted(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                         @PathVariable long slotId, @PathVariable long participantId, RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        plans.markReprinted(w.day(), organiser, w.session(), participantId);
        redirect.addFlashAttribute("notice", "networking.reprint.notice.done");
        return "redirect:" + w.base() + "/participants#liste";
    }

    @GetMapping("/participants/replanification")
    String confirmReplan(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                         @PathVariable long slotId, Model model, Locale locale) {
        Where w = where(organiser, slug, slotId);
        RotationPlans.Progress progress = plans.progress(w.session());
        Integer rounds = plans.status(w.session()).rounds();
        String warning = !progress.started()
                ? messages.getMessage("networking.replan.warning.not.started", null, locale)
                : messages.getMessage("networking.replan.warning.started",
                        new Object[] {progress.startedRounds(), rounds == null ? 0 : rounds}, locale);
        return confirmPage(w, model, messages.getMessage("networking.replan.title", null, locale), warning,
                w.base() + "/participants/replanification",
                messages.getMessage("networking.replan.confirm", null, locale), w.base() + "/participants");
    }

    @PostMapping("/participants/replanification")
    String replan(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                  Model model, Locale locale, RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        RotationPlans.Replanned replanned = plans.replan(w.day(), organiser, w.session());
        if (!replanned.problems().isEmpty()) {
            return participantsPage(w, new ParticipantForm("", ""), new DepartureForm("", ""),
                    FieldProblem.texts(replanned.problems(), messages, locale), model);
        }
        Integer rounds = plans.status(w.session()).rounds();
        String kept = replanned.started()
                ? messages.getMessage("networking.replan.notice.kept",
                        new Object[] {replanned.keptRounds(), replanned.keptRounds() + 1, rounds}, locale)
                : messages.getMessage("networking.replan.notice.not.started", null, locale);
        String changed = replanned.changed().isEmpty()
                ? messages.getMessage("networking.replan.notice.nobody", null, locale)
                : messages.getMessage("networking.replan.notice.changed",
                        new Object[] {replanned.changed().size(), String.join(", ", replanned.changed())}, locale);
        redirect.addFlashAttribute("noticeText", kept + " " + changed);
        return "redirect:" + w.base() + "/participants";
    }

    private String participantsPage(Where w, ParticipantForm form, Map<String, String> errors, Model model) {
        return participantsPage(w, form, new DepartureForm("", ""), errors, model);
    }

    private String participantsPage(Where w, ParticipantForm form, DepartureForm departure, Map<String, String> errors,
                                    Model model) {
        common(w, model);
        PlanStatus status = plans.status(w.session());
        model.addAttribute("departure", departure);
        model.addAttribute("onTheDay", true);
        model.addAttribute("presences", plans.presences(w.session()));
        model.addAttribute("progress", plans.progress(w.session()));
        model.addAttribute("planRounds", status.rounds() == null ? 0 : status.rounds());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("members", plans.members(w.session()));
        model.addAttribute("seats", plans.tables(w.session()).stream().mapToInt(RoomTable::capacity).sum());
        return "networking/admin/participants";
    }

    @GetMapping("/participants/{participantId}/suppression")
    String confirmRemoveParticipant(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                                    @PathVariable long slotId, @PathVariable long participantId, Model model,
                                    Locale locale) {
        Where w = where(organiser, slug, slotId);
        RotationData.Member member = plans.members(w.session()).stream().filter(m -> m.id() == participantId)
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return confirmPage(w, model, messages.getMessage("networking.participant.remove.title",
                        new Object[] {member.name()}, locale),
                messages.getMessage("networking.participant.remove.warning", null, locale),
                w.base() + "/participants/" + participantId + "/suppression",
                messages.getMessage("networking.participant.remove.confirm", null, locale), w.base() + "/participants");
    }

    @PostMapping("/participants/{participantId}/suppression")
    String removeParticipant(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                             @PathVariable long slotId, @PathVariable long participantId,
                             RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        RotationPlans.Outcome outcome = plans.removeMember(w.day(), organiser, w.session(), participantId);
        refusedOr(redirect, outcome, "networking.participant.notice.removed");
        return "redirect:" + w.base() + "/participants";
    }

    // ---- plan ----

    @GetMapping("/plan")
    String plan(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                Model model, Locale locale) {
        Where w = where(organiser, slug, slotId);
        return planPage(w, List.of(), Map.of(), new SwapForm("", "", ""), model, locale);
    }

    @PostMapping("/plan")
    String generate(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                    Model model, Locale locale, RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        List<FieldProblem> problems = plans.generate(w.day(), organiser, w.slot(), w.session());
        if (!problems.isEmpty()) {
            return planPage(w, texts(problems, locale), Map.of(), new SwapForm("", "", ""), model, locale);
        }
        redirect.addFlashAttribute("notice", "networking.plan.notice.started");
        return "redirect:" + w.base() + "/plan";
    }

    @PostMapping("/plan/echange")
    String swap(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                SwapForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        List<FieldProblem> problems = plans.swap(w.day(), organiser, w.session(), form);
        if (!problems.isEmpty()) {
            return planPage(w, texts(problems, locale), FieldProblem.texts(problems, messages, locale), form, model,
                    locale);
        }
        redirect.addFlashAttribute("notice", "networking.swap.notice.done");
        return "redirect:" + w.base() + "/plan";
    }

    @PostMapping("/plan/publication")
    String publish(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long slotId,
                   Model model, Locale locale, RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        List<FieldProblem> problems = plans.publish(w.day(), organiser, w.slot(), w.session());
        if (!problems.isEmpty()) {
            return planPage(w, texts(problems, locale), Map.of(), new SwapForm("", "", ""), model, locale);
        }
        redirect.addFlashAttribute("notice", "networking.publish.notice.done");
        return "redirect:" + w.base() + "/plan";
    }

    @GetMapping("/plan/depublication")
    String confirmUnpublish(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                            @PathVariable long slotId, Model model, Locale locale) {
        Where w = where(organiser, slug, slotId);
        return confirmPage(w, model, messages.getMessage("networking.unpublish.title", null, locale),
                messages.getMessage("networking.unpublish.warning", null, locale), w.base() + "/plan/depublication",
                messages.getMessage("networking.unpublish.confirm", null, locale), w.base() + "/plan");
    }

    @PostMapping("/plan/depublication")
    String unpublish(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                     @PathVariable long slotId, RedirectAttributes redirect) {
        Where w = where(organiser, slug, slotId);
        plans.unpublish(w.day(), organiser, w.session());
        redirect.addFlashAttribute("notice", "networking.unpublish.notice.done");
        return "redirect:" + w.base() + "/plan";
    }

    private String planPage(Where w, List<String> problems, Map<String, String> errors, SwapForm swap, Model model,
                            Locale locale) {
        common(w, model);
        PlanStatus status = plans.status(w.session());
        RotationData.Settings settings = plans.settings(w.session());
        boolean generating = "GENERATING".equals(status.state()) && status.startedAt() != null
                && status.startedAt().isAfter(java.time.Instant.now().minus(RotationStore.STALE_GENERATION));
        boolean lost = "GENERATING".equals(status.state()) && !generating;
        model.addAttribute("status", status);
        model.addAttribute("generating", generating);
        // The planner searches for at most its time limit: the time spent so far is the progress.
        model.addAttribute("progress", generating ? Math.min(95, Math.max(1,
                java.time.Duration.between(status.startedAt(), java.time.Instant.now()).toMillis() * 100
                        / Math.max(1, timeLimitMillis))) : 0);
        model.addAttribute("lost", lost);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", errors);
        model.addAttribute("swap", swap);
        model.addAttribute("settings", settings);
        model.addAttribute("rounds", RotationPlans.rounds(w.slot(), settings));
        model.addAttribute("blockers", texts(plans.blockers(w.slot(), w.session()), locale));
        model.addAttribute("members", plans.members(w.session()));
        model.addAttribute("tableCount", plans.tables(w.session()).size());
        model.addAttribute("page", status.done() && !generating
                ? PlanPage.of(status, settings, w.slot().startsAt(), plans.tables(w.session()), plans.members(w.session()),
                        plans.seats(w.session()))
                : null);
        return "networking/admin/plan";
    }

    // ---- helpers ----

    private String confirmPage(Where w, Model model, String title, String warning, String action, String confirm,
                               String cancel) {
        common(w, model);
        model.addAttribute("confirmTitle", title);
        model.addAttribute("warning", warning);
        model.addAttribute("action", action);
        model.addAttribute("confirm", confirm);
        model.addAttribute("cancel", cancel);
        return "networking/admin/confirm";
    }

    private void common(Where w, Model model) {
        model.addAttribute("day", w.day());
        model.addAttribute("slot", w.slot());
        model.addAttribute("rotation", w.session());
        model.addAttribute("base", w.base());
        model.addAttribute("published", plans.status(w.session()).published());
    }

    private List<String> texts(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(p -> messages.getMessage(p.code(), p.args().toArray(), locale)).toList();
    }

    private static void notice(RedirectAttributes redirect, String code, RotationPlans.Outcome outcome) {
        if (code != null) {
            redirect.addFlashAttribute("notice", code);
        }
        if (outcome.planDiscarded()) {
            redirect.addFlashAttribute("discarded", true);
        }
    }

    private static void refusedOr(RedirectAttributes redirect, RotationPlans.Outcome outcome, String code) {
        if (outcome.ok()) {
            notice(redirect, code, outcome);
        } else {
            redirect.addFlashAttribute("refused", outcome.problems().get(0).code());
        }
    }
}
