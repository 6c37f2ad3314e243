package org.rencontres.webhooks;

import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.security.Organiser;
import org.rencontres.web.Confirmation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * One subscription: its delivery log, « Renvoyer », disabling, rotating the secret, deleting. The subscription of
 * the address is loaded once, by {@link #subscription}, before any handler runs: 404 when there is none or when it
 * belongs to another unit than the organiser's (its number tells another unit nothing).
 */
@Controller
@RequestMapping("/admin/webhooks/{id}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WebhookController {

    private final Subscriptions subscriptions;
    private final MessageSource messages;

    @ModelAttribute("subscription")
    Subscription subscription(@PathVariable("id") long id, @AuthenticationPrincipal Organiser organiser) {
        return subscriptions.find(id).filter(s -> organiser != null && organiser.mayManage(s.organisingUnit()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping
    String show(@ModelAttribute("subscription") Subscription subscription, Model model) {
        model.addAttribute("deliveries", subscriptions.log(subscription.id()));
        return "webhooks/subscription";
    }

    @PostMapping("/desactivation")
    String disable(@ModelAttribute("subscription") Subscription subscription, RedirectAttributes redirect) {
        subscriptions.enable(subscription.id(), false);
        return back(subscription, redirect, "webhooks.disabled");
    }

    @PostMapping("/activation")
    String enable(@ModelAttribute("subscription") Subscription subscription, RedirectAttributes redirect) {
        subscriptions.enable(subscription.id(), true);
        return back(subscription, redirect, "webhooks.enabled");
    }

    @PostMapping("/secret")
    String rotate(@ModelAttribute("subscription") Subscription subscription, RedirectAttributes redirect) {
        redirect.addFlashAttribute("secret", subscriptions.rotate(subscription.id()));
        return back(subscription, redirect, "webhooks.rotated");
    }

    @PostMapping("/envois/{delivery}/renvoi")
    String resend(@ModelAttribute("subscription") Subscription subscription, @PathVariable("delivery") long delivery,
                  RedirectAttributes redirect) {
        if (!subscriptions.resend(subscription.id(), delivery)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return back(subscription, redirect, "webhooks.resent");
    }

    @GetMapping("/suppression")
    String confirmDelete(@ModelAttribute("subscription") Subscription subscription, Model model, Locale locale) {
        String path = "/admin/webhooks/" + subscription.id();
        return Confirmation.of(text("webhooks.delete.title", locale),
                messages.getMessage("webhooks.delete.text", new Object[] {subscription.url()}, locale),
                path + "/suppression", text("webhooks.delete.confirm", locale), path, text("webhooks.delete.cancel", locale))
                .show(model);
    }

    @PostMapping("/suppression")
    String delete(@ModelAttribute("subscription") Subscription subscription, RedirectAttributes redirect) {
        subscriptions.delete(subscription.id());
        redirect.addFlashAttribute("done", "webhooks.deleted");
        return "redirect:/admin/webhooks";
    }

    private String back(Subscription subscription, RedirectAttributes redirect, String done) {
        redirect.addFlashAttribute("done", done);
        return "redirect:/admin/webhooks/" + subscription.id();
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
