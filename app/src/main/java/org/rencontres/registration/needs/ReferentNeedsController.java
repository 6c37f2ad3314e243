package org.rencontres.registration.needs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.shared.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The référent handicap's page of a session's needs, reached from the link they were e-mailed (no
 * account): the same list as the organisers', where they record the arrangement. A key unknown or made
 * for another session is a 404, an expired one (the session is over) a 410; neither shows anything.
 */
@Controller
@RequestMapping("/accessibilite/{slug}/{key}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReferentNeedsController {

    private final Days days;
    private final AccessibilityNeeds needs;
    private final ReferentLinks links;
    private final Arrangements arrangements;
    private final MessageSource messages;

    @GetMapping
    String page(@PathVariable String slug, @PathVariable String key, Model model, HttpServletResponse response) {
        Optional<Day> day = days.find(slug);
        ReferentLinks.Check check = day.map(d -> links.check(d.id(), key)).orElse(ReferentLinks.Check.UNKNOWN);
        if (check != ReferentLinks.Check.VALID) {
            response.setStatus(check == ReferentLinks.Check.EXPIRED ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", check.name());
            return "registration/needs/referent-refused";
        }
        model.addAttribute("day", day.get());
        model.addAttribute("action", ReferentLinks.path(slug, key) + "/");
        NeedsPages.list(needs, day.get().id(), model);
        return "registration/needs/referent";
    }

    @PostMapping("/{registrationId}")
    String update(@PathVariable String slug, @PathVariable String key, @PathVariable long registrationId,
                  ArrangementForm form, Model model, Locale locale, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Optional<Day> day = days.find(slug);
        ReferentLinks.Check check = day.map(d -> links.check(d.id(), key)).orElse(ReferentLinks.Check.UNKNOWN);
        if (check != ReferentLinks.Check.VALID || needs.find(day.get().id(), registrationId).isEmpty()) {
            if (check == ReferentLinks.Check.VALID) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("problem", ReferentLinks.Check.UNKNOWN.name());
                return "registration/needs/referent-refused";
            }
            return page(slug, key, model, response);
        }
        String referent = needs.referent(day.get().id()).orElse("?");
        List<FieldProblem> problems = arrangements.update(day.get().id(), registrationId, form, null,
                "Référent handicap (" + referent + ")");
        if (!problems.isEmpty()) {
            NeedsPages.rejected(registrationId, form, problems, messages, locale, model);
            String shown = page(slug, key, model, response);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return shown;
        }
        redirect.addFlashAttribute("notice", "registration.needs.saved");
        return "redirect:" + ReferentLinks.path(slug, key) + "#besoin-" + registrationId;
    }
}
