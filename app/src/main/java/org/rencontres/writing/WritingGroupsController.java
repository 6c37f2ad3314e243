package org.rencontres.writing;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FormErrors;
import org.rencontres.web.Confirmation;
import org.rencontres.writing.WritingGroups.Created;
import org.rencontres.writing.WritingGroups.GroupSet;
import org.rencontres.writing.WritingGroups.LateAdded;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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

/** The day's small groups in the back office: the splits with their groups, a new split, deleting one. */
@Controller
@RequestMapping("/admin/journees/{slug}/ecriture/groupes")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingGroupsController {

    private final WritingGroups groups;
    private final Attendances attendances;
    private final WritingHub hub;
    private final MessageSource messages;

    @GetMapping
    String page(ManagedDay day, Model model) {
        return page(day, GroupSetForm.empty(attendances.current(day.id())), FormErrors.none(), model);
    }

    private String page(ManagedDay day, GroupSetForm form, FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("sets", groups.ofDay(day.id()));
        model.addAttribute("slots", groups.slots(day.id()));
        model.addAttribute("slotLabels", groups.slotLabels(day.id()));
        model.addAttribute("halfDays", HalfDay.values());
        model.addAttribute("present", Map.of(
                HalfDay.MORNING.slug(), groups.splittable(day.id(), HalfDay.MORNING).size(),
                HalfDay.AFTERNOON.slug(), groups.splittable(day.id(), HalfDay.AFTERNOON).size()));
        model.addAttribute("templates", DocumentTemplate.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sizeMin", WritingGroups.SIZE_MIN);
        model.addAttribute("sizeMax", WritingGroups.SIZE_MAX);
        return "writing/admin/groups";
    }

    @PostMapping
    String create(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                  @RequestParam(name = "titre", defaultValue = "") String title,
                  @RequestParam(name = "creneau", defaultValue = "") String slot,
                  @RequestParam(name = "taille", defaultValue = "") String size,
                  @RequestParam(name = "demi-journee", defaultValue = "") String halfDay,
                  @RequestParam(name = "modele", defaultValue = "") String template,
                  Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        GroupSetForm form = new GroupSetForm(title, slot, size, halfDay, template);
        Created created = groups.create(day.id(), form, organiser);
        if (!created.problems().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(day, form, FormErrors.of(created.problems(), messages, locale), model);
        }
        redirect.addFlashAttribute("notice", "writing.groups.created");
        return "redirect:/admin/journees/" + day.slug() + "/ecriture/groupes#groupes-" + created.setId();
    }

    private GroupSet set(ManagedDay day, long id) {
        return groups.find(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Adds the people marked present since the split was made to its groups (a new group when they are many). */
    @PostMapping("/{id}/retardataires")
    String addLate(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                   RedirectAttributes redirect) {
        LateAdded added = groups.addLate(day.id(), id, organiser)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("notice", added.people() == 0 ? "writing.groups.late.nobody"
                : added.newGroups().isEmpty() ? "writing.groups.late.added" : "writing.groups.late.added.new");
        return "redirect:/admin/journees/" + day.slug() + "/ecriture/groupes#groupes-" + id;
    }

    /** The confirmation page of deleting a split: its groups and their documents go with it. */
    @GetMapping("/{id}/suppression")
    String deletePage(ManagedDay day, @PathVariable long id, Model model, Locale locale) {
        GroupSet set = set(day, id);
        String page = "/admin/journees/" + day.slug() + "/ecriture/groupes";
        return Confirmation.of(message("writing.groups.delete.title", locale, set.title()),
                message("writing.groups.delete.explain", locale, set.groups().size(), set.people()),
                page + "/" + id + "/suppression", message("writing.groups.delete.confirm", locale), page,
                message("writing.groups.delete.cancel", locale)).show(model);
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    @PostMapping("/{id}/suppression")
    String delete(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                  RedirectAttributes redirect) {
        // The browsers still on those documents are disconnected (they are then refused: the documents are gone).
        groups.delete(day.id(), id, organiser).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                .forEach(hub::reopened);
        redirect.addFlashAttribute("notice", "writing.groups.deleted");
        return "redirect:/admin/journees/" + day.slug() + "/ecriture/groupes";
    }
}
