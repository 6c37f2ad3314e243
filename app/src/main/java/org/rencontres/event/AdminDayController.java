package org.rencontres.event;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditEntry;
import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.event.DayLineForms.ContactForm;
import org.rencontres.event.DayLineForms.DuplicateForm;
import org.rencontres.event.DayLineForms.FileForm;
import org.rencontres.event.DayLineForms.ResourceForm;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.web.Confirmation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organisers create, edit, publish, cancel, archive, delete and duplicate days. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AdminDayController {

    private final Days days;
    private final DayAdministration administration;
    private final Directory directory;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final List<PeopleToTell> peopleToTell;
    private final PublicInformation publicInformation;

    /** How many people a cancellation or a change of dates or venue of that session reaches by e-mail. */
    private int people(long dayId) {
        return peopleToTell.stream().mapToInt(p -> p.of(dayId)).sum();
    }

    /** The whole day behind a managed one (the guard has let the organiser through). */
    private Day managed(ManagedDay managed) {
        return days.find(managed.slug()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    // ---- the day's page in the back office

    @GetMapping("/admin/journees/{slug}")
    String day(ManagedDay managed, @RequestParam(name = "page", required = false) String page, Model model) {
        Day day = managed(managed);
        model.addAttribute("day", day);
        model.addAttribute("partners", day.partners().stream()
                .map(p -> directory.organisation(p.organisationId()).map(Organisation::name).orElse("?")).toList());
        // The day's history, 50 entries a page (the page's only paged list: « page » is its page).
        AuditTrail.Page<AuditEntry> history = audit.pageOf(day.id(), page, "/admin/journees/" + managed.slug(), Map.of());
        model.addAttribute("audit", history.entries());
        model.addAttribute("auditPaging", history.paging());
        model.addAttribute("contactForm", ContactForm.empty());
        model.addAttribute("resourceForm", ResourceForm.empty());
        model.addAttribute("titreFichier", "");
        model.addAttribute("errors", FormErrors.none());
        return "event/admin/day";
    }

    // ---- create and edit

    @GetMapping("/admin/journees/nouvelle")
    String newDay(@AuthenticationPrincipal Organiser organiser, Model model) {
        model.addAttribute("info", PublicInfoForm.EMPTY);
        return form(model, DayForm.empty(organiser.organisingUnit()), List.of(), null, false);
    }

    @PostMapping("/admin/journees/nouvelle")
    String create(@AuthenticationPrincipal Organiser organiser, DayForm form, PublicInfoForm info, Model model,
                  RedirectAttributes redirect) {
        DayForm typed = forceUnit(organiser, form);
        model.addAttribute("info", info);
        DayForms.Result result = DayForms.read(typed, administration::organisationId, null);
        PublicInfoForm.Result publicInfo = info.read();
        if (!result.isValid() || !publicInfo.problems().isEmpty()) {
            return form(model, typed, both(result, publicInfo), null, false);
        }
        try {
            administration.create(result.draft(), result.tags(), publicInfo.info(), organiser);
        } catch (DuplicateSessionCodeException e) {
            return form(model, typed, List.of(FieldProblem.of("code", "day.error.code.taken")), null, false);
        }
        redirect.addFlashAttribute("saved", "admin.day.created");
        return "redirect:/admin/journees/" + result.draft().sessionCode().slug();
    }

    @GetMapping("/admin/journees/{slug}/modifier")
    String edit(ManagedDay managed, Model model) {
        Day day = managed(managed);
        Organisation organiserOrganisation = day.organiserId() == null ? null
                : directory.organisation(day.organiserId()).orElse(null);
        model.addAttribute("info", PublicInfoForm.of(publicInformation.stored(day.id())));
        return form(model, DayForm.of(day, organiserOrganisation, days.tags(day.id())), List.of(), day, false);
    }

    /** The problems of the session's fields, then those of its public information. */
    private static List<FieldProblem> both(DayForms.Result day, PublicInfoForm.Result info) {
        List<FieldProblem> all = new java.util.ArrayList<>(day.problems());
        all.addAll(info.problems());
        return all;
    }

    @PostMapping("/admin/journees/{slug}/modifier")
    String update(@AuthenticationPrincipal Organiser organiser, ManagedDay managed, DayForm form,
                  PublicInfoForm info, @RequestParam(name = "confirme", required = false) String confirmed,
                  Model model, Locale locale, RedirectAttributes redirect) {
        Day day = managed(managed);
        DayForm typed = forceUnit(organiser, form);
        model.addAttribute("info", info);
        DayForms.Result result = DayForms.read(typed, administration::organisationId,
                day.days().all().stream().map(SessionDay::draft).toList());
        PublicInfoForm.Result publicInfo = info.read();
        if (!result.isValid() || !publicInfo.problems().isEmpty()) {
            return form(model, typed, both(result, publicInfo), day, false);
        }
        if (typed.version() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        int people = Venue.samePlace(day.venue(), result.draft().venue()) ? 0 : people(day.id());
        if (people > 0 && !"oui".equals(confirmed)) {
            // A new venue is e-mailed to every registrant: the organiser reads how many before it is saved.
            return venueConfirmation(managed, day, typed, info, result.draft().venue(), people, locale, model);
        }
        try {
            administration.update(day, typed.version(), result.draft(), result.tags(), publicInfo.info(), organiser);
        } catch (DayConflictException e) {
            return form(model, typed, List.of(), day, true);
        } catch (DuplicateSessionCodeException e) {
            return form(model, typed, List.of(FieldProblem.of("code", "day.error.code.taken")), day, false);
        }
        redirect.addFlashAttribute("saved", "admin.day.saved");
        return "redirect:/admin/journees/" + result.draft().sessionCode().slug();
    }

    private String venueConfirmation(ManagedDay managed, Day day, DayForm typed, PublicInfoForm info, Venue venue,
                                     int people, Locale locale, Model model) {
        String action = "/admin/journees/" + managed.slug() + "/modifier";
        Confirmation confirmation = Confirmation.of(
                messages.getMessage("admin.day.venue.change.title", new Object[] {day.sessionCode().value()}, locale),
                messages.getMessage("admin.day.venue.change.text", new Object[] {
                        day.venue() == null ? "–" : day.venue().describe(), venue == null ? "–" : venue.describe()}, locale),
                action, messages.getMessage("admin.day.venue.change.confirm", null, locale),
                "/admin/journees/" + managed.slug(), messages.getMessage("admin.cancel", null, locale))
                .saying(messages.getMessage("admin.day.people.told", new Object[] {people}, locale));
        confirmation = sending(sending(confirmation, typed), info);
        return confirmation.sending("confirme", "oui").show(model);
    }

    /** Every field of a form, to send again once confirmed. */
    private static Confirmation sending(Confirmation confirmation, Record typed) {
        for (RecordComponent field : typed.getClass().getRecordComponents()) {
            try {
                Object value = field.getAccessor().invoke(typed);
                if (value != null) {
                    confirmation = confirmation.sending(field.getName(), String.valueOf(value));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return confirmation;
    }

    private String form(Model model, DayForm form, List<FieldProblem> problems, Day day, boolean conflict) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors(problems));
        model.addAttribute("day", day);
        model.addAttribute("conflict", conflict);
        model.addAttribute("computedHours",
                day == null ? null : PublicInfo.NONE.withHours(PublicInformation.hoursOf(day.days())).hoursText());
        return "event/admin/day-form";
    }

    /** An organiser limited to a unit creates and keeps days of that unit only. */
    private static DayForm forceUnit(Organiser organiser, DayForm form) {
        String unit = organiser.organisingUnit();
        if (unit == null || unit.equals(form.unite())) {
            return form;
        }
        return new DayForm(form.code(), form.titre(), form.soustitre(), form.theme(), form.date(), form.debut(),
                form.fin(), form.contexte(), form.publicVise(), form.inscription(), form.lienInscription(),
                form.previsionnel(), form.organisateur(), unit, form.lieuNom(), form.lieuBatiment(), form.lieuRue(),
                form.lieuCodePostal(), form.lieuVille(), form.lieuAdressePostale(), form.lieuLatitude(),
                form.lieuLongitude(), form.lieuAcces(), form.version(), form.motsCles(), form.repas());
    }

    // ---- status, deletion, duplication: each asks for confirmation first

    @GetMapping("/admin/journees/{slug}/etat")
    String confirmStatus(ManagedDay managed,
                         @RequestParam("vers") String target, Model model) {
        Day day = managed(managed);
        DayStatus status = status(day, target);
        model.addAttribute("day", day);
        model.addAttribute("target", status);
        model.addAttribute("message", day.cancellationMessage() == null ? "" : day.cancellationMessage());
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("people", people(day.id()));
        return "event/admin/status";
    }

    @PostMapping("/admin/journees/{slug}/etat")
    String changeStatus(@AuthenticationPrincipal Organiser organiser, ManagedDay managed,
                        @RequestParam("vers") String target, @RequestParam(name = "message", required = false) String message,
                        Model model, RedirectAttributes redirect) {
        Day day = managed(managed);
        DayStatus status = status(day, target);
        List<FieldProblem> problems = DayLineForms.statusProblems(status, message);
        if (!problems.isEmpty()) {
            model.addAttribute("day", day);
            model.addAttribute("target", status);
            model.addAttribute("message", "");
            model.addAttribute("errors", errors(problems));
            model.addAttribute("people", people(day.id()));
            return "event/admin/status";
        }
        administration.moveTo(day, status, message == null ? null : message.strip(), organiser);
        redirect.addFlashAttribute("saved", "admin.day.status." + status.name());
        return "redirect:/admin/journees/" + day.sessionCode().slug();
    }

    private static DayStatus status(Day day, String target) {
        try {
            DayStatus status = DayStatus.valueOf(target);
            if (day.status().mayBecome(status)) {
                return status;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new ResponseStatusException(HttpStatus.CONFLICT, "Transition not allowed");
    }

    @GetMapping("/admin/journees/{slug}/supprimer")
    String confirmDelete(ManagedDay managed, Model model) {
        Day day = managed(managed);
        requireDraft(day);
        model.addAttribute("day", day);
        return "event/admin/delete";
    }

    @PostMapping("/admin/journees/{slug}/supprimer")
    String delete(@AuthenticationPrincipal Organiser organiser, ManagedDay managed, RedirectAttributes redirect) {
        Day day = managed(managed);
        requireDraft(day);
        administration.deleteDraft(day, organiser);
        redirect.addFlashAttribute("deleted", day.sessionCode().value());
        return "redirect:/admin";
    }

    private static void requireDraft(Day day) {
        if (day.status() != DayStatus.DRAFT) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Only drafts can be deleted");
        }
    }

    @GetMapping("/admin/journees/{slug}/dupliquer")
    String duplicateForm(ManagedDay managed, Model model) {
        return duplicateForm(model, managed(managed), new DuplicateForm("", ""), List.of());
    }

    @PostMapping("/admin/journees/{slug}/dupliquer")
    String duplicate(@AuthenticationPrincipal Organiser organiser, ManagedDay managed,
                     @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String date,
                     Model model, RedirectAttributes redirect) {
        Day day = managed(managed);
        DuplicateForm form = new DuplicateForm(code, date);
        List<FieldProblem> problems = form.problems(days);
        if (!problems.isEmpty()) {
            return duplicateForm(model, day, form, problems);
        }
        try {
            administration.duplicate(day, form.sessionCode(), form.newDate(), organiser);
        } catch (DuplicateSessionCodeException e) {
            return duplicateForm(model, day, form, List.of(FieldProblem.of("code", "day.error.code.taken")));
        }
        redirect.addFlashAttribute("saved", "admin.day.duplicated");
        return "redirect:/admin/journees/" + form.sessionCode().slug();
    }

    private String duplicateForm(Model model, Day day, DuplicateForm form, List<FieldProblem> problems) {
        model.addAttribute("day", day);
        model.addAttribute("code", form.code());
        model.addAttribute("date", form.date());
        model.addAttribute("errors", errors(problems));
        return "event/admin/duplicate";
    }

    // ---- contacts, resources (links) and partners, one line at a time

    @PostMapping("/admin/journees/{slug}/contacts")
    String addContact(@AuthenticationPrincipal Organiser organiser, ManagedDay managed, ContactForm form,
                      Model model, RedirectAttributes redirect) {
        Day day = managed(managed);
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            model.addAttribute("contactForm", form);
            return dayWithErrors(managed, model, problems);
        }
        administration.addContact(day, form.contact(), organiser);
        redirect.addFlashAttribute("saved", "admin.day.contact.added");
        return "redirect:/admin/journees/" + day.sessionCode().slug() + "#contacts";
    }

    @PostMapping("/admin/journees/{slug}/ressources")
    String addResource(@AuthenticationPrincipal Organiser organiser, ManagedDay managed, ResourceForm form,
                       Model model, RedirectAttributes redirect) {
        Day day = managed(managed);
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            model.addAttribute("resourceForm", form);
            return dayWithErrors(managed, model, problems);
        }
        administration.addResource(day, form.resource(), organiser);
        redirect.addFlashAttribute("saved", "admin.day.resource.added");
        return "redirect:/admin/journees/" + day.sessionCode().slug() + "#ressources";
    }

    @PostMapping("/admin/journees/{slug}/fichiers")
    String upload(@AuthenticationPrincipal Organiser organiser, ManagedDay managed,
                  @RequestParam(name = "fichier", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String titreFichier, @RequestParam(defaultValue = "DOCUMENT") String genreFichier,
                  @RequestParam(defaultValue = "PUBLIC") String visibiliteFichier,
                  Model model, RedirectAttributes redirect) throws IOException {
        Day day = managed(managed);
        FileForm form = new FileForm(titreFichier, genreFichier, visibiliteFichier);
        List<FieldProblem> problems = form.problems(file != null && !file.isEmpty());
        if (problems.isEmpty()) {
            try {
                administration.addFile(day, file.getOriginalFilename(), file.getBytes(), form.resource(), organiser);
                redirect.addFlashAttribute("saved", "admin.day.resource.added");
                return "redirect:/admin/journees/" + day.sessionCode().slug() + "#ressources";
            } catch (StoredFiles.Refused refused) {
                problems = List.of(FieldProblem.of("fichier", refused.reason));
            }
        }
        model.addAttribute("titreFichier", titreFichier);
        return dayWithErrors(managed, model, problems);
    }

    /** The day's back-office page again, with what the organiser typed and what is wrong with it. */
    private String dayWithErrors(ManagedDay managed, Model model, List<FieldProblem> problems) {
        Map<String, Object> typed = new HashMap<>(model.asMap());
        day(managed, null, model);
        model.addAllAttributes(typed);
        model.addAttribute("errors", errors(problems));
        return "event/admin/day";
    }

    private FormErrors errors(List<FieldProblem> problems) {
        return FormErrors.of(problems, messages, LocaleContextHolder.getLocale());
    }

    @PostMapping("/admin/journees/{slug}/partenaires")
    String addPartner(@AuthenticationPrincipal Organiser organiser, ManagedDay managed,
                      @RequestParam(name = "partenaire", defaultValue = "") String organisme,
                      @RequestParam(defaultValue = "") String contribution,
                      @RequestParam(name = "typePartenaire", defaultValue = "") String kind,
                      Model model, RedirectAttributes redirect) {
        Day day = managed(managed);
        List<FieldProblem> problems = DayLineForms.partnerProblems(organisme);
        if (!problems.isEmpty()) {
            return dayWithErrors(managed, model, problems);
        }
        boolean added;
        try {
            added = administration.addPartner(day, organisme.strip(), DayLineForms.partnerKind(kind),
                    blankToNull(contribution), organiser);
        } catch (DuplicateKeyException e) {
            added = false; // the same partner added at the same moment from another page
        }
        if (!added) {
            return dayWithErrors(managed, model, List.of(FieldProblem.of("partenaire", "day.error.partner.taken")));
        }
        redirect.addFlashAttribute("saved", "admin.day.partner.added");
        return "redirect:/admin/journees/" + day.sessionCode().slug() + "#partenaires";
    }

    @GetMapping("/admin/journees/{slug}/retirer")
    String confirmRemove(ManagedDay managed,
                         @RequestParam("quoi") String part, @RequestParam("rang") int index, Model model) {
        Day day = managed(managed);
        Days.Part what = part(part);
        String label = switch (what) {
            case CONTACT -> index >= 0 && index < day.contacts().size() ? day.contacts().get(index).name() : null;
            case RESOURCE -> index >= 0 && index < day.resources().size() ? day.resources().get(index).title() : null;
            case PARTNER -> index >= 0 && index < day.partners().size()
                    ? directory.organisation(day.partners().get(index).organisationId()).map(Organisation::name).orElse("?")
                    : null;
        };
        if (label == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("day", day);
        model.addAttribute("quoi", what.name());
        model.addAttribute("rang", index);
        model.addAttribute("label", label);
        return "event/admin/remove";
    }

    @PostMapping("/admin/journees/{slug}/retirer")
    String remove(@AuthenticationPrincipal Organiser organiser, ManagedDay managed,
                  @RequestParam("quoi") String part, @RequestParam("rang") int index, RedirectAttributes redirect) {
        Day day = managed(managed);
        if (!administration.remove(day, part(part), index, organiser)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("saved", "admin.day.removed");
        return "redirect:/admin/journees/" + day.sessionCode().slug();
    }

    private static Days.Part part(String part) {
        try {
            return Days.Part.valueOf(part);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
