package org.rencontres.directory;

import java.util.Locale;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.security.Organiser;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directory's organisations in the back office, with their training-service contacts and their
 * history. Any organiser may create an organisation; changing one's identity or training-service
 * contacts, or deleting it, applies at once for an administrator and waits for one's approval for an
 * organiser ({@link DirectoryChanges}).
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OrganisationsController {

    static final String BASE = "/admin/annuaire/organisations";

    private final OrganisationCatalogue catalogue;
    private final TrainingContacts contacts;
    private final PeopleCatalogue people;
    private final DirectoryChanges changes;
    private final Directory directory;
    private final AuditTrail audit;
    private final MessageSource messages;

    @GetMapping("/admin/annuaire")
    String home() {
        return "redirect:" + BASE;
    }

    @GetMapping(BASE)
    String list(@RequestParam(name = "q", required = false) String text,
                @RequestParam(name = "type", required = false) String type,
                @RequestParam(name = "page", defaultValue = "1") String page, Model model) {
        OrganisationKind kind = OrganisationKinds.parse(type).orElse(null);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("type", kind == null ? "" : kind.name());
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("results", catalogue.search(text, kind, pageNumber(page)));
        return "directory/admin/organisations";
    }

    @GetMapping(BASE + "/nouvelle")
    String newForm(Model model) {
        return form(model, OrganisationForm.empty(), FormErrors.none(), null);
    }

    @PostMapping(BASE)
    String create(@AuthenticationPrincipal Organiser organiser, OrganisationForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Saved<Organisation> saved = changes.create(DirectoryActor.of(organiser), form);
        if (!saved.ok()) {
            return form(model, form, errors(saved, locale), null);
        }
        redirect.addFlashAttribute("notice", "directory.organisation.created");
        return "redirect:" + BASE + "/" + saved.value().id();
    }

    @GetMapping(BASE + "/{id}")
    String show(@AuthenticationPrincipal Organiser organiser, @PathVariable long id,
                @RequestParam(name = "page", required = false) String page, Model model) {
        return page(model, organiser, organisation(id), TrainingContactForm.empty(), FormErrors.none(), page);
    }

    @GetMapping(BASE + "/{id}/modifier")
    String editForm(@AuthenticationPrincipal Organiser organiser, @PathVariable long id, Model model) {
        Organisation organisation = organisation(id);
        model.addAttribute("administrator", organiser.isAdministrator());
        return form(model, OrganisationForm.of(organisation, directory.emailDomains(id)), FormErrors.none(), organisation);
    }

    @PostMapping(BASE + "/{id}/modifier")
    String update(@AuthenticationPrincipal Organiser organiser, @PathVariable long id, OrganisationForm form,
                  Model model, Locale locale, RedirectAttributes redirect) {
        Organisation organisation = organisation(id);
        Saved<DirectoryChanges.Outcome> saved = changes.update(DirectoryActor.of(organiser), id, form);
        if (!saved.ok()) {
            model.addAttribute("administrator", organiser.isAdministrator());
            return form(model, form, errors(saved, locale), organisation);
        }
        redirect.addFlashAttribute("notice", switch (saved.value()) {
            case APPLIED -> "directory.organisation.updated";
            case ASKED -> "directory.change.asked";
            case UNCHANGED -> "directory.organisation.unchanged";
        });
        redirect.addFlashAttribute("noticeArgument", organisation.name());
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}/supprimer")
    String confirmDelete(@AuthenticationPrincipal Organiser organiser, @PathVariable long id, Model model,
                         Locale locale) {
        Organisation organisation = organisation(id);
        return confirmPage(model, messages, locale,
                organiser.isAdministrator() ? "directory.organisation.delete.question" : "directory.organisation.delete.ask",
                submit(organiser), organisation.name(),
                BASE + "/" + id + "/supprimer", BASE + "/" + id);
    }

    @PostMapping(BASE + "/{id}/supprimer")
    String delete(@AuthenticationPrincipal Organiser organiser, @PathVariable long id, RedirectAttributes redirect) {
        Organisation organisation = organisation(id);
        DirectoryChanges.Outcome outcome;
        try {
            outcome = changes.delete(DirectoryActor.of(organiser), id);
        } catch (DirectoryRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            return "redirect:" + BASE + "/" + id;
        }
        if (outcome == DirectoryChanges.Outcome.ASKED) {
            redirect.addFlashAttribute("notice", "directory.change.asked");
            redirect.addFlashAttribute("noticeArgument", organisation.name());
            return "redirect:" + BASE + "/" + id;
        }
        redirect.addFlashAttribute("notice", "directory.organisation.deleted");
        redirect.addFlashAttribute("noticeArgument", organisation.name());
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/{id}/contacts")
    String addContact(@AuthenticationPrincipal Organiser organiser, @PathVariable long id, TrainingContactForm form,
                      Model model, Locale locale, RedirectAttributes redirect) {
        Organisation organisation = organisation(id);
        Saved<DirectoryChanges.Outcome> saved = changes.addContact(DirectoryActor.of(organiser), id, form);
        if (!saved.ok()) {
            return page(model, organiser, organisation, form, errors(saved, locale));
        }
        redirect.addFlashAttribute("notice", saved.value() == DirectoryChanges.Outcome.ASKED
                ? "directory.contact.add.asked" : "directory.contact.added");
        redirect.addFlashAttribute("noticeArgument", form.courriel().strip());
        return "redirect:" + BASE + "/" + id + "#service-formation";
    }

    @GetMapping(BASE + "/{id}/contacts/{contact}/retirer")
    String confirmRemoveContact(@AuthenticationPrincipal Organiser organiser, @PathVariable long id,
                                @PathVariable long contact, Model model, Locale locale) {
        TrainingContact c = contacts.find(organisation(id).id(), contact).orElseThrow(NotFound::new);
        return confirmPage(model, messages, locale, organiser.isAdministrator() ? "directory.contact.remove.question"
                : "directory.contact.remove.ask", submit(organiser), c.email(),
                BASE + "/" + id + "/contacts/" + contact + "/retirer", BASE + "/" + id);
    }

    @PostMapping(BASE + "/{id}/contacts/{contact}/retirer")
    String removeContact(@AuthenticationPrincipal Organiser organiser, @PathVariable long id,
                         @PathVariable long contact, RedirectAttributes redirect) {
        TrainingContact c = contacts.find(organisation(id).id(), contact).orElseThrow(NotFound::new);
        DirectoryChanges.Outcome outcome = changes.removeContact(DirectoryActor.of(organiser), id, c);
        redirect.addFlashAttribute("notice", outcome == DirectoryChanges.Outcome.ASKED
                ? "directory.contact.remove.asked" : "directory.contact.removed");
        redirect.addFlashAttribute("noticeArgument", c.email());
        return "redirect:" + BASE + "/" + id + "#service-formation";
    }

    private String page(Model model, Organiser organiser, Organisation organisation, TrainingContactForm contactForm,
                        FormErrors errors) {
        return page(model, organiser, organisation, contactForm, errors, null);
    }

    private String page(Model model, Organiser organiser, Organisation organisation, TrainingContactForm contactForm,
                        FormErrors errors, String page) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("administrator", organiser.isAdministrator());
        model.addAttribute("domains", directory.emailDomains(organisation.id()));
        model.addAttribute("pending", changes.pendingOf(organisation.id()));
        // The organisation's history, 50 changes a page (the page's only paged list: « page » is its page).
        var history = audit.pageOfOrganisation(organisation.id(), page,
                BASE + "/" + organisation.id(), Map.of());
        model.addAttribute("history", history.entries());
        model.addAttribute("historyPaging", history.paging());
        model.addAttribute("contacts", contacts.of(organisation.id()));
        model.addAttribute("people", people.of(organisation.id()));
        model.addAttribute("contactForm", contactForm);
        model.addAttribute("errors", errors);
        return "directory/admin/organisation";
    }

    private String form(Model model, OrganisationForm form, FormErrors errors, Organisation existing) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("existing", existing);
        return "directory/admin/organisation-form";
    }

    private FormErrors errors(Saved<?> saved, Locale locale) {
        return FormErrors.of(saved.problems(), messages, locale);
    }

    private Organisation organisation(long id) {
        return catalogue.find(id).orElseThrow(NotFound::new);
    }

    /** An administrator's act applies at once (the page's own button); an organiser's is sent as a request. */
    private static String submit(Organiser organiser) {
        return organiser.isAdministrator() ? null : "directory.confirm.ask";
    }

    /**
     * The back office's page that asks before a deletion ({@link Confirmation}).
     *
     * @param question the message key of the question, {0} being the subject
     * @param submit the message key of the button, or null for "delete for good"
     */
    static String confirmPage(Model model, MessageSource messages, Locale locale, String question, String submit,
                              String subject, String action, String cancel) {
        return Confirmation.of(messages.getMessage("directory.confirm.title", new Object[] {subject}, locale),
                messages.getMessage(question, new Object[] {subject}, locale), action,
                messages.getMessage(submit == null ? "directory.confirm.submit" : submit, null, locale), cancel, null)
                .show(model);
    }

    static int pageNumber(String page) {
        try {
            return Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** An unknown organisation, person or contact: the 404 page. */
    static final class NotFound extends ResponseStatusException {
        NotFound() {
            super(HttpStatus.NOT_FOUND);
        }
    }
}
