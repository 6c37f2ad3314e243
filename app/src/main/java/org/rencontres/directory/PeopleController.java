package org.rencontres.directory;

import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory's people (speakers, hosts, contacts) in the back office. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PeopleController {

    static final String BASE = "/admin/annuaire/personnes";

    private final PeopleCatalogue people;
    private final OrganisationCatalogue organisations;
    private final MessageSource messages;

    @GetMapping(BASE)
    String list(@RequestParam(name = "q", required = false) String text,
                @RequestParam(name = "page", defaultValue = "1") String page, Model model) {
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("results", people.search(text, OrganisationsController.pageNumber(page)));
        return "directory/admin/people";
    }

    @GetMapping(BASE + "/nouvelle")
    String newForm(@RequestParam(name = "organisation", required = false) Long organisation, Model model) {
        PersonForm form = PersonForm.empty();
        if (organisation != null && organisations.find(organisation).isPresent()) {
            form = new PersonForm("", "", "", organisation.toString(), "", "");
        }
        return form(model, form, FormErrors.none(), null);
    }

    @PostMapping(BASE)
    String create(PersonForm form, Model model, Locale locale, RedirectAttributes redirect) {
        return saved(people.create(form), "directory.person.created", form, null, model, locale, redirect);
    }

    @GetMapping(BASE + "/{id}")
    String editForm(@PathVariable long id, Model model) {
        Person person = person(id);
        return form(model, PersonForm.of(person), FormErrors.none(), person);
    }

    @PostMapping(BASE + "/{id}")
    String update(@PathVariable long id, PersonForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Person person = person(id);
        return saved(people.update(id, form), "directory.person.updated", form, person, model, locale, redirect);
    }

    @GetMapping(BASE + "/{id}/supprimer")
    String confirmDelete(@PathVariable long id, Model model, Locale locale) {
        Person person = person(id);
        return OrganisationsController.confirmPage(model, messages, locale, "directory.person.delete.question", null,
                person.fullName(), BASE + "/" + id + "/supprimer", BASE + "/" + id);
    }

    @PostMapping(BASE + "/{id}/supprimer")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Person person = person(id);
        try {
            people.delete(id);
        } catch (DirectoryRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            return "redirect:" + BASE + "/" + id;
        }
        redirect.addFlashAttribute("notice", "directory.person.deleted");
        redirect.addFlashAttribute("noticeArgument", person.fullName());
        return "redirect:" + BASE;
    }

    /** Back to the list with the notice once saved, or the form again with what is wrong. */
    private String saved(Saved<Person> saved, String notice, PersonForm form, Person existing, Model model,
                         Locale locale, RedirectAttributes redirect) {
        if (!saved.ok()) {
            return form(model, form, FormErrors.of(saved.problems(), messages, locale), existing);
        }
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeArgument", saved.value().fullName());
        return "redirect:" + BASE;
    }

    private String form(Model model, PersonForm form, FormErrors errors, Person existing) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("existing", existing);
        return "directory/admin/person-form";
    }

    private Person person(long id) {
        return people.find(id).orElseThrow(OrganisationsController.NotFound::new);
    }
}
