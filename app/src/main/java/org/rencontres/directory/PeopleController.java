package org.rencontres.directory;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory's people (speakers, hosts, contacts) in the back office. */
@Controller
class PeopleController {

    static final String BASE = "/admin/annuaire/personnes";

    private final PeopleCatalogue people;
    private final OrganisationCatalogue organisations;

    PeopleController(PeopleCatalogue people, OrganisationCatalogue organisations) {
        this.people = people;
        this.organisations = organisations;
    }

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
        return form(model, form, Map.of(), null);
    }

    @PostMapping(BASE)
    String create(PersonForm form, Model model, RedirectAttributes redirect) {
        Saved<Person> saved = people.create(form);
        if (!saved.ok()) {
            return form(model, form, saved.errors(), null);
        }
        redirect.addFlashAttribute("notice", "directory.person.created");
        redirect.addFlashAttribute("noticeArgument", saved.value().fullName());
        return "redirect:" + BASE;
    }

    @GetMapping(BASE + "/{id}")
    String editForm(@PathVariable long id, Model model) {
        Person person = person(id);
        return form(model, PersonForm.of(person), Map.of(), person);
    }

    @PostMapping(BASE + "/{id}")
    String update(@PathVariable long id, PersonForm form, Model model, RedirectAttributes redirect) {
        Person person = person(id);
        Saved<Person> saved = people.update(id, form);
        if (!saved.ok()) {
            return form(model, form, saved.errors(), person);
        }
        redirect.addFlashAttribute("notice", "directory.person.updated");
        redirect.addFlashAttribute("noticeArgument", saved.value().fullName());
        return "redirect:" + BASE;
    }

    @GetMapping(BASE + "/{id}/supprimer")
    String confirmDelete(@PathVariable long id, Model model) {
        Person person = person(id);
        model.addAttribute("question", "directory.person.delete.question");
        model.addAttribute("subject", person.fullName());
        model.addAttribute("action", BASE + "/" + id + "/supprimer");
        model.addAttribute("cancel", BASE + "/" + id);
        return "directory/admin/confirm";
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

    private String form(Model model, PersonForm form, Map<String, String> errors, Person existing) {
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
