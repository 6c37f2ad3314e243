package org.rencontres.webhooks;

import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The unit's subscriptions and the form of a new one ({@code /admin/webhooks}). */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WebhooksController {

    private final Subscriptions subscriptions;
    private final MessageSource messages;

    @GetMapping("/admin/webhooks")
    String list(@AuthenticationPrincipal Organiser organiser, Model model) {
        return page(organiser, model, "", "", List.of(), FormErrors.none());
    }

    @PostMapping("/admin/webhooks")
    String create(@AuthenticationPrincipal Organiser organiser,
                  @RequestParam(name = "url", defaultValue = "") String url,
                  @RequestParam(name = "unite", defaultValue = "") String unit,
                  @RequestParam(name = "types", required = false) List<String> types,
                  Model model, Locale locale, RedirectAttributes redirect) {
        Subscriptions.Outcome outcome = subscriptions.create(organiser, unit, url, types);
        if (!outcome.problems().isEmpty()) {
            return page(organiser, model, url, unit, types == null ? List.of() : types,
                    FormErrors.of(outcome.problems(), messages, locale));
        }
        redirect.addFlashAttribute("secret", outcome.created().secret());
        redirect.addFlashAttribute("done", "webhooks.created");
        return "redirect:/admin/webhooks/" + outcome.created().id();
    }

    private String page(Organiser organiser, Model model, String url, String unit, List<String> types,
                        FormErrors errors) {
        model.addAttribute("subscriptions", subscriptions.visibleTo(organiser));
        model.addAttribute("types", WebhookEventType.values());
        model.addAttribute("chosen", types);
        model.addAttribute("url", url);
        model.addAttribute("unite", unit);
        model.addAttribute("asksUnit", organiser.organisingUnit() == null);
        model.addAttribute("errors", errors);
        return "webhooks/list";
    }
}
