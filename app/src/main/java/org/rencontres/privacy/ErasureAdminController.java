package org.rencontres.privacy;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.security.Organiser;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.web.Confirmation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The organisers' side of the erasure requests ({@code /admin/donnees-personnelles/effacements}): the
 * requests of the people registered to the sessions they manage, each with who asks and since when; a
 * request is erased (after the one confirmation page) or refused with a reason. A request of another
 * unit's people is not found (404), as if it did not exist: that someone asked is itself personal.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ErasureAdminController {

    private static final String BASE = "/admin/donnees-personnelles/effacements";

    private final ErasureRequests erasures;
    private final PersonalDataExport export;
    private final MessageSource messages;

    /** A request as the pages show it: the request, whom it names and for how long it has waited. */
    record Row(ErasureRequest request, String name, long waitingDays) {
    }

    @GetMapping(BASE)
    String list(@AuthenticationPrincipal Organiser organiser, Model model) {
        model.addAttribute("rows", erasures.visibleTo(organiser).stream().map(this::row).toList());
        return "privacy/rights-requests";
    }

    @GetMapping(BASE + "/{id}")
    String show(@AuthenticationPrincipal Organiser organiser, @PathVariable long id, Model model, Locale locale) {
        return page(organiser, id, "", FormErrors.none(), model, locale);
    }

    @GetMapping(BASE + "/{id}/effacer")
    String confirmErasure(@AuthenticationPrincipal Organiser organiser, @PathVariable long id, Model model, Locale locale) {
        Row row = row(visible(organiser, id));
        if (!row.request().pending()) {
            return "redirect:" + BASE + "/" + id;
        }
        return Confirmation.of(text("privacy.rights.admin.erase.title", locale, row.name()),
                        text("privacy.rights.admin.erase.text", locale), BASE + "/" + id + "/effacer",
                        text("privacy.rights.admin.erase.confirm", locale), BASE + "/" + id,
                        text("privacy.rights.admin.back", locale))
                .alerting(text("privacy.rights.admin.erase.alert", locale)).show(model);
    }

    @PostMapping(BASE + "/{id}/effacer")
    String erase(@AuthenticationPrincipal Organiser organiser, @PathVariable long id, RedirectAttributes redirect) {
        visible(organiser, id);
        try {
            erasures.erase(id, organiser);
            redirect.addFlashAttribute("notice", "privacy.rights.admin.erased");
        } catch (ErasureRequests.NotPendingException e) {
            redirect.addFlashAttribute("notice", "privacy.rights.admin.already");
        }
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/refuser")
    String refuse(@AuthenticationPrincipal Organiser organiser, @PathVariable long id, RefusalForm form, Model model,
                  Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        visible(organiser, id);
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(organiser, id, form.typed(), FormErrors.of(problems, messages, locale), model, locale);
        }
        try {
            erasures.refuse(id, organiser, form.motif());
            redirect.addFlashAttribute("notice", "privacy.rights.admin.refused");
        } catch (ErasureRequests.NotPendingException e) {
            redirect.addFlashAttribute("notice", "privacy.rights.admin.already");
        }
        return "redirect:" + BASE + "/" + id;
    }

    private String page(Organiser organiser, long id, String reason, FormErrors errors, Model model, Locale locale) {
        Row row = row(visible(organiser, id));
        model.addAttribute("row", row);
        model.addAttribute("sections", row.request().pending()
                ? export.of(new EmailAddress(row.request().email()), locale) : List.of());
        model.addAttribute("motif", reason);
        model.addAttribute("errors", errors);
        return "privacy/rights-request";
    }

    private ErasureRequest visible(Organiser organiser, long id) {
        return erasures.find(id, organiser).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Row row(ErasureRequest request) {
        return new Row(request, erasures.nameOf(request), request.waitingDays(erasures.now()));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The organiser's reason for a refusal ({@code motif}): required, since the agent is told it. */
    record RefusalForm(String motif) {

        List<FieldProblem> problems() {
            if (motif == null || motif.isBlank()) {
                return List.of(FieldProblem.of("motif", "privacy.rights.error.reason.required"));
            }
            return motif.length() > PersonalDataExportController.MAX_REASON
                    ? List.of(FieldProblem.of("motif", "privacy.rights.error.reason.long",
                    PersonalDataExportController.MAX_REASON)) : List.of();
        }

        String typed() {
            return motif == null ? "" : motif;
        }
    }
}
