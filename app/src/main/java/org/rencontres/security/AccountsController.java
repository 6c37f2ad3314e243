package org.rencontres.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators open accounts for organisers (and other administrators). */
@Controller
class AccountsController {

    private final Accounts accounts;
    private final AccountForms forms;

    AccountsController(Accounts accounts, AccountForms forms) {
        this.accounts = accounts;
        this.forms = forms;
    }

    @GetMapping("/admin/comptes")
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", new AccountForm("", "", "", ""));
        model.addAttribute("role", Role.ORGANISER.name());
        model.addAttribute("unite", "");
        model.addAttribute("errors", Map.of());
        return "security/accounts";
    }

    @PostMapping("/admin/comptes")
    String create(AccountForm form, @RequestParam(defaultValue = "ORGANISER") String role,
                  @RequestParam(name = "unite", required = false) String unit, Model model,
                  RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>(forms.validate(form));
        Role chosen = Role.ORGANISER;
        try {
            chosen = Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            errors.put("role", "account.error.role");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("accounts", accounts.all());
            model.addAttribute("roles", Role.values());
            model.addAttribute("form", form.withoutPasswords());
            model.addAttribute("role", role);
            model.addAttribute("unite", unit);
            model.addAttribute("errors", errors);
            return "security/accounts";
        }
        Account created = accounts.create(new NewAccount(form.courriel(), form.nom(), chosen, unit, form.motdepasse()));
        redirect.addFlashAttribute("created", created.email());
        return "redirect:/admin/comptes";
    }
}
