package org.rencontres.registration.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.registration.allocation.AllocationViews.Load;
import org.rencontres.registration.allocation.AllocationViews.View;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * The organiser's allocation of the day's participants to its workshops: the draft with its rank
 * profile and the workshops' loads, moves by hand, computing (again), publishing and unpublishing
 * (each after a confirmation page), and the roster of each workshop as PDF.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/ateliers/repartition")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkshopAllocationController {

    private final WorkshopAllocations allocations;
    private final AllocationViews views;
    private final Workshops workshops;
    private final WorkshopRosters rosters;
    private final MessageSource messages;

    @GetMapping
    String page(ManagedDay day, Model model, Locale locale) {
        View view = views.view(day.id());
        model.addAttribute("day", day);
        model.addAttribute("view", view);
        model.addAttribute("allocation", view.allocation().orElse(null));
        Map<Long, String> titles = new HashMap<>();
        workshops.ofDay(day.id()).forEach(w -> titles.put(w.id(), w.number() + ". " + w.title()));
        model.addAttribute("titles", titles);
        model.addAttribute("profiles", view.slots().stream().map(d -> profile(d.profile(), locale)).toList());
        return "registration/admin/allocation";
    }

    /** "34 ont leur premier choix, 6 leur deuxième, 2 un atelier qu'ils n'avaient pas choisi". */
    String profile(Map<Integer, Integer> profile, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (int rank : new int[] {1, 2, 3, 0, -1}) {
            Integer count = profile.get(rank);
            if (count != null && count > 0) {
                String key = switch (rank) {
                    case 1 -> "first";
                    case 2 -> "second";
                    case 3 -> "third";
                    case 0 -> count == 1 ? "unranked.one" : "unranked.many";
                    default -> "none";
                };
                // The singular forms are written without argument (so with a plain apostrophe).
                parts.add(messages.getMessage("registration.allocation.profile." + key,
                        key.endsWith(".one") ? null : new Object[] {count}, locale));
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts) + ".";
    }

    @GetMapping("/calcul")
    String confirmRun(ManagedDay day, Model model) {
        return confirmPage(day, "calcul", views.view(day.id()), FormErrors.none(), model);
    }

    /** The page that asks to confirm an act on the allocation (computing, publishing, unpublishing). */
    private static String confirmPage(ManagedDay day, String action, View view, FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("action", action);
        model.addAttribute("allocation", view.allocation().orElse(null));
        model.addAttribute("view", view);
        model.addAttribute("errors", errors);
        return "registration/admin/allocation-confirm";
    }

    @PostMapping("/calcul")
    String run(@AuthenticationPrincipal Organiser organiser, ManagedDay day, Model model, Locale locale,
               RedirectAttributes redirect, HttpServletResponse response) {
        try {
            int count = allocations.run(day, organiser);
            redirect.addFlashAttribute("notice", messages.getMessage("registration.allocation.notice.computed",
                    new Object[] {count}, locale));
        } catch (WorkshopAllocations.Refusal refusal) {
            return refused(day, refusal, model, locale, response);
        }
        return "redirect:" + base(day);
    }

    @PostMapping("/deplacement")
    String move(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                @RequestParam(name = "inscription", required = false) String registration,
                @RequestParam(name = "atelier", required = false) String workshop, Model model, Locale locale,
                RedirectAttributes redirect, HttpServletResponse response) {
        String anchor = "";
        Long registrationId = number(registration);
        Long workshopId = number(workshop);
        try {
            if (registrationId == null) {
                throw new WorkshopAllocations.Refusal("registration.allocation.error.participant.unknown");
            }
            if (workshopId == null) {
                throw new WorkshopAllocations.Refusal("registration.allocation.error.workshop.unknown");
            }
            Optional<Load> over = allocations.move(day, organiser, registrationId, workshopId);
            Workshop target = workshops.ofDay(day.id()).stream().filter(w -> w.id() == workshopId).findFirst().orElseThrow();
            View view = views.view(day.id());
            String who = view.lines().stream().filter(l -> l.registration().id() == registrationId)
                    .map(l -> l.registration().givenName() + " " + l.registration().surname()).findFirst().orElse("");
            int position = 1;
            for (int i = 0; i < view.slots().size(); i++) {
                if (view.slots().get(i).slot().holds(workshopId)) {
                    position = i + 1;
                }
            }
            anchor = "#participant-" + registrationId + (position == 1 ? "" : "-" + position);
            redirect.addFlashAttribute("notice", messages.getMessage("registration.allocation.notice.moved",
                    new Object[] {who, target.number(), target.title()}, locale));
            over.ifPresent(l -> redirect.addFlashAttribute("warning", messages.getMessage(
                    "registration.allocation.warning.over", new Object[] {l.workshop().number(), l.workshop().title(),
                            l.count(), l.workshop().capacity()}, locale)));
        } catch (WorkshopAllocations.Refusal refusal) {
            return refused(day, refusal, model, locale, response);
        }
        return "redirect:" + base(day) + anchor;
    }

    @GetMapping("/publication")
    String confirmPublish(ManagedDay day, Model model) {
        return confirmPage(day, "publication", views.view(day.id()), FormErrors.none(), model);
    }

    @PostMapping("/publication")
    String publish(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                   @RequestParam(name = "depassement", required = false) String overConfirmed, Model model,
                   Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        View view = views.view(day.id());
        if (view.overCapacity() && !"oui".equals(overConfirmed)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return confirmPage(day, "publication", view, FormErrors.of(List.of(FieldProblem.of("depassement",
                    "registration.allocation.error.over.confirm")), messages, locale), model);
        }
        try {
            int count = allocations.publish(day, organiser);
            redirect.addFlashAttribute("notice", messages.getMessage("registration.allocation.notice.published",
                    new Object[] {count}, locale));
        } catch (WorkshopAllocations.Refusal refusal) {
            return refused(day, refusal, model, locale, response);
        }
        return "redirect:" + base(day);
    }

    @GetMapping("/depublication")
    String confirmUnpublish(ManagedDay day, Model model) {
        return confirmPage(day, "depublication", views.view(day.id()), FormErrors.none(), model);
    }

    @PostMapping("/depublication")
    String unpublish(@AuthenticationPrincipal Organiser organiser, ManagedDay day, Model model,
                     Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            allocations.unpublish(day, organiser);
            redirect.addFlashAttribute("notice", messages.getMessage("registration.allocation.notice.unpublished",
                    null, locale));
        } catch (WorkshopAllocations.Refusal refusal) {
            return refused(day, refusal, model, locale, response);
        }
        return "redirect:" + base(day);
    }

    @GetMapping("/{workshopId}/liste.pdf")
    ResponseEntity<byte[]> roster(ManagedDay day,
                                  @PathVariable long workshopId) {
        Workshop workshop = workshops.ofDay(day.id()).stream().filter(w -> w.id() == workshopId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("atelier-" + workshop.number() + "-" + day.slug() + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(rosters.pdf(day, workshop));
    }

    private String refused(ManagedDay day, WorkshopAllocations.Refusal refusal, Model model, Locale locale,
                           HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("error", messages.getMessage(refusal.key, refusal.args, locale));
        return page(day, model, locale);
    }

    private static Long number(String text) {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(text.strip());
    }

    private static String base(ManagedDay day) {
        return "/admin/journees/" + day.slug() + "/ateliers/repartition";
    }
}
