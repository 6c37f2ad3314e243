package org.rencontres.networking;

import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.networking.RotationData.PlanStatus;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationSetup.Imported;
import org.rencontres.programme.Slot;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.web.Confirmation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the rotation's back-office controllers share: the day, slot and rotation of the path
 * (access decided there), the parts every page shows, the participants' page (set-up and on the
 * day), the confirmation page, notices after a change.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RotationPages {

    private final NetworkingAdmin admin;
    private final RotationSetup setup;
    private final RotationPlanning planning;
    private final RotationOnTheDay onTheDay;
    private final MessageSource messages;

    /** The day, the slot and its rotation of a back-office path. */
    record Where(ManagedDay day, Slot slot, NetworkingSession session) {
        String base() {
            return "/admin/journees/" + day.slug() + "/reseautage/" + slot.id();
        }
    }

    /** The day, the slot and its rotation, or 403 / 404. */
    Where where(ManagedDay day, long slotId) {
        Slot slot = admin.networkingSlot(day.id(), slotId);
        NetworkingSession session = admin.ofSlot(day.id(), slotId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new Where(day, slot, session);
    }

    void common(Where w, Model model) {
        model.addAttribute("day", w.day());
        model.addAttribute("slot", w.slot());
        model.addAttribute("slotDate", RotationDay.shown(w.day(), w.slot()));
        model.addAttribute("rotation", w.session());
        model.addAttribute("base", w.base());
        boolean published = planning.status(w.session()).published();
        model.addAttribute("published", published);
        // The cards whose route a re-planning changed: the link to reprint them shows only when there are some.
        model.addAttribute("reprints", published ? onTheDay.presences(w.session()).values().stream()
                .filter(RotationData.Presence::reprint).count() : 0L);
    }

    String participantsPage(Where w, ParticipantForm form, DepartureForm departure, FormErrors errors,
                            Model model) {
        common(w, model);
        PlanStatus status = planning.status(w.session());
        model.addAttribute("departure", departure);
        model.addAttribute("onTheDay", true);
        model.addAttribute("presences", onTheDay.presences(w.session()));
        model.addAttribute("progress", onTheDay.progress(w.session()));
        model.addAttribute("planRounds", status.rounds() == null ? 0 : status.rounds());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("members", setup.members(w.session()));
        model.addAttribute("seats", setup.tables(w.session()).stream().mapToInt(RoomTable::capacity).sum());
        return "networking/admin/participants";
    }

    /**
     * Where a change from the participants' page leads: back to the list with its notice, or the
     * page again with the problems and the forms as typed.
     */
    String participantsChanged(Where w, Outcome outcome, String notice, ParticipantForm form,
                               DepartureForm departure, Locale locale, Model model, RedirectAttributes redirect) {
        if (!outcome.ok()) {
            return participantsPage(w, form, departure, errors(outcome.problems(), locale), model);
        }
        notice(redirect, notice, outcome);
        return "redirect:" + w.base() + "/participants";
    }

    /** The participants' page with empty forms and the problems of a refused change. */
    String participantsPage(Where w, List<FieldProblem> problems, Locale locale, Model model) {
        return participantsPage(w, new ParticipantForm("", ""), new DepartureForm("", ""), errors(problems, locale),
                model);
    }

    /**
     * The page that asks before a change that cannot be undone, in the texts under {@code prefix} (its
     * ".title" naming {@code name} if any, ".warning", ".confirm").
     */
    String confirmPage(Model model, Locale locale, String prefix, String name, String action, String cancel) {
        return confirmPage(model, name == null ? message(prefix + ".title", locale)
                        : message(prefix + ".title", locale, name), message(prefix + ".warning", locale), action,
                message(prefix + ".confirm", locale), cancel, locale);
    }

    /** The page that asks before a change that cannot be undone, with the rotation's way back. */
    String confirmPage(Model model, String title, String warning, String action, String confirm, String cancel,
                       Locale locale) {
        return Confirmation.of(title, warning, action, confirm, cancel, message("networking.cancel", locale))
                .show(model);
    }

    String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args.length == 0 ? null : args, locale);
    }

    /** The problems' texts, by field. */
    FormErrors errors(List<FieldProblem> problems, Locale locale) {
        return FormErrors.of(problems, messages, locale);
    }

    /**
     * The problems of a form that is only a button (generate, publish): about the form as a whole, every one
     * of them shown, even several on the same part of the set-up.
     */
    FormErrors actionErrors(List<FieldProblem> problems, Locale locale) {
        return errors(problems.stream().map(p -> FieldProblem.general(p.code(), p.args().toArray())).toList(), locale);
    }

    /** The texts of problems that are not a form's (what stands in the way of a plan), in order. */
    List<String> texts(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(p -> messages.getMessage(p.code(), p.args().toArray(), locale)).toList();
    }

    /** Where an import of registrants leads: the list, with how many were added (or why none). */
    String imported(Where w, Imported imported, RedirectAttributes redirect, Locale locale) {
        if (!imported.outcome().ok()) {
            refusedOr(redirect, imported.outcome(), null, locale);
        } else {
            redirect.addFlashAttribute("noticeText", message("networking.participant.notice.imported", locale,
                    imported.added(), imported.alreadyThere()));
            notice(redirect, null, imported.outcome());
        }
        return "redirect:" + w.base() + "/participants";
    }

    static void notice(RedirectAttributes redirect, String code, Outcome outcome) {
        if (code != null) {
            redirect.addFlashAttribute("notice", code);
        }
        if (outcome.planDiscarded()) {
            redirect.addFlashAttribute("discarded", true);
        }
    }

    /** After a change without a form: its notice, or the text of why it was refused. */
    void refusedOr(RedirectAttributes redirect, Outcome outcome, String code, Locale locale) {
        if (outcome.ok()) {
            notice(redirect, code, outcome);
        } else {
            FieldProblem refused = outcome.problems().get(0);
            redirect.addFlashAttribute("refused", message(refused.code(), locale, refused.args().toArray()));
        }
    }
}
