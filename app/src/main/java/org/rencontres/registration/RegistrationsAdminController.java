package org.rencontres.registration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.rencontres.security.DayAccess;
import org.rencontres.security.ManagedDay;
import org.rencontres.security.Organiser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organiser's queue of a day's requests: seats, requests by state, the moves of each request
 * and bulk moves. Every route checks access to the day before reading anything else.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/inscriptions")
class RegistrationsAdminController {

    private final DayAccess access;
    private final RegistrationDesk desk;
    private final Registrations registrations;

    RegistrationsAdminController(DayAccess access, RegistrationDesk desk, Registrations registrations) {
        this.access = access;
        this.desk = desk;
        this.registrations = registrations;
    }

    @GetMapping
    String queue(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                 @RequestParam(name = "etat", required = false) String etat, Model model) {
        ManagedDay day = access.requireManage(organiser, slug);
        RegistrationState filter = Arrays.stream(RegistrationState.values())
                .filter(s -> s.name().equals(etat)).findFirst().orElse(null);
        String seats = registrations.capacity(day.id()).map(c -> String.valueOf(c.seats())).orElse("");
        String hours = registrations.capacity(day.id()).map(c -> String.valueOf(c.offerHours())).orElse("48");
        return queuePage(day, filter, seats, hours, Map.of(), model);
    }

    @PostMapping("/capacite")
    String capacity(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                    @RequestParam(name = "places", required = false) String places,
                    @RequestParam(name = "delai", required = false) String delai, Model model,
                    RedirectAttributes redirect) {
        ManagedDay day = access.requireManage(organiser, slug);
        Integer seats = positive(places);
        Integer hours = positive(delai);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (seats == null) {
            errors.put("places", "registration.error.places");
        }
        if (hours == null) {
            errors.put("delai", "registration.error.delai");
        }
        if (!errors.isEmpty()) {
            return queuePage(day, null, places, delai, errors, model);
        }
        desk.setCapacity(day, organiser, seats, hours);
        redirect.addFlashAttribute("notices", List.of(new Notice("registration.notice.capacity", String.valueOf(seats), "registration.seats")));
        return back(day);
    }

    @PostMapping("/{id}/suivante")
    String advance(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long id,
                   RedirectAttributes redirect) {
        return act(access.requireManage(organiser, slug), organiser, id, RegistrationDesk.Action.ADVANCE, redirect);
    }

    @PostMapping("/{id}/confirmer")
    String confirm(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long id,
                   RedirectAttributes redirect) {
        return act(access.requireManage(organiser, slug), organiser, id, RegistrationDesk.Action.CONFIRM, redirect);
    }

    @PostMapping("/{id}/promouvoir")
    String promote(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long id,
                   RedirectAttributes redirect) {
        return act(access.requireManage(organiser, slug), organiser, id, RegistrationDesk.Action.PROMOTE, redirect);
    }

    private String act(ManagedDay day, Organiser organiser, long id, RegistrationDesk.Action a,
                       RedirectAttributes redirect) {
        redirect.addFlashAttribute("notices", List.of(notice(desk.act(day, organiser, id, a, null))));
        return back(day);
    }

    @GetMapping({"/{id}/refus", "/{id}/annulation"})
    String confirmLeave(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long id,
                        jakarta.servlet.http.HttpServletRequest request, Model model) {
        ManagedDay day = access.requireManage(organiser, slug);
        String action = request.getRequestURI().endsWith("/refus") ? "refus" : "annulation";
        return leavePage(day, desk.ofDay(day, id), action, "", Map.of(), model);
    }

    @PostMapping({"/{id}/refus", "/{id}/annulation"})
    String leave(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug, @PathVariable long id,
                 jakarta.servlet.http.HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ManagedDay day = access.requireManage(organiser, slug);
        String action = request.getRequestURI().endsWith("/refus") ? "refus" : "annulation";
        String motif = request.getParameter("motif");
        Registration r = desk.ofDay(day, id);
        if (motif == null || motif.isBlank()) {
            return leavePage(day, r, action, motif == null ? "" : motif, Map.of("motif", "registration.error.reason.required"), model);
        }
        RegistrationDesk.Result result = desk.act(day, organiser, id,
                action.equals("refus") ? RegistrationDesk.Action.REFUSE : RegistrationDesk.Action.CANCEL, motif);
        redirect.addFlashAttribute("notices", List.of(notice(result)));
        return back(day);
    }

    @PostMapping("/groupe")
    String bulk(@AuthenticationPrincipal Organiser organiser, @PathVariable String slug,
                @RequestParam(name = "choix", required = false) List<Long> ids,
                @RequestParam(name = "action", required = false) String action, RedirectAttributes redirect) {
        ManagedDay day = access.requireManage(organiser, slug);
        List<Notice> notices = new ArrayList<>();
        RegistrationDesk.Action a = "confirmer".equals(action) ? RegistrationDesk.Action.CONFIRM
                : "suivante".equals(action) ? RegistrationDesk.Action.ADVANCE : null;
        if (a == null || ids == null || ids.isEmpty()) {
            notices.add(new Notice(a == null ? "registration.error.bulk.action" : "registration.error.bulk.none", "", "registration.seats"));
        } else {
            for (long id : ids) {
                notices.add(notice(desk.act(day, organiser, id, a, null)));
            }
        }
        redirect.addFlashAttribute("notices", notices);
        return back(day);
    }

    /** One line of the report of an act: a message key and the person it concerns. */
    record Notice(String key, String name, String detailKey) {
    }

    private static Notice notice(RegistrationDesk.Result result) {
        return new Notice(result.done() ? "registration.notice.done" : "registration.notice.failed",
                result.name(), result.messageKey());
    }

    private String queuePage(ManagedDay day, RegistrationState filter, String seats, String hours,
                             Map<String, String> errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("filter", filter);
        model.addAttribute("states", RegistrationState.values());
        model.addAttribute("registrations", desk.list(day, filter));
        model.addAttribute("capacity", registrations.capacity(day.id()).orElse(null));
        model.addAttribute("places", seats);
        model.addAttribute("delai", hours);
        model.addAttribute("errors", errors);
        return "registration/admin/queue";
    }

    private String leavePage(ManagedDay day, Registration r, String action, String motif, Map<String, String> errors,
                             Model model) {
        model.addAttribute("day", day);
        model.addAttribute("registration", r);
        model.addAttribute("action", action);
        model.addAttribute("motif", motif);
        model.addAttribute("errors", errors);
        return "registration/admin/leave";
    }

    private static String back(ManagedDay day) {
        return "redirect:/admin/journees/" + day.slug() + "/inscriptions";
    }

    private static Integer positive(String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            return n > 0 && n <= 100_000 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
