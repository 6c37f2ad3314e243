package org.rencontres.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * An organiser's personal access tokens, on their account page: created (the secret shown on the answer to the
 * form, once, never stored), listed and revoked after a confirmation. An administrator sees and may revoke
 * everyone's.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApiTokensController {

    static final String PATH = "/admin/jetons";
    static final int MAX_NAME = 80;

    private final ApiTokens tokens;
    private final AccountForms forms;

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal Organiser me, Model model) {
        return page(me, model, "", ApiTokenScope.READ.name(), tokens.today().plusDays(90).toString(), FormErrors.none());
    }

    private String page(Organiser me, Model model, String name, String scope, String expiry, FormErrors errors) {
        model.addAttribute("tokens", me.isAdministrator() ? tokens.all() : tokens.ofAccount(me.accountId()));
        model.addAttribute("everyone", me.isAdministrator());
        model.addAttribute("now", Instant.now());
        model.addAttribute("scopes", ApiTokenScope.values());
        model.addAttribute("nom", name);
        model.addAttribute("portee", scope);
        model.addAttribute("expiration", expiry);
        model.addAttribute("latest", tokens.latestExpiry().toString());
        model.addAttribute("tomorrow", tokens.today().plusDays(1).toString());
        model.addAttribute("errors", errors);
        return "security/api-tokens";
    }

    @PostMapping(PATH)
    String create(@AuthenticationPrincipal Organiser me, @RequestParam(name = "nom", required = false) String name,
                  @RequestParam(name = "portee", required = false) String scope,
                  @RequestParam(name = "expiration", required = false) String expiry, Model model) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            problems.add(FieldProblem.of("nom", "apitoken.error.name", MAX_NAME));
        }
        ApiTokenScope chosen = null;
        try {
            chosen = ApiTokenScope.valueOf(scope == null ? "" : scope);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("portee-READ", "apitoken.error.scope"));
        }
        LocalDate lastDay = null;
        try {
            lastDay = LocalDate.parse(expiry == null ? "" : expiry.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of("expiration", "apitoken.error.expiry"));
        }
        if (lastDay != null && (!lastDay.isAfter(tokens.today()) || lastDay.isAfter(tokens.latestExpiry()))) {
            problems.add(FieldProblem.of("expiration", "apitoken.error.expiry"));
        }
        if (!problems.isEmpty()) {
            return page(me, model, name == null ? "" : name, scope == null ? "" : scope, expiry == null ? "" : expiry,
                    forms.errors(problems));
        }
        // The answer to the form shows the secret; it is neither stored nor put in the session (no redirect).
        ApiTokens.Issued issued = tokens.create(me.accountId(), name.strip(), chosen, lastDay);
        model.addAttribute("issued", issued);
        return page(me, model, "", ApiTokenScope.READ.name(), tokens.today().plusDays(90).toString(), FormErrors.none());
    }

    @GetMapping(PATH + "/{id}/revocation")
    String confirmRevoke(@AuthenticationPrincipal Organiser me, @PathVariable long id, Model model) {
        model.addAttribute("token", revocable(me, id));
        return "security/api-token-revoke";
    }

    @PostMapping(PATH + "/{id}/revocation")
    String revoke(@AuthenticationPrincipal Organiser me, @PathVariable long id, RedirectAttributes redirect) {
        ApiToken token = revocable(me, id);
        tokens.revoke(id, me);
        redirect.addFlashAttribute("done", forms.message("apitoken.revoked", token.name()));
        return "redirect:" + PATH;
    }

    /** The token, if this person may revoke it; another's token is as unknown to an organiser (404). */
    private ApiToken revocable(Organiser me, long id) {
        return tokens.find(id).filter(t -> tokens.mayRevoke(me, t))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
