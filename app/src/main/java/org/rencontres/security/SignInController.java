package org.rencontres.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The sign-in page; the form is handled by Spring Security. */
@Controller
class SignInController {

    @GetMapping("/connexion")
    String signIn() {
        return "security/sign-in";
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
