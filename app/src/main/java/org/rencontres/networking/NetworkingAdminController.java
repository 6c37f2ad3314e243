package org.rencontres.networking;

import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.programme.Slot;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.web.Confirmation;
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

/** The back office's page for the rotation ("speed dating") of a networking slot: create, edit, remove. */
@Controller
@RequestMapping("/admin/journees/{slug}/reseautage/{slotId}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NetworkingAdminController {

    private final NetworkingAdmin admin;
    private final MessageSource messages;

    @GetMapping
    String form(ManagedDay day, @PathVariable long slotId,
                Model model) {
        Slot slot = admin.networkingSlot(day.id(), slotId);
        NetworkingForm form = admin.ofSlot(day.id(), slotId).map(NetworkingForm::of)
                .orElseGet(() -> NetworkingForm.forNew(slot.title(), slot.description()));
        return page(day, slot, form, FormErrors.none(), model);
    }

    @PostMapping
    String save(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                NetworkingForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Slot slot = admin.networkingSlot(day.id(), slotId);
        List<FieldProblem> problems = admin.save(day, organiser, slotId, form);
        if (!problems.isEmpty()) {
            return page(day, slot, form, FormErrors.of(problems, messages, locale), model);
        }
        redirect.addFlashAttribute("notice", "networking.notice.saved");
        return "redirect:" + path(day, slotId);
    }

    @GetMapping("/suppression")
    String confirmRemove(ManagedDay day, @PathVariable long slotId, Model model, Locale locale) {
        Slot slot = admin.networkingSlot(day.id(), slotId);
        NetworkingSession rotation = admin.ofSlot(day.id(), slotId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String path = path(day, slotId);
        return Confirmation.of(message("networking.remove.title", locale, rotation.title()),
                message("networking.remove.warning", locale, slot.title()), path + "/suppression",
                message("networking.remove.confirm", locale), path, message("networking.remove.cancel", locale))
                .show(model);
    }

    @PostMapping("/suppression")
    String remove(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                  RedirectAttributes redirect) {
        admin.remove(day, organiser, slotId);
        redirect.addFlashAttribute("notice", "networking.notice.removed");
        return "redirect:" + path(day, slotId);
    }

    private static String path(ManagedDay day, long slotId) {
        return "/admin/journees/" + day.slug() + "/reseautage/" + slotId;
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args.length == 0 ? null : args, locale);
    }

    private String page(ManagedDay day, Slot slot, NetworkingForm form, FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("slot", slot);
        model.addAttribute("slotDate", RotationDay.shown(day, slot));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("exists", admin.ofSlot(day.id(), slot.id()).isPresent());
        return "networking/admin/session";
    }
}
