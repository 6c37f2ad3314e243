package org.rencontres.event;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FrenchTime;
import org.rencontres.security.Organiser;
import org.rencontres.shared.Phone;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organisers create, edit, publish, cancel, archive, delete and duplicate days. */
@Controller
class AdminDayController {

    private final Days days;
    private final DayAdministration administration;
        private final Directory directory;
    private final AuditTrail audit;

    AdminDayController(Days days, DayAdministration administration, Directory directory,
                       AuditTrail audit) {
        this.days = days;
        this.administration = administration;
        this.directory = directory;
        this.audit = audit;
    }

    /** The whole day behind a managed one (the guard has let the organiser through). */
    private Day managed(ManagedDay managed) {
        return days.find(managed.slug()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    // ---- the day's page in the back office

    @GetMapping("/admin/journees/{slug}")
    String day(ManagedDay managed, Model model) {
        Day day = managed(managed);
        model.addAttribute("day", day);
        model.addAttribute("partners", day.partners().stream()
                .map(p -> directory.organisation(p.organisationId()).map(Organisation::name).orElse("?")).toList());
        model.addAttribute("audit", audit.of(day.id()));
        model.addAttribute("contactForm", new ContactForm("PROGRAMME", "", "", "", "", ""));
        model.addAttribute("resourceForm", new ResourceForm("COMMUNITY_LINK", "", "", "", "PUBLIC"));
        model.addAttribute("titreFichier", "");
        model.addAttribute("errors", Map.of());
        return "event/admin/day";
    }

    // ---- create and edit

    @GetMapping("/admin/journees/nouvelle")
    String newDay(@AuthenticationPrincipal Organiser organiser, Model model) {
        return form(model, DayForm.empty(organiser.organisingUnit()), Map.of(), null, false);
    }

    @PostMapping("/admin/journees/nouvelle")
    String create(@AuthenticationPrincipal Organiser organiser, DayForm form, Model model, RedirectAttributes redirect) {
        DayForm typed = forceUnit(organiser, form);
        DayForms.Result result = DayForms.read(typed, administration::organisationId);
        if (!result.isValid()) {
            return form(model, typed, result.errors(), null, false);
        }
        try {
            administration.create(result.draft(), result.tags(), organiser);
        } catch (DuplicateSessionCodeException e) {
            return form(model, typed, Map.of("code", "day.error.code.taken"), null, false);
        }
        redirect.addFlashAttribute("saved", "admin.day.created");
        return "redirect:/admin/journees/" + result.draft().sessionCode().slug();
    }

    @GetMapping("/admin/journees/{slug}/modifier")
    String edit(ManagedDay managed, Model model) {
        Day day = managed(managed);
        Organisation organiserOrganisation = day.organiserId() == null ? null
                : directory.organisation(day.organiserId()).orElse(null);
        return form(model, DayForm.of(day, organiserOrganisation, days.tags(day.id())), Map.of(), day, false);
    }

    @PostMapping("/admin/journees/{slug}/modifier")
    String update(@AuthenticationPrincipal Organiser organiser, ManagedDay managed, DayForm form, Model model,
                  RedirectAttributes redirect) {
        Day day = managed(managed);
        DayForm typed = forceUnit(organiser, form);
        DayForms.Result result = DayForms.read(typed, administration::organisationId);
        if (!result.isValid()) {
            return form(model, typed, result.errors(), day, false);
        }
        if (typed.version() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        try {
            administration.update(day, typed.version(), result.draft(), result.tags(), organiser);
        } catch (DayConflictException e) {
            return form(model, typed, Map.of(), day, true);
        } catch (DuplicateSessionCodeException e) {
            return form(model, typed, Map.of("code", "day.error.code.taken"), day, false);
        }
        redirect.addFlashAttribute("saved", "admin.day.saved");
        return "redirect:/admin/journees/" + result.draft().sessionCode().slug();
    }

    private String form(Model model, DayForm form, Map<String, String> errors, Day day, boolean conflict) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("day", day);
        model.addAttribute("conflict", conflict);
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
                form.lieuLongitude(), form.lieuAcces(), form.version(), form.motsCles());
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
        model.addAttribute("errors", Map.of());
        return "event/admin/status";
    }

    @PostMapping("/admin/journees/{slug}/etat")
    String changeStatus(@AuthenticationPrincipal Organiser organiser, ManagedDay managed,
                        @RequestParam("vers") String target, @RequestParam(name = "message", required = false) String message,
                        Model model, RedirectAttributes redirect) {
        Day day = managed(managed);
        DayStatus status = status(day, target);
        if (status == DayStatus.CANCELLED && (message == null || message.isBlank())) {
            model.addAttribute("day", day);
            model.addAttribute("target", status);
            model.addAttribute("message", "");
            model.addAttribute("errors", Map.of("message", "day.error.cancellation"));
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
        Day day = managed(managed);
        return duplicateForm(model, day, "", "", Map.of());
    }

    @PostMapping("/admin/journees/{slug}/dupliquer")
    String duplicate(@AuthenticationPrincipal Organiser organiser, ManagedDay managed,
                     @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String date,
                     Model model, RedirectAttributes redirect) {
        Day day = managed(managed);
        Map<String, String> errors = new LinkedHashMap<>();
        SessionCode newCode = null;
        LocalDate newDate = null;
        if (code.strip().length() > SessionCode.MAX_LENGTH) {
            errors.put("code", "day.error.code.long");
        } else {
            try {
                newCode = new SessionCode(code);
                if (days.exists(newCode)) {
                    errors.put("code", "day.error.code.taken");
                }
            } catch (IllegalArgumentException e) {
                errors.put("code", "day.error.code");
            }
        }
        newDate = FrenchTime.parseDate(date).orElse(null);
        if (newDate == null) {
            errors.put("date", "day.error.date");
        }
        if (!errors.isEmpty()) {
            return duplicateForm(model, day, code, date, errors);
        }
        try {
            administration.duplicate(day, newCode, newDate, organiser);
        } catch (DuplicateSessionCodeException e) {
            return duplicateForm(model, day, code, date, Map.of("code", "day.error.code.taken"));
        }
        redirect.addFlashAttribute("saved", "admin.day.duplicated");
        return "redirect:/admin/journees/" + newCode.slug();
    }

    private String duplicateForm(Model model, Day day, String code, String date, Map<String, String> errors) {
        model.addAttribute("day", day);
        model.addAttribute("code", code);
        model.addAttribute("date", date);
        model.addAttribute("errors", errors);
        return "event/admin/duplicate";
    }

    // ---- contacts, resources (links) and partners, one line at a time

    record ContactForm(String objet, String nom, String fonction, String organisme, String telephone, String courriel) {
    }

    record ResourceForm(String genre, String intitule, String description, String adresse, String visibilite) {
    }

    @PostMapping("/admin/journees/{slug}/contacts")
    String addContact(@AuthenticationPrincipal Organiser organiser, ManagedDay managed, ContactForm form,
                      Model model, RedirectAttributes redirect) {
        Day day = managed(managed);
        Map<String, String> errors = new LinkedHashMap<>();
        Contact.Purpose purpose = enumOr(Contact.Purpose.class, form.objet(), Contact.Purpose.PROGRAMME, "objet",
                "day.error.contact.purpose", errors);
        if (form.nom() == null || form.nom().isBlank()) {
            errors.put("nom", "day.error.contact.name");
        }
        String email = form.courriel() == null ? "" : form.courriel().strip();
        if (!email.isEmpty() && !EmailAddress.isValid(email)) {
            errors.put("courriel", "day.error.contact.email");
        }
        String phone = form.telephone() == null ? "" : form.telephone().strip();
        if (!phone.isEmpty() && !Phone.isValid(phone)) {
            errors.put("telephone", "day.error.contact.phone");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("contactForm", form);
            return dayWithErrors(managed, model, errors);
        }
        administration.addContact(day, new Contact(purpose, form.nom().strip(), blankToNull(form.fonction()),
                blankToNull(form.organisme()), blankToNull(phone), blankToNull(email)), organiser);
        redirect.addFlashAttribute("saved", "admin.day.contact.added");
        return "redirect:/admin/journees/" + day.sessionCode().slug() + "#contacts";
    }

    @PostMapping("/admin/journees/{slug}/ressources")
    String addResource(@AuthenticationPrincipal Organiser organiser, ManagedDay managed, ResourceForm form,
                       Model model, RedirectAttributes redirect) {
        Day day = managed(managed);
        Map<String, String> errors = new LinkedHashMap<>();
        Resource.Kind kind = enumOr(Resource.Kind.class, form.genre(), Resource.Kind.LINK, "genre",
                "day.error.resource.kind", errors);
        if (form.intitule() == null || form.intitule().isBlank()) {
            errors.put("intitule", "day.error.resource.title");
        }
        if (form.adresse() == null || !DayForms.isWebAddress(form.adresse().strip())) {
            errors.put("adresse", "day.error.url");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("resourceForm", form);
            return dayWithErrors(managed, model, errors);
        }
        Resource.Visibility visibility = "PARTICIPANTS".equals(form.visibilite())
                ? Resource.Visibility.PARTICIPANTS : Resource.Visibility.PUBLIC;
        administration.addResource(day, new Resource(kind, form.intitule().strip(), blankToNull(form.description()),
                form.adresse().strip(), null, visibility), organiser);
        redirect.addFlashAttribute("saved", "admin.day.resource.added");
        return "redirect:/admin/journees/" + day.sessionCode().slug() + "#ressources";
    }

    @PostMapping("/admin/journees/{slug}/fichiers")
    String upload(@AuthenticationPrincipal Organiser organiser, ManagedDay managed,
                  @RequestParam(name = "fichier", required = false) org.springframework.web.multipart.MultipartFile file,
                  @RequestParam(defaultValue = "") String titreFichier, @RequestParam(defaultValue = "DOCUMENT") String genreFichier,
                  @RequestParam(defaultValue = "PUBLIC") String visibiliteFichier,
                  Model model, RedirectAttributes redirect) throws java.io.IOException {
        Day day = managed(managed);
        Map<String, String> errors = new LinkedHashMap<>();
        Resource.Kind kind = enumOr(Resource.Kind.class, genreFichier, Resource.Kind.DOCUMENT, "genreFichier",
                "day.error.resource.kind", errors);
        Resource.Visibility visibility = enumOr(Resource.Visibility.class, visibiliteFichier, Resource.Visibility.PUBLIC,
                "visibiliteFichier", "day.error.resource.visibility", errors);
        if (titreFichier.isBlank()) {
            errors.put("titreFichier", "day.error.resource.title");
        }
        if (file == null || file.isEmpty()) {
            errors.put("fichier", "day.error.file.empty");
        }
        if (errors.isEmpty()) {
            try {
                administration.addFile(day, file.getOriginalFilename(), file.getBytes(),
                        new Resource(kind, titreFichier.strip(), null, null, null, visibility), organiser);
                redirect.addFlashAttribute("saved", "admin.day.resource.added");
                return "redirect:/admin/journees/" + day.sessionCode().slug() + "#ressources";
            } catch (StoredFiles.Refused refused) {
                errors.put("fichier", refused.reason);
            }
        }
        model.addAttribute("titreFichier", titreFichier);
        return dayWithErrors(managed, model, errors);
    }

    /** The day's back-office page again, with what the organiser typed and what is wrong with it. */
    private String dayWithErrors(ManagedDay managed, Model model, Map<String, String> errors) {
        Map<String, Object> typed = new java.util.HashMap<>(model.asMap());
        day(managed, model);
        model.addAllAttributes(typed);
        model.addAttribute("errors", errors);
        return "event/admin/day";
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String value, E fallback, String field, String error,
                                                Map<String, String> errors) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.put(field, error);
            return fallback;
        }
    }

    @PostMapping("/admin/journees/{slug}/partenaires")
    String addPartner(@AuthenticationPrincipal Organiser organiser, ManagedDay managed,
                      @RequestParam(name = "partenaire", defaultValue = "") String organisme,
                      @RequestParam(defaultValue = "") String contribution,
                      Model model, RedirectAttributes redirect) {
        Day day = managed(managed);
        if (organisme.isBlank()) {
            return dayWithErrors(managed, model, Map.of("partenaire", "day.error.partner"));
        }
        if (organisme.strip().length() > org.rencontres.web.FieldBounds.SINGLE_LINE) {
            // The name becomes an organisation of the directory, whose name is indexed.
            return dayWithErrors(managed, model, Map.of("partenaire", "day.error.partner.long"));
        }
        boolean added;
        try {
            added = administration.addPartner(day, organisme.strip(), blankToNull(contribution), organiser);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            added = false; // the same partner added at the same moment from another page
        }
        if (!added) {
            return dayWithErrors(managed, model, Map.of("partenaire", "day.error.partner.taken"));
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
