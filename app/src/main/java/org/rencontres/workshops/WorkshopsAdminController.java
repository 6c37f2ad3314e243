package org.rencontres.workshops;

import org.rencontres.shared.FormErrors;
import org.rencontres.shared.FieldProblem;

import java.util.List;
import java.util.Locale;

import org.rencontres.programme.Slot;
import org.rencontres.security.ManagedDay;
import org.rencontres.security.Organiser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The back office's pages for the workshops of a workshop slot: list and add, edit, remove. */
@Controller
@RequestMapping("/admin/journees/{slug}/ateliers/{slotId}")
class WorkshopsAdminController {

        private final WorkshopsAdmin admin;
    private final MessageSource messages;

    WorkshopsAdminController(WorkshopsAdmin admin, MessageSource messages) {
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping
    String slot(ManagedDay day, @PathVariable long slotId,
                Model model) {
        Slot slot = admin.workshopSlot(day.id(), slotId);
        return slotPage(day, slot, WorkshopForm.forNew(admin.nextNumber(day.id())), FormErrors.none(), model);
    }

    @PostMapping
    String add(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
               WorkshopForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Slot slot = admin.workshopSlot(day.id(), slotId);
        List<FieldProblem> problems = admin.add(day, organiser, slotId, form);
        if (!problems.isEmpty()) {
            return slotPage(day, slot, form, FormErrors.of(problems, messages, locale), model);
        }
        redirect.addFlashAttribute("notice", "workshops.notice.added");
        redirect.addFlashAttribute("noticeTitle", form.titre().strip());
        return "redirect:/admin/journees/" + day.slug() + "/ateliers/" + slotId;
    }

    @GetMapping("/{workshopId}")
    String workshop(ManagedDay day, @PathVariable long slotId,
                    @PathVariable long workshopId, Model model) {
        Slot slot = admin.workshopSlot(day.id(), slotId);
        Workshop workshop = admin.workshop(day.id(), slotId, workshopId);
        return workshopPage(day, slot, workshop, WorkshopForm.of(workshop), FormErrors.none(), model);
    }

    @PostMapping("/{workshopId}/animateurs")
    String addFacilitator(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                          @PathVariable long slotId, @PathVariable long workshopId, FacilitatorForm form, Model model,
                          Locale locale, RedirectAttributes redirect) {
        Slot slot = admin.workshopSlot(day.id(), slotId);
        Workshop workshop = admin.workshop(day.id(), slotId, workshopId);
        List<FieldProblem> problems = admin.addFacilitator(day, organiser, slotId, workshopId, form);
        if (!problems.isEmpty()) {
            model.addAttribute("facilitatorForm", form);
            return workshopPage(day, slot, workshop, WorkshopForm.of(workshop), FormErrors.none(), model,
                    FormErrors.of(problems, messages, locale));
        }
        redirect.addFlashAttribute("notice", "workshops.notice.facilitator.added");
        redirect.addFlashAttribute("noticeTitle", form.nom().strip());
        return "redirect:/admin/journees/" + day.slug() + "/ateliers/" + slotId + "/" + workshopId + "#animation";
    }

    @GetMapping("/{workshopId}/animateurs/{facilitatorId}/suppression")
    String confirmRemoveFacilitator(ManagedDay day,
                                    @PathVariable long slotId, @PathVariable long workshopId,
                                    @PathVariable long facilitatorId, Model model) {
        Slot slot = admin.workshopSlot(day.id(), slotId);
        model.addAttribute("day", day);
        model.addAttribute("slot", slot);
        model.addAttribute("workshop", admin.workshop(day.id(), slotId, workshopId));
        model.addAttribute("facilitator", admin.facilitator(workshopId, facilitatorId));
        return "workshops/admin/remove-facilitator";
    }

    @PostMapping("/{workshopId}/animateurs/{facilitatorId}/suppression")
    String removeFacilitator(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                             @PathVariable long slotId, @PathVariable long workshopId,
                             @PathVariable long facilitatorId, RedirectAttributes redirect) {
        admin.workshopSlot(day.id(), slotId);
        admin.workshop(day.id(), slotId, workshopId);
        String name = admin.facilitator(workshopId, facilitatorId).name();
        admin.removeFacilitator(day, organiser, slotId, workshopId, facilitatorId);
        redirect.addFlashAttribute("notice", "workshops.notice.facilitator.removed");
        redirect.addFlashAttribute("noticeTitle", name);
        return "redirect:/admin/journees/" + day.slug() + "/ateliers/" + slotId + "/" + workshopId + "#animation";
    }

    @PostMapping("/{workshopId}")
    String update(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                  @PathVariable long workshopId, WorkshopForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Slot slot = admin.workshopSlot(day.id(), slotId);
        Workshop workshop = admin.workshop(day.id(), slotId, workshopId);
        List<FieldProblem> problems = admin.update(day, organiser, slotId, workshopId, form);
        if (!problems.isEmpty()) {
            return workshopPage(day, slot, workshop, form, FormErrors.of(problems, messages, locale), model);
        }
        redirect.addFlashAttribute("notice", "workshops.notice.updated");
        redirect.addFlashAttribute("noticeTitle", form.titre().strip());
        return "redirect:/admin/journees/" + day.slug() + "/ateliers/" + slotId;
    }

    @GetMapping("/{workshopId}/suppression")
    String confirmRemove(ManagedDay day,
                         @PathVariable long slotId, @PathVariable long workshopId, Model model) {
        Slot slot = admin.workshopSlot(day.id(), slotId);
        model.addAttribute("day", day);
        model.addAttribute("slot", slot);
        model.addAttribute("workshop", admin.workshop(day.id(), slotId, workshopId));
        return "workshops/admin/remove";
    }

    @PostMapping("/{workshopId}/suppression")
    String remove(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                  @PathVariable long workshopId, RedirectAttributes redirect) {
        String title = admin.workshop(day.id(), slotId, workshopId).title();
        admin.remove(day, organiser, slotId, workshopId);
        redirect.addFlashAttribute("notice", "workshops.notice.removed");
        redirect.addFlashAttribute("noticeTitle", title);
        return "redirect:/admin/journees/" + day.slug() + "/ateliers/" + slotId;
    }

    private String slotPage(ManagedDay day, Slot slot, WorkshopForm form, FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("slot", slot);
        model.addAttribute("workshops", admin.ofSlot(day.id(), slot.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("methods", WritingTemplate.values());
        return "workshops/admin/slot";
    }

    private String workshopPage(ManagedDay day, Slot slot, Workshop workshop, WorkshopForm form,
                                FormErrors errors, Model model) {
        return workshopPage(day, slot, workshop, form, errors, model, FormErrors.none());
    }

    private String workshopPage(ManagedDay day, Slot slot, Workshop workshop, WorkshopForm form,
                                FormErrors errors, Model model, FormErrors facilitatorErrors) {
        if (!model.containsAttribute("facilitatorForm")) {
            model.addAttribute("facilitatorForm", FacilitatorForm.empty());
        }
        model.addAttribute("facilitators", admin.facilitators(workshop.id()));
        model.addAttribute("facilitatorErrors", facilitatorErrors);
        model.addAttribute("day", day);
        model.addAttribute("slot", slot);
        model.addAttribute("workshop", workshop);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("methods", WritingTemplate.values());
        return "workshops/admin/workshop";
    }
}
