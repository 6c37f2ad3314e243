package org.rencontres.registration.needs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
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
 * The organisers' page of a session's accessibility needs: each request's needs, its arrangement and
 * state, editable; who waits when the session has no référent handicap to tell.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/accessibilite")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NeedsAdminController {

    private final AccessibilityNeeds needs;
    private final Arrangements arrangements;
    private final MessageSource messages;

    @GetMapping
    String list(ManagedDay day, Model model) {
        return page(day, model);
    }

    @PostMapping("/{registrationId}")
    String update(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long registrationId,
                  ArrangementForm form, Model model, Locale locale, RedirectAttributes redirect,
                  HttpServletResponse response) {
        if (needs.find(day.id(), registrationId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<FieldProblem> problems = arrangements.update(day.id(), registrationId, form, organiser.accountId(),
                organiser.displayName());
        if (!problems.isEmpty()) {
            NeedsPages.rejected(registrationId, form, problems, messages, locale, model);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(day, model);
        }
        redirect.addFlashAttribute("notice", "registration.needs.saved");
        return "redirect:/admin/journees/" + day.slug() + "/accessibilite#besoin-" + registrationId;
    }

    @PostMapping("/referent")
    String sendLink(@AuthenticationPrincipal Organiser organiser, ManagedDay day, RedirectAttributes redirect) {
        Optional<String> sent = arrangements.sendReferentLink(day.id(), organiser.accountId(), organiser.displayName());
        redirect.addFlashAttribute("notice", sent.isPresent() ? "registration.needs.referent.sent"
                : "registration.needs.referent.missing");
        return "redirect:/admin/journees/" + day.slug() + "/accessibilite";
    }

    private String page(ManagedDay day, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("action", "/admin/journees/" + day.slug() + "/accessibilite/");
        model.addAttribute("referent", needs.referent(day.id()).isPresent());
        model.addAttribute("unreferred", needs.unreferred(day.id()));
        NeedsPages.list(needs, day.id(), model);
        return "registration/needs/admin";
    }
}
