package org.rencontres.writing;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.workshops.Facilitator;
import org.rencontres.workshops.Workshops;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The day's shared documents in the back office: list, new, open as organiser, exports, close, publish. */
@Controller
@RequestMapping("/admin/journees/{slug}/ecriture")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingAdminController {

    private final WritingDocuments documents;
    private final WritingAdmin admin;
    private final EditorPages pages;
    private final WritingHub hub;
    private final Workshops workshops;
    private final MessageSource messages;

    @GetMapping
    String list(ManagedDay day, Model model) {
        documents.ensureForWorkshops(day.id());
        return listPage(day, DocumentForm.empty(), FormErrors.none(), model);
    }

    private String listPage(ManagedDay day, DocumentForm form, FormErrors errors, Model model) {
        List<WritingDocument> all = documents.ofDay(day.id());
        model.addAttribute("day", day);
        model.addAttribute("documents", all);
        model.addAttribute("connected", all.stream().collect(Collectors.toMap(
                WritingDocument::id, d -> hub.connected(d.id()))));
        model.addAttribute("facilitators", all.stream().filter(d -> d.workshopId() != null).collect(
                Collectors.toMap(WritingDocument::id, d -> workshops.facilitatorsOf(d.workshopId()))));
        model.addAttribute("templates", DocumentTemplate.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxProjected", WritingPagesController.MAX_PROJECTED);
        return "writing/admin/list";
    }

    @PostMapping
    String create(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                  @RequestParam(name = "titre", defaultValue = "") String title,
                  @RequestParam(name = "modele", defaultValue = "") String template, Model model,
                  Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        DocumentForm form = new DocumentForm(title, template);
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return listPage(day, form, FormErrors.of(problems, messages, locale), model);
        }
        long id = admin.create(day.id(), form.titre(), form.template(), organiser);
        redirect.addFlashAttribute("notice", "writing.created");
        return "redirect:/admin/journees/" + day.slug() + "/ecriture/" + id;
    }

    /** An organiser's access to a document of a day they were just allowed to manage (else 404). */
    private Access organiserAccess(Organiser organiser, ManagedDay day, long id) {
        return documents.find(id).filter(d -> d.dayId() == day.id())
                .map(d -> new Access(d, Access.Role.ORGANISER, organiser.displayName(), null))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/{id}")
    String editor(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                  Model model) {
        Access a = organiserAccess(organiser, day, id);
        model.addAttribute("adminBase", "/admin/journees/" + day.slug() + "/ecriture");
        return pages.editor(a, WritingPagesController.socket(a), "/admin/journees/" + day.slug() + "/ecriture/" + id, model);
    }

    @GetMapping("/{id}/texte.md")
    ResponseEntity<byte[]> markdown(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                                    @PathVariable long id) {
        return pages.markdown(organiserAccess(organiser, day, id).document());
    }

    @GetMapping("/{id}/texte.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                               @PathVariable long id) {
        return pages.pdf(organiserAccess(organiser, day, id).document());
    }

    @PostMapping("/{id}/cloture")
    String close(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                 RedirectAttributes redirect) {
        return closeOrReopen(organiser, day, id, true, redirect);
    }

    @PostMapping("/{id}/reouverture")
    String reopen(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                  RedirectAttributes redirect) {
        return closeOrReopen(organiser, day, id, false, redirect);
    }

    private String closeOrReopen(Organiser organiser, ManagedDay day, long id, boolean close, RedirectAttributes redirect) {
        WritingDocument document = organiserAccess(organiser, day, id).document();
        if (close) {
            admin.close(document, organiser);
            hub.closed(document.id());
        } else {
            admin.reopen(document, organiser);
            hub.reopened(document.id());
        }
        redirect.addFlashAttribute("notice", close ? "writing.closed" : "writing.reopened");
        return "redirect:/admin/journees/" + day.slug() + "/ecriture";
    }

    /** Sends a facilitator of the document's workshop their link by e-mail. */
    @PostMapping("/{id}/animation/{facilitatorId}")
    String sendFacilitatorLink(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                               @PathVariable long id, @PathVariable long facilitatorId, RedirectAttributes redirect,
                               Locale locale) {
        WritingDocument document = organiserAccess(organiser, day, id).document();
        Facilitator f = admin.sendFacilitatorLink(document, facilitatorId, organiser)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("noticeText", messages.getMessage("writing.facilitator.sent",
                new Object[] {f.name()}, locale));
        return "redirect:/admin/journees/" + day.slug() + "/ecriture";
    }

    /** The confirmation page of publishing: who may read the final text. */
    @GetMapping("/{id}/publication")
    String publishPage(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                       Model model) {
        return publishPage(day, organiserAccess(organiser, day, id).document(), FormErrors.none(), model);
    }

    private String publishPage(ManagedDay day, WritingDocument document, FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("document", document);
        model.addAttribute("errors", errors);
        return "writing/admin/publish";
    }

    @PostMapping("/{id}/publication")
    String publish(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                   @RequestParam(name = "visibilite", defaultValue = "") String visibility, Model model,
                   Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        WritingDocument document = organiserAccess(organiser, day, id).document();
        PublishForm form = new PublishForm(visibility);
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return publishPage(day, document, FormErrors.of(problems, messages, locale), model);
        }
        if (!document.isClosed()) {
            // Closed first (committed): nothing is stored after this, and the browsers turn read-only.
            admin.close(document, organiser);
            hub.closed(document.id());
        }
        // The PDF is made from the stored updates, whatever a browser sends.
        admin.publish(documents.find(id).orElseThrow(), form.visibility(), organiser);
        redirect.addFlashAttribute("notice", "writing.published");
        return "redirect:/admin/journees/" + day.slug() + "/ecriture";
    }
}
