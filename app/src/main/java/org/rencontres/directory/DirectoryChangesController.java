package org.rencontres.directory;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' list of the directory changes that organisers asked for, and the approval or
 * refusal of each after a confirmation page. An organiser gets a 403: deciding them is the point.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DirectoryChangesController {

    static final String BASE = "/admin/annuaire/demandes";
    private final DirectoryChanges changes;
    private final MessageSource messages;

    @GetMapping(BASE)
    String list(@AuthenticationPrincipal Organiser organiser, Model model) {
        administrator(organiser);
        model.addAttribute("changes", changes.pending());
        return "directory/admin/changes";
    }

    @GetMapping({BASE + "/{id}/approuver", BASE + "/{id}/refuser"})
    String confirm(@AuthenticationPrincipal Organiser organiser, @PathVariable long id,
                   HttpServletRequest request, Model model, RedirectAttributes redirect) {
        administrator(organiser);
        DirectoryChanges.Change change = changes.find(id).orElseThrow(OrganisationsController.NotFound::new);
        if (change.status() != DirectoryChanges.Status.PENDING) {
            redirect.addFlashAttribute("refusal", "directory.change.error.decided");
            return "redirect:" + BASE;
        }
        return confirmPage(model, change, request.getRequestURI().endsWith("/approuver"), "", FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/approuver")
    String approve(@AuthenticationPrincipal Organiser organiser, @PathVariable long id, RedirectAttributes redirect) {
        administrator(organiser);
        try {
            DirectoryChanges.Change c = changes.approve(DirectoryActor.of(organiser), id);
            redirect.addFlashAttribute("notice", "directory.change.approved");
            redirect.addFlashAttribute("noticeArgument", c.requesterName());
        } catch (DirectoryRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/{id}/refuser")
    String refuse(@AuthenticationPrincipal Organiser organiser, @PathVariable long id,
                  @RequestParam(name = "motif", required = false) String reason, Model model, Locale locale,
                  RedirectAttributes redirect) {
        administrator(organiser);
        try {
            Saved<DirectoryChanges.Change> refused = changes.refuse(DirectoryActor.of(organiser), id, reason);
            if (!refused.ok()) {
                DirectoryChanges.Change change = changes.find(id).orElseThrow(OrganisationsController.NotFound::new);
                return confirmPage(model, change, false, reason, FormErrors.of(refused.problems(), messages, locale));
            }
            redirect.addFlashAttribute("notice", "directory.change.refused");
            redirect.addFlashAttribute("noticeArgument", refused.value().requesterName());
        } catch (DirectoryRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:" + BASE;
    }

    private String confirmPage(Model model, DirectoryChanges.Change change, boolean approve, String reason,
                               FormErrors errors) {
        model.addAttribute("change", change);
        model.addAttribute("approve", approve);
        model.addAttribute("motif", reason);
        model.addAttribute("errors", errors);
        return "directory/admin/change-confirm";
    }

    private static void administrator(Organiser organiser) {
        if (organiser == null || !organiser.isAdministrator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
