package org.rencontres.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in person changes their own password (their current one asked first), and anyone holding a
 * reset link chooses a new one. Either way every other session of the account ends.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PasswordController {

    private final Accounts accounts;
    private final AccountForms forms;
    private final PasswordResets resets;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    @GetMapping("/admin/mot-de-passe")
    String changeForm(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "security/password";
    }

    @PostMapping("/admin/mot-de-passe")
    String change(@AuthenticationPrincipal Organiser me, @RequestParam(defaultValue = "") String actuel,
                  @RequestParam(defaultValue = "") String motdepasse,
                  @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        List<FieldProblem> problems = forms.passwordChange(me, actuel, motdepasse, confirmation,
                request.getRemoteAddr());
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", forms.errors(problems));
            return "security/password";
        }
        Account account = accounts.changePassword(me.accountId(), motdepasse);
        // This session carries on with the new credentials version; every other one ends.
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        Organiser renewed = new Organiser(account, null);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(renewed, null,
                renewed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("changed", true);
        return "redirect:/admin/mot-de-passe";
    }

    @GetMapping(PasswordResets.PATH)
    String resetForm(@RequestParam(name = "jeton", required = false) String token, Model model,
                     HttpServletResponse response) {
        model.addAttribute("errors", FormErrors.none());
        return resetPage(token, model, response);
    }

    private String resetPage(String token, Model model, HttpServletResponse response) {
        Account account = resets.account(token).orElse(null);
        if (account == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "security/reset-invalid";
        }
        model.addAttribute("jeton", token);
        model.addAttribute("account", account);
        return "security/reset";
    }

    @PostMapping(PasswordResets.PATH)
    String reset(@RequestParam(name = "jeton", required = false) String token,
                 @RequestParam(defaultValue = "") String motdepasse,
                 @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response) {
        Account account = resets.account(token).orElse(null);
        if (account == null) {
            return resetPage(token, model, response);
        }
        List<FieldProblem> problems = forms.password(motdepasse, confirmation,
                List.of(account.displayName(), account.email()));
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", forms.errors(problems));
            return resetPage(token, model, response);
        }
        if (!resets.use(token, motdepasse)) {
            return resetPage(token, model, response);
        }
        return "redirect:/connexion?nouveau";
    }
}
