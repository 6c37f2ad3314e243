package org.rencontres.networking;

import static org.rencontres.networking.RotationPages.notice;

import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationPages.Where;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back office's pages for setting a rotation up: settings, tables and hosts, the list of
 * participants. Thin: the rules are in {@link RotationSetup}.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/reseautage/{slotId}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RotationSetupController {

    private final RotationPages pages;
    private final RotationSetup setup;

    // ---- settings ----

    @GetMapping("/organisation")
    String setup(ManagedDay day, @PathVariable long slotId,
                 Model model) {
        Where w = pages.where(day, slotId);
        return setupPage(w, SettingsForm.of(setup.settings(w.session())), FormErrors.none(), model);
    }

    @PostMapping("/organisation")
    String saveSettings(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                        @PathVariable long slotId, SettingsForm form, Model model, Locale locale,
                        RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        Outcome outcome = setup.saveSettings(w.day(), organiser, w.slot(), w.session(), form);
        if (!outcome.ok()) {
            return setupPage(w, form, pages.errors(outcome.problems(), locale), model);
        }
        notice(redirect, "networking.setup.notice.saved", outcome);
        return "redirect:" + w.base() + "/organisation";
    }

    private String setupPage(Where w, SettingsForm form, FormErrors errors, Model model) {
        pages.common(w, model);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("rounds", Rounds.of(w.slot(), setup.settings(w.session())));
        model.addAttribute("tables", setup.tables(w.session()));
        return "networking/admin/setup";
    }

    // ---- tables ----

    @GetMapping("/organisation/tables/nouvelle")
    String newTable(ManagedDay day, @PathVariable long slotId,
                    Model model) {
        Where w = pages.where(day, slotId);
        return tablePage(w, null, TableForm.forNew(w.session().groupSize()), FormErrors.none(), model);
    }

    @PostMapping("/organisation/tables")
    String addTable(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                    TableForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        Outcome outcome = setup.saveTable(w.day(), organiser, w.session(), null, form);
        if (!outcome.ok()) {
            return tablePage(w, null, form, pages.errors(outcome.problems(), locale), model);
        }
        notice(redirect, "networking.table.notice.added", outcome);
        return "redirect:" + w.base() + "/organisation#tables";
    }

    @GetMapping("/organisation/tables/{tableId}")
    String editTable(ManagedDay day, @PathVariable long slotId,
                     @PathVariable long tableId, Model model) {
        Where w = pages.where(day, slotId);
        RoomTable table = table(w, tableId);
        return tablePage(w, table, TableForm.of(table), FormErrors.none(), model);
    }

    @PostMapping("/organisation/tables/{tableId}")
    String saveTable(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
                     @PathVariable long tableId, TableForm form, Model model, Locale locale,
                     RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        RoomTable table = table(w, tableId);
        Outcome outcome = setup.saveTable(w.day(), organiser, w.session(), tableId, form);
        if (!outcome.ok()) {
            return tablePage(w, table, form, pages.errors(outcome.problems(), locale), model);
        }
        notice(redirect, "networking.table.notice.saved", outcome);
        return "redirect:" + w.base() + "/organisation#tables";
    }

    private String tablePage(Where w, RoomTable table, TableForm form, FormErrors errors, Model model) {
        pages.common(w, model);
        model.addAttribute("table", table);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("hosts", setup.hostChoices());
        return "networking/admin/table";
    }

    @GetMapping("/organisation/tables/{tableId}/suppression")
    String confirmRemoveTable(ManagedDay day, @PathVariable long slotId, @PathVariable long tableId, Model model,
                              Locale locale) {
        Where w = pages.where(day, slotId);
        return pages.confirmPage(model, locale, "networking.table.remove", table(w, tableId).name(),
                w.base() + "/organisation/tables/" + tableId + "/suppression", w.base() + "/organisation#tables");
    }

    @PostMapping("/organisation/tables/{tableId}/suppression")
    String removeTable(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                       @PathVariable long slotId, @PathVariable long tableId, Locale locale,
                       RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        Outcome outcome = setup.removeTable(w.day(), organiser, w.session(), tableId);
        pages.refusedOr(redirect, outcome, "networking.table.notice.removed", locale);
        return "redirect:" + w.base() + "/organisation#tables";
    }

    private RoomTable table(Where w, long tableId) {
        return setup.table(w.session(), tableId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    // ---- participants ----

    @GetMapping("/participants")
    String participants(ManagedDay day,
                        @PathVariable long slotId, Model model) {
        Where w = pages.where(day, slotId);
        return pages.participantsPage(w, new ParticipantForm("", ""), new DepartureForm("", ""), FormErrors.none(), model);
    }

    @PostMapping("/participants")
    String addParticipant(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                          @PathVariable long slotId, ParticipantForm form, Model model, Locale locale,
                          RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        return pages.participantsChanged(w, setup.addMember(w.day(), organiser, w.session(), form),
                "networking.participant.notice.added", form, new DepartureForm("", ""), locale, model, redirect);
    }

    @PostMapping("/participants/import")
    String importConfirmed(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                           @PathVariable long slotId, RedirectAttributes redirect, Locale locale) {
        Where w = pages.where(day, slotId);
        return pages.imported(w, setup.importConfirmed(w.day(), organiser, w.session()), redirect, locale);
    }

    @GetMapping("/participants/{participantId}/suppression")
    String confirmRemoveParticipant(ManagedDay day, @PathVariable long slotId, @PathVariable long participantId,
                                    Model model, Locale locale) {
        Where w = pages.where(day, slotId);
        Member member = setup.member(w.session(), participantId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return pages.confirmPage(model, locale, "networking.participant.remove", member.name(),
                w.base() + "/participants/" + participantId + "/suppression", w.base() + "/participants");
    }

    @PostMapping("/participants/{participantId}/suppression")
    String removeParticipant(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                             @PathVariable long slotId, @PathVariable long participantId, Locale locale,
                             RedirectAttributes redirect) {
        Where w = pages.where(day, slotId);
        Outcome outcome = setup.removeMember(w.day(), organiser, w.session(), participantId);
        pages.refusedOr(redirect, outcome, "networking.participant.notice.removed", locale);
        return "redirect:" + w.base() + "/participants";
    }
}
