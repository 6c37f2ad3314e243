package org.rencontres.mailing;

import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.registration.RegistrationState;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Écrire aux participants »: the form (recipients by criteria, subject, text with placeholders), its
 * preview with the count (which is the confirmation), and the sending. Bad input comes back on the form
 * with a French message on its field and nothing sent.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/courriels/ecrire")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BulkMailController {

    private final BulkMails bulk;
    private final MessageSource messages;

    /**
     * The form's fields, bound by their names (the same in the preview and the sending): the audience (states,
     * workshop, organisation, rotation, presence), the subject and the text; a field not sent is null.
     */
    record DraftForm(List<String> etats, String atelier, String organisation, String rotation, String presence,
                     String objet, String texte) {

        BulkMails.Draft draft() {
            return new BulkMails.Draft(Audience.of(etats, atelier, organisation, rotation, presence), objet, texte);
        }
    }

    @GetMapping
    String form(ManagedDay day, Model model) {
        Audience everyoneConfirmed = new Audience(java.util.Set.of(RegistrationState.CONFIRMED), null, null, null, null);
        return form(day, new BulkMails.Draft(everyoneConfirmed, "", ""), FormErrors.none(), model);
    }

    /** The preview (and confirmation), or the form again with its problems. */
    @PostMapping
    String preview(ManagedDay day, DraftForm fields,
                   @RequestParam(name = "modifier", required = false) String modifier,
                   Model model, Locale locale) {
        BulkMails.Draft draft = fields.draft();
        if (modifier != null) {
            return form(day, draft, FormErrors.none(), model);
        }
        List<FieldProblem> problems = bulk.check(day.id(), draft);
        if (!problems.isEmpty()) {
            return form(day, draft, FormErrors.of(problems, messages, locale), model);
        }
        model.addAttribute("day", day);
        model.addAttribute("draft", draft);
        model.addAttribute("preview", bulk.preview(day, draft,
                messages.getMessage("mailing.preview.space", null, locale)));
        model.addAttribute("sending", BulkMails.newKey());
        return "mailing/preview";
    }

    @PostMapping("/envoi")
    String send(@AuthenticationPrincipal Organiser organiser, ManagedDay day, DraftForm fields,
                @RequestParam(name = "envoi", required = false) String envoi,
                Model model, Locale locale, RedirectAttributes redirect) {
        BulkMails.Draft draft = fields.draft();
        List<FieldProblem> problems = bulk.check(day.id(), draft);
        if (!problems.isEmpty()) {
            return form(day, draft, FormErrors.of(problems, messages, locale), model);
        }
        int sent = bulk.send(day, draft, envoi, organiser);
        redirect.addFlashAttribute("notice", messages.getMessage("mailing.bulk.sent", new Object[] {sent}, locale));
        return "redirect:/admin/journees/" + day.slug() + "/courriels";
    }

    private String form(ManagedDay day, BulkMails.Draft draft, FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("states", List.of(RegistrationState.values()));
        model.addAttribute("workshops", bulk.workshops(day.id()));
        model.addAttribute("organisations", bulk.organisations(day.id()));
        model.addAttribute("placeholders", Placeholders.list());
        return "mailing/write";
    }
}
