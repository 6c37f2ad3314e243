package org.rencontres.programme;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionDay;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme editor of the back office. Every form works as a plain post followed by a
 * redirect; when htmx sends it (HX-Request), the answer is the part of the page to replace.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/programme")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProgrammeEditorController {

    private static final String HX = "HX-Request";

    private final ProgrammeEditor editor;
    private final Programmes programmes;
    private final Directory directory;
    private final MessageSource messages;

    @GetMapping
    String programme(ManagedDay day, Model model) {
        return editorPage(day, SlotForm.empty(), FormErrors.none(), model, false);
    }

    @PostMapping("/creneaux")
    String add(@AuthenticationPrincipal Organiser organiser, ManagedDay day, SlotForm form,
               @RequestHeader(name = HX, required = false) String hx, Model model, Locale locale,
               RedirectAttributes redirect) {
        ProgrammeEditor.Outcome outcome = editor.add(day, organiser, form);
        if (!outcome.isDone()) {
            return editorPage(day, form, errors(outcome, locale), model, hx != null);
        }
        return editorDone(day, outcome.slotId(), "programme.notice.added", form.titre().strip(), hx, model, redirect);
    }

    @PostMapping("/creneaux/{slotId}/monter")
    String up(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
              @RequestHeader(name = HX, required = false) String hx, Model model, Locale locale,
              RedirectAttributes redirect) {
        return move(organiser, day, slotId, true, hx, model, locale, redirect);
    }

    @PostMapping("/creneaux/{slotId}/descendre")
    String down(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                @RequestHeader(name = HX, required = false) String hx, Model model, Locale locale,
                RedirectAttributes redirect) {
        return move(organiser, day, slotId, false, hx, model, locale, redirect);
    }

    private String move(Organiser organiser, ManagedDay day, long slotId, boolean up, String hx, Model model,
                        Locale locale, RedirectAttributes redirect) {
        ProgrammeEditor.Outcome outcome = editor.move(day, organiser, slotId, up);
        if (!outcome.isDone()) {
            model.addAttribute("moveErrors", errors(outcome, locale));
            return editorPage(day, SlotForm.empty(), FormErrors.none(), model, hx != null);
        }
        String title = editor.slot(day.id(), slotId).title();
        return editorDone(day, slotId, up ? "programme.notice.up" : "programme.notice.down", title, hx, model,
                redirect);
    }

    @GetMapping("/creneaux/{slotId}")
    String slot(ManagedDay day, @PathVariable long slotId,
                Model model) {
        return slotPage(day, slotId, PersonForm.empty(), NewPersonForm.empty(), FormErrors.none(), model, false);
    }

    @PostMapping("/creneaux/{slotId}")
    String update(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                  SlotForm form, @RequestHeader(name = HX, required = false) String hx, Model model, Locale locale,
                  RedirectAttributes redirect) {
        ProgrammeEditor.Outcome outcome = editor.update(day, organiser, slotId, form);
        if (!outcome.isDone()) {
            Slot slot = editor.slot(day.id(), slotId);
            return slotPage(day, slot, form, PersonForm.empty(), NewPersonForm.empty(), errors(outcome, locale), model,
                    hx != null);
        }
        if (hx != null) {
            return slotDone(day, slotId, "programme.notice.updated", hx, model, redirect);
        }
        redirect.addFlashAttribute("notice", "programme.notice.updated");
        redirect.addFlashAttribute("noticeTitle", form.titre().strip());
        return "redirect:" + editorPath(day) + "#creneau-" + slotId;
    }

    @PostMapping("/creneaux/{slotId}/personnes")
    String addPerson(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                     @PathVariable long slotId, PersonForm form, @RequestHeader(name = HX, required = false) String hx,
                     Model model, Locale locale, RedirectAttributes redirect) {
        ProgrammeEditor.Outcome outcome = editor.addPerson(day, organiser, slotId, form);
        if (!outcome.isDone()) {
            return slotPage(day, slotId, form, NewPersonForm.empty(), errors(outcome, locale), model, hx != null);
        }
        return slotDone(day, slotId, "programme.notice.person.added", hx, model, redirect);
    }

    @PostMapping("/creneaux/{slotId}/personnes/nouvelle")
    String addNewPerson(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                        @PathVariable long slotId, NewPersonForm form,
                        @RequestHeader(name = HX, required = false) String hx, Model model, Locale locale,
                        RedirectAttributes redirect) {
        ProgrammeEditor.Outcome outcome = editor.addNewPerson(day, organiser, slotId, form);
        if (!outcome.isDone()) {
            return slotPage(day, slotId, PersonForm.empty(), form, errors(outcome, locale), model, hx != null);
        }
        return slotDone(day, slotId, "programme.notice.person.added", hx, model, redirect);
    }

    @GetMapping("/creneaux/{slotId}/personnes/retrait")
    String confirmRemovePerson(ManagedDay day, @PathVariable long slotId, @RequestParam long personne,
                               @RequestParam SlotRole role, Model model, Locale locale) {
        Slot slot = editor.slot(day.id(), slotId);
        SlotPerson person = slot.people().stream().filter(p -> p.personId() == personne && p.role() == role)
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String base = slotPath(day, slotId);
        return Confirmation.of(
                        message("programme.person.remove.title", locale,
                                person.givenName() + " " + person.familyName(), slot.title()),
                        message("programme.person.remove.text", locale,
                                message("programme.role." + role.name(), locale)),
                        base + "/personnes/retrait", message("programme.person.remove.confirm", locale), base,
                        message("programme.remove.cancel", locale))
                .sending("personne", String.valueOf(personne)).sending("role", role.name()).show(model);
    }

    @PostMapping("/creneaux/{slotId}/personnes/retrait")
    String removePerson(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                        @PathVariable long slotId, @RequestParam long personne, @RequestParam SlotRole role,
                        RedirectAttributes redirect) {
        editor.removePerson(day, organiser, slotId, personne, role);
        redirect.addFlashAttribute("notice", "programme.notice.person.removed");
        return "redirect:" + slotPath(day, slotId);
    }

    @GetMapping("/creneaux/{slotId}/suppression")
    String confirmRemove(ManagedDay day, @PathVariable long slotId, Model model, Locale locale) {
        Slot slot = editor.slot(day.id(), slotId);
        Confirmation confirmation = Confirmation.of(message("programme.remove.title", locale, slot.title()),
                message("programme.remove.warning", locale), slotPath(day, slotId) + "/suppression",
                message("programme.remove.confirm", locale), editorPath(day) + "#creneau-" + slotId,
                message("programme.remove.cancel", locale)).about("programme/admin/fields :: summaryOf", slot);
        if (slot.kind() == SlotKind.NETWORKING || slot.kind() == SlotKind.WORKSHOP) {
            confirmation = confirmation.alerting(message("programme.remove.warning.linked", locale));
        }
        return confirmation.show(model);
    }

    @PostMapping("/creneaux/{slotId}/suppression")
    String remove(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                  RedirectAttributes redirect) {
        String title = editor.slot(day.id(), slotId).title();
        editor.remove(day, organiser, slotId);
        redirect.addFlashAttribute("notice", "programme.notice.removed");
        redirect.addFlashAttribute("noticeTitle", title);
        return "redirect:" + editorPath(day);
    }

    private String editorDone(ManagedDay day, long slotId, String notice, String title, String hx, Model model,
                              RedirectAttributes redirect) {
        if (hx != null) {
            model.addAttribute("notice", notice);
            model.addAttribute("noticeTitle", title);
            return editorPage(day, SlotForm.empty(), FormErrors.none(), model, true);
        }
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeTitle", title);
        return "redirect:" + editorPath(day) + "#creneau-" + slotId;
    }

    private String slotDone(ManagedDay day, long slotId, String notice, String hx, Model model,
                            RedirectAttributes redirect) {
        if (hx != null) {
            model.addAttribute("notice", notice);
            return slotPage(day, slotId, PersonForm.empty(), NewPersonForm.empty(), FormErrors.none(), model, true);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + slotPath(day, slotId);
    }

    private String editorPage(ManagedDay day, SlotForm form, FormErrors errors, Model model, boolean fragment) {
        Programme programme = programmes.programmeOf(day.id());
        model.addAttribute("day", day);
        model.addAttribute("dayRows", day.days().all().stream()
                .map(d -> new DayRows(d, EditorRow.of(programme.day(d.id())))).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", SlotKind.values());
        if (!model.containsAttribute("moveErrors")) {
            model.addAttribute("moveErrors", FormErrors.none());
        }
        return fragment ? "programme/admin/editor :: editor" : "programme/admin/editor";
    }

    /** The slot's sheet with its own form as stored and these person forms. */
    private String slotPage(ManagedDay day, long slotId, PersonForm personForm, NewPersonForm newPersonForm,
                            FormErrors errors, Model model, boolean fragment) {
        Slot slot = editor.slot(day.id(), slotId);
        return slotPage(day, slot, SlotForm.of(slot, editor.version(day.id(), slotId)), personForm, newPersonForm,
                errors, model, fragment);
    }

    private String slotPage(ManagedDay day, Slot slot, SlotForm form, PersonForm personForm,
                            NewPersonForm newPersonForm, FormErrors errors, Model model, boolean fragment) {
        model.addAttribute("day", day);
        model.addAttribute("slot", slot);
        model.addAttribute("form", form);
        model.addAttribute("personForm", personForm);
        model.addAttribute("newPersonForm", newPersonForm);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", SlotKind.values());
        model.addAttribute("roles", SlotRole.values());
        model.addAttribute("usualRepresentatives", Representative.USUAL);
        model.addAttribute("people", directory.peopleByName());
        List<Organisation> organisations = directory.organisationsByName();
        model.addAttribute("organisations", organisations);
        model.addAttribute("organisationNames", organisations.stream().collect(Collectors.toMap(Organisation::id,
                Organisation::name)));
        return fragment ? "programme/admin/slot :: sheet" : "programme/admin/slot";
    }

    private static String editorPath(ManagedDay day) {
        return "/admin/journees/" + day.slug() + "/programme";
    }

    private static String slotPath(ManagedDay day, long slotId) {
        return editorPath(day) + "/creneaux/" + slotId;
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args.length == 0 ? null : args, locale);
    }

    private FormErrors errors(ProgrammeEditor.Outcome outcome, Locale locale) {
        return FormErrors.of(outcome.problems(), messages, locale);
    }

    /** A slot of the editor's list, with the moves it allows (within slots that start at the same time). */
    /** The editor's slots of one day of the session. */
    record DayRows(SessionDay day, List<EditorRow> rows) {
    }

    record EditorRow(Slot slot, boolean canMoveUp, boolean canMoveDown) {
        static List<EditorRow> of(Programme programme) {
            List<Slot> slots = programme.slots();
            return IntStream.range(0, slots.size()).mapToObj(i -> new EditorRow(slots.get(i),
                    i > 0 && slots.get(i - 1).startsAt().equals(slots.get(i).startsAt()),
                    i < slots.size() - 1 && slots.get(i + 1).startsAt().equals(slots.get(i).startsAt()))).toList();
        }
    }
}
