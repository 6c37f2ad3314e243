package org.rencontres.security;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The sign-in page; the form is handled by Spring Security. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SignInController {

    private final Accounts accounts;
    private final SsoProperties sso;

    /**
     * While no administrator exists (a fresh install), the page says how to create the first one: the
     * set-up link {@link FirstAdministrator} printed in the log, or its two environment variables. The
     * link itself is never shown here: whoever opens it becomes administrator.
     */
    @GetMapping("/connexion")
    String signIn(Model model) {
        model.addAttribute("firstStart", !accounts.hasAdministrator());
        model.addAttribute("passwords", sso.passwordsAllowed());
        model.addAttribute("sso", sso.enabled() ? new SignOnButton(SingleSignOn.START_PATH, sso.displayName()) : null);
        return "security/sign-in";
    }

    /** The single sign-on button: where it goes and what it says. */
    record SignOnButton(String path, String label) {
    }

    /** Every page knows who is signed in, for the header's sign-out button. */
    @ControllerAdvice
    static class CurrentOrganiser {
        @ModelAttribute("currentOrganiser")
        Organiser currentOrganiser(@AuthenticationPrincipal Organiser organiser) {
            return organiser;
        }
    }
}
