package org.rencontres.security;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
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
 * Administrators open accounts for organisers (and other administrators), disable, re-enable and delete
 * them (never their own, never the last administrator), and send a one-time link to choose a new password.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccountsController {

    private final Accounts accounts;
    private final AccountForms forms;
    private final PasswordResets resets;

    @GetMapping("/admin/comptes")
    String list(Model model) {
        return page(model, new AccountForm("", "", "", ""), Role.ORGANISER.name(), "", FormErrors.none());
    }

    private String page(Model model, AccountForm form, String role, String unit, FormErrors errors) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("role", role);
        model.addAttribute("unite", unit);
        model.addAttribute("errors", errors);
        return "security/accounts";
    }

    @PostMapping("/admin/comptes")
    String create(AccountForm form, @RequestParam(defaultValue = "ORGANISER") String role,
                  @RequestParam(name = "unite", required = false) String unit, Model model,
                  RedirectAttributes redirect) {
        List<FieldProblem> problems = forms.validate(form, role);
        if (!problems.isEmpty()) {
            return page(model, form.withoutPasswords(), role, unit, forms.errors(problems));
        }
        Account created = accounts.create(new NewAccount(form.courriel(), form.nom(), AccountForms.role(role), unit,
                form.motdepasse()));
        redirect.addFlashAttribute("created", created.email());
        return "redirect:/admin/comptes";
    }

    @PostMapping("/admin/comptes/{id}/desactivation")
    String disable(@PathVariable long id, @AuthenticationPrincipal Organiser me, RedirectAttributes redirect) {
        return outcome(accounts.disable(me.accountId(), id), "disabled", id, redirect);
    }

    @PostMapping("/admin/comptes/{id}/reactivation")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return outcome(accounts.enable(id), "enabled", id, redirect);
    }

    @GetMapping("/admin/comptes/{id}/suppression")
    String confirmDelete(@PathVariable long id, @AuthenticationPrincipal Organiser me, Model model) {
        Account account = accounts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("account", account);
        model.addAttribute("self", id == me.accountId());
        return "security/account-delete";
    }

    @PostMapping("/admin/comptes/{id}/suppression")
    String delete(@PathVariable long id, @AuthenticationPrincipal Organiser me, RedirectAttributes redirect) {
        String email = accounts.find(id).map(Account::email).orElse("");
        Accounts.Change change = accounts.delete(me.accountId(), id);
        if (change == Accounts.Change.DONE) {
            redirect.addFlashAttribute("done", forms.message("accounts.deleted", email));
            return "redirect:/admin/comptes";
        }
        return outcome(change, "deleted", id, redirect);
    }

    @PostMapping("/admin/comptes/{id}/reinitialisation")
    String sendReset(@PathVariable long id, @AuthenticationPrincipal Organiser me, RedirectAttributes redirect) {
        Account account = resets.send(id, me.displayName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("done", forms.message("accounts.reset.sent", account.email(),
                PasswordResets.VALIDITY.toHours()));
        return "redirect:/admin/comptes";
    }

    private String outcome(Accounts.Change change, String what, long id, RedirectAttributes redirect) {
        switch (change) {
            case UNKNOWN -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case DONE -> redirect.addFlashAttribute("done",
                    forms.message("accounts." + what, accounts.find(id).map(Account::email).orElse("")));
            case SELF -> redirect.addFlashAttribute("refused", forms.text("accounts.refused.self"));
            case LAST_ADMINISTRATOR -> redirect.addFlashAttribute("refused", forms.text("accounts.refused.last"));
        }
        return "redirect:/admin/comptes";
    }
}
