package org.rencontres.security;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/** The one-time set-up link: the first administrator chooses their e-mail and password. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SetupController {

    private final SetupTokens tokens;
    private final Accounts accounts;
    private final AccountForms forms;

    @GetMapping("/admin/installation")
    String form(@RequestParam(name = "jeton", required = false) String token, Model model) {
        requireValid(token);
        model.addAttribute("jeton", token);
        model.addAttribute("form", new AccountForm("", "", "", ""));
        model.addAttribute("errors", FormErrors.none());
        return "security/setup";
    }

    @PostMapping("/admin/installation")
    String create(@RequestParam(name = "jeton", required = false) String token, AccountForm form, Model model) {
        requireValid(token);
        List<FieldProblem> problems = forms.validate(form);
        if (!problems.isEmpty()) {
            model.addAttribute("jeton", token);
            model.addAttribute("form", form.withoutPasswords());
            model.addAttribute("errors", forms.errors(problems));
            return "security/setup";
        }
        if (!tokens.use(token)) {
            throw new InvalidSetupLink();
        }
        accounts.create(new NewAccount(form.courriel(), form.nom(), Role.ADMINISTRATOR, null, form.motdepasse()));
        return "redirect:/connexion?installe";
    }

    private void requireValid(String token) {
        if (!tokens.isValid(token)) {
            throw new InvalidSetupLink();
        }
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class InvalidSetupLink extends ResponseStatusException {
        InvalidSetupLink() {
            super(HttpStatus.NOT_FOUND, "Set-up link unknown, used or expired");
        }
    }
}
