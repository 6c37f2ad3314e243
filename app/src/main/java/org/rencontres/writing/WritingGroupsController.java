package org.rencontres.writing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.HalfDay;
import org.rencontres.programme.Slot;
import org.rencontres.security.ManagedDay;
import org.rencontres.security.Organiser;
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
class WritingGroupsController {

        private final WritingGroups groups;
    private final Attendances attendances;

    private final WritingHub hub;

    WritingGroupsController(WritingGroups groups, Attendances attendances, WritingHub hub) {
        this.hub = hub;
        this.groups = groups;
        this.attendances = attendances;
    }

    @GetMapping
    String page(ManagedDay day, Model model) {
        return page(day, GroupSetForm.empty(attendances.current(day.id())), Map.of(), model);
    }

    private String page(ManagedDay day, GroupSetForm form, Map<String, String> errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("sets", groups.ofDay(day.id()));
        model.addAttribute("slots", groups.slots(day.id()));
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
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        GroupSetForm form = new GroupSetForm(title, slot, size, halfDay, template);
        List<Long> slots = groups.slots(day.id()).stream().map(Slot::id).toList();
        Map<String, String> errors = form.problems(slots);
        if (errors.isEmpty()) {
            Optional<Long> created = groups.create(day.id(), form.request(), organiser);
            if (created.isPresent()) {
                redirect.addFlashAttribute("notice", "writing.groups.created");
                return "redirect:/admin/journees/" + day.slug() + "/ecriture/groupes#groupes-" + created.get();
            }
            errors = Map.of("demi-journee", "writing.groups.error.nobody");
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(day, form, errors, model);
    }

    private WritingGroups.GroupSet set(ManagedDay day, long id) {
        return groups.find(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Adds the people marked present since the split was made to its groups (a new group when they are many). */
    @PostMapping("/{id}/retardataires")
    String addLate(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                   RedirectAttributes redirect) {
        WritingGroups.LateAdded added = groups.addLate(day.id(), id, organiser)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("notice", added.people() == 0 ? "writing.groups.late.nobody"
                : added.newGroups().isEmpty() ? "writing.groups.late.added" : "writing.groups.late.added.new");
        return "redirect:/admin/journees/" + day.slug() + "/ecriture/groupes#groupes-" + id;
    }

    /** The confirmation page of deleting a split: its groups and their documents go with it. */
    @GetMapping("/{id}/suppression")
    String deletePage(ManagedDay day, @PathVariable long id,
                      Model model) {
        model.addAttribute("day", day);
        model.addAttribute("set", set(day, id));
        return "writing/admin/groups-delete";
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
