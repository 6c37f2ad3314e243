package org.rencontres.workshops;

import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionDay;
import org.rencontres.programme.Slot;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.web.Confirmation;
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
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkshopsAdminController {

    private final WorkshopsAdmin admin;
    private final MessageSource messages;

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
        return "redirect:" + path(day, slotId);
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
            return workshopPage(day, slot, workshop, WorkshopForm.of(workshop), FormErrors.none(), form,
                    FormErrors.of(problems, messages, locale), model);
        }
        redirect.addFlashAttribute("notice", "workshops.notice.facilitator.added");
        redirect.addFlashAttribute("noticeTitle", form.nom().strip());
        return "redirect:" + path(day, slotId) + "/" + workshopId + "#animation";
    }

    @GetMapping("/{workshopId}/animateurs/{facilitatorId}/suppression")
    String confirmRemoveFacilitator(ManagedDay day, @PathVariable long slotId, @PathVariable long workshopId,
                                    @PathVariable long facilitatorId, Model model, Locale locale) {
        admin.workshopSlot(day.id(), slotId);
        Workshop workshop = admin.workshop(day.id(), slotId, workshopId);
        Facilitator facilitator = admin.facilitator(workshopId, facilitatorId);
        String base = path(day, slotId) + "/" + workshopId;
        return Confirmation.of(
                message("workshops.facilitator.remove.title", locale, facilitator.name(), workshop.number()),
                message("workshops.facilitator.remove.warning", locale),
                base + "/animateurs/" + facilitatorId + "/suppression",
                message("workshops.facilitator.remove.confirm", locale), base + "#animation",
                message("workshops.remove.cancel", locale)).show(model);
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
        return "redirect:" + path(day, slotId) + "/" + workshopId + "#animation";
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
        return "redirect:" + path(day, slotId);
    }

    @GetMapping("/{workshopId}/suppression")
    String confirmRemove(ManagedDay day, @PathVariable long slotId, @PathVariable long workshopId, Model model,
                         Locale locale) {
        Slot slot = admin.workshopSlot(day.id(), slotId);
        Workshop workshop = admin.workshop(day.id(), slotId, workshopId);
        return Confirmation.of(message("workshops.remove.title", locale, workshop.number(), workshop.title()),
                message("workshops.remove.warning", locale, slot.title()),
                path(day, slotId) + "/" + workshopId + "/suppression", message("workshops.remove.confirm", locale),
                path(day, slotId), message("workshops.remove.cancel", locale)).show(model);
    }

    @PostMapping("/{workshopId}/suppression")
    String remove(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                  @PathVariable long workshopId, RedirectAttributes redirect) {
        String title = admin.workshop(day.id(), slotId, workshopId).title();
        admin.remove(day, organiser, slotId, workshopId);
        redirect.addFlashAttribute("notice", "workshops.notice.removed");
        redirect.addFlashAttribute("noticeTitle", title);
        return "redirect:" + path(day, slotId);
    }

    private String slotPage(ManagedDay day, Slot slot, WorkshopForm form, FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("slot", slot);
        // On a session of several days, the slot's own day: a 9h30 slot may exist on each of them.
        model.addAttribute("slotDate", day.days().isSingle() ? null
                : day.days().byId(slot.sessionDayId()).map(SessionDay::frenchDate).orElse(null));
        model.addAttribute("workshops", admin.ofSlot(day.id(), slot.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("methods", WritingTemplate.values());
        return "workshops/admin/slot";
    }

    private String workshopPage(ManagedDay day, Slot slot, Workshop workshop, WorkshopForm form,
                                FormErrors errors, Model model) {
        return workshopPage(day, slot, workshop, form, errors, FacilitatorForm.empty(), FormErrors.none(), model);
    }

    private String workshopPage(ManagedDay day, Slot slot, Workshop workshop, WorkshopForm form, FormErrors errors,
                                FacilitatorForm facilitatorForm, FormErrors facilitatorErrors, Model model) {
        model.addAttribute("facilitatorForm", facilitatorForm);
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

    private static String path(ManagedDay day, long slotId) {
        return "/admin/journees/" + day.slug() + "/ateliers/" + slotId;
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args.length == 0 ? null : args, locale);
    }
}
