package org.rencontres.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.shared.FrenchTime;
import org.rencontres.web.Confirmation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The days of a session in the back office: add one, move it or change its hours, remove it. A day
 * that holds something (programme slots, attendance, a rotation) is moved or removed only once the
 * organiser has read what goes with it.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionDayController {

    private final Days days;
    private final DayAdministration administration;
    private final List<SessionDayDependents> dependents;
    private final MessageSource messages;
    private final List<PeopleToTell> peopleToTell;

    @GetMapping("/admin/journees/{slug}/jours/nouveau")
    String newDay(ManagedDay managed, Model model) {
        return form(model, managed, null, SessionDayForm.empty(managed.days()), List.of());
    }

    @PostMapping("/admin/journees/{slug}/jours/nouveau")
    String add(@AuthenticationPrincipal Organiser organiser, ManagedDay managed, SessionDayForm form, Model model,
               Locale locale, RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        SessionDayDraft draft = DayForms.sessionDay(form.date(), form.debut(), form.fin(), problems);
        if (draft == null) {
            return form(model, managed, null, form, problems);
        }
        int people = people(managed);
        if (people > 0 && !form.confirmed()) {
            String action = "/admin/journees/" + managed.slug() + "/jours/nouveau";
            return Confirmation.of(text(locale, "admin.session.day.add.title", FrenchTime.longDate(draft.date())),
                            text(locale, "admin.day.people.told", people), action,
                            text(locale, "admin.session.day.add.confirm"), "/admin/journees/" + managed.slug(),
                            text(locale, "admin.cancel"))
                    .sending("date", form.date()).sending("debut", form.debut()).sending("fin", form.fin())
                    .sending("confirme", "oui").show(model);
        }
        try {
            administration.addDay(session(managed), draft, organiser);
        } catch (SessionDayConflictException e) {
            return form(model, managed, null, form, List.of(FieldProblem.of("date", "day.error.date.taken")));
        }
        redirect.addFlashAttribute("saved", "admin.session.day.added");
        return "redirect:/admin/journees/" + managed.slug() + "#jours";
    }

    @GetMapping("/admin/journees/{slug}/jours/{id}")
    String edit(ManagedDay managed, @PathVariable("id") long id, Model model) {
        SessionDay day = day(managed, id);
        return form(model, managed, day, SessionDayForm.of(day), List.of());
    }

    @PostMapping("/admin/journees/{slug}/jours/{id}")
    String change(@AuthenticationPrincipal Organiser organiser, ManagedDay managed, @PathVariable("id") long id,
                  SessionDayForm form, Model model, Locale locale, RedirectAttributes redirect) {
        SessionDay day = day(managed, id);
        List<FieldProblem> problems = new ArrayList<>();
        SessionDayDraft draft = DayForms.sessionDay(form.date(), form.debut(), form.fin(), problems);
        if (draft == null) {
            return form(model, managed, day, form, problems);
        }
        String carried = carried(managed, day, locale);
        boolean moved = !draft.date().equals(day.date());
        // Registrants are told of any change of date or hours: the organiser reads how many first.
        int people = draft.equals(day.draft()) ? 0 : people(managed);
        if ((moved && !carried.isEmpty() || people > 0) && !form.confirmed()) {
            String action = "/admin/journees/" + managed.slug() + "/jours/" + id;
            String what = moved && !carried.isEmpty()
                    ? text(locale, "admin.session.day.move.text", day.frenchDate(), FrenchTime.longDate(draft.date()), carried)
                    : text(locale, "admin.session.day.change.text", day.frenchDate() + ", " + day.frenchHours(),
                            FrenchTime.longDate(draft.date()) + ", " + FrenchTime.clock(draft.startsAt()) + " – "
                                    + FrenchTime.clock(draft.endsAt()));
            Confirmation confirmation = Confirmation.of(text(locale, "admin.session.day.move.title", day.frenchDate()),
                    what, action, text(locale, "admin.session.day.move.confirm"), action, text(locale, "admin.cancel"));
            if (people > 0) {
                confirmation = confirmation.saying(text(locale, "admin.day.people.told", people));
            }
            return confirmation.sending("date", form.date()).sending("debut", form.debut()).sending("fin", form.fin())
                    .sending("confirme", "oui").show(model);
        }
        try {
            administration.changeDay(session(managed), day, draft, organiser);
        } catch (SessionDayConflictException e) {
            return form(model, managed, day, form, List.of(FieldProblem.of("date", "day.error.date.taken")));
        }
        redirect.addFlashAttribute("saved", "admin.session.day.saved");
        return "redirect:/admin/journees/" + managed.slug() + "#jours";
    }

    @GetMapping("/admin/journees/{slug}/jours/{id}/supprimer")
    String confirmRemove(ManagedDay managed, @PathVariable("id") long id, Model model, Locale locale,
                         RedirectAttributes redirect) {
        SessionDay day = day(managed, id);
        String back = "/admin/journees/" + managed.slug();
        if (managed.days().isSingle()) {
            redirect.addFlashAttribute("saved", "admin.session.day.remove.last");
            return "redirect:" + back + "#jours";
        }
        String carried = carried(managed, day, locale);
        Confirmation confirmation = Confirmation.of(text(locale, "admin.session.day.remove.title", day.frenchDate()),
                carried.isEmpty() ? text(locale, "admin.session.day.remove.empty")
                        : text(locale, "admin.session.day.remove.carried", carried),
                back + "/jours/" + id + "/supprimer", text(locale, "admin.session.day.remove.confirm"),
                back, text(locale, "admin.cancel"));
        int people = people(managed);
        return (people > 0 ? confirmation.saying(text(locale, "admin.day.people.told", people)) : confirmation).show(model);
    }

    @PostMapping("/admin/journees/{slug}/jours/{id}/supprimer")
    String remove(@AuthenticationPrincipal Organiser organiser, ManagedDay managed, @PathVariable("id") long id,
                  Locale locale, RedirectAttributes redirect) {
        SessionDay day = day(managed, id);
        if (managed.days().isSingle()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        administration.removeDay(session(managed), day, carried(managed, day, locale), organiser);
        redirect.addFlashAttribute("saved", "admin.session.day.removed");
        return "redirect:/admin/journees/" + managed.slug() + "#jours";
    }

    /** How many people a change of the session's dates reaches by e-mail. */
    private int people(ManagedDay managed) {
        return peopleToTell.stream().mapToInt(p -> p.of(managed.id())).sum();
    }

    /** What the modules keep on that day, joined: "3 créneaux du programme, 12 présences". */
    private String carried(ManagedDay managed, SessionDay day, Locale locale) {
        return String.join(", ", dependents.stream().map(d -> d.on(managed.id(), day.id(), locale))
                .flatMap(Optional::stream).toList());
    }

    private Day session(ManagedDay managed) {
        return days.find(managed.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static SessionDay day(ManagedDay managed, long id) {
        return managed.days().byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, ManagedDay managed, SessionDay day, SessionDayForm form,
                        List<FieldProblem> problems) {
        model.addAttribute("managed", managed);
        model.addAttribute("sessionDay", day);
        model.addAttribute("form", form);
        model.addAttribute("errors", FormErrors.of(problems, messages, LocaleContextHolder.getLocale()));
        return "event/admin/session-day";
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
