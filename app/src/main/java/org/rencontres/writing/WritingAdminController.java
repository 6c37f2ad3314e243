package org.rencontres.writing;

import java.util.List;
import java.util.Map;

import org.rencontres.event.Resource;
import org.rencontres.security.ManagedDay;
import org.rencontres.security.Organiser;
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
class WritingAdminController {

    static final int TITLE_MAX = 200;

        private final WritingDocuments documents;
    private final WritingAdmin admin;
    private final EditorPages pages;
    private final WritingHub hub;
    private final org.rencontres.workshops.Workshops workshops;
    private final org.springframework.context.MessageSource messages;

    WritingAdminController(WritingDocuments documents, WritingAdmin admin,
                           EditorPages pages, WritingHub hub, org.rencontres.workshops.Workshops workshops,
                           org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.workshops = workshops;
        this.documents = documents;
        this.admin = admin;
        this.pages = pages;
        this.hub = hub;
    }

    @GetMapping
    String list(ManagedDay day, Model model) {
        documents.ensureForWorkshops(day.id());
        return listPage(day, "", "", Map.of(), model);
    }

    private String listPage(ManagedDay day, String title, String template, Map<String, String> errors, Model model) {
        List<WritingDocument> all = documents.ofDay(day.id());
        model.addAttribute("day", day);
        model.addAttribute("documents", all);
        model.addAttribute("connected", all.stream().collect(java.util.stream.Collectors.toMap(
                WritingDocument::id, d -> hub.connected(d.id()))));
        model.addAttribute("facilitators", all.stream().filter(d -> d.workshopId() != null).collect(
                java.util.stream.Collectors.toMap(WritingDocument::id, d -> workshops.facilitatorsOf(d.workshopId()))));
        model.addAttribute("templates", DocumentTemplate.values());
        model.addAttribute("title", title);
        model.addAttribute("template", template);
        model.addAttribute("errors", errors);
        model.addAttribute("maxProjected", WritingPagesController.MAX_PROJECTED);
        return "writing/admin/list";
    }

    @PostMapping
    String create(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                  @RequestParam(name = "titre", defaultValue = "") String title,
                  @RequestParam(name = "modele", defaultValue = "") String template, Model model,
                  RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (title.isBlank()) {
            errors.put("titre", "writing.error.title.required");
        } else if (title.strip().length() > TITLE_MAX) {
            errors.put("titre", "writing.error.title.long");
        }
        DocumentTemplate chosen = null;
        try {
            chosen = DocumentTemplate.valueOf(template);
        } catch (IllegalArgumentException e) {
            errors.put("modele", "writing.error.template");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return listPage(day, title, template, errors, model);
        }
        long id = admin.create(day.id(), title, chosen, organiser);
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
                               java.util.Locale locale) {
        WritingDocument document = organiserAccess(organiser, day, id).document();
        org.rencontres.workshops.Facilitator f = admin.sendFacilitatorLink(document, facilitatorId, organiser)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("noticeText", messages.getMessage("writing.facilitator.sent",
                new Object[] {f.name()}, locale));
        return "redirect:/admin/journees/" + day.slug() + "/ecriture";
    }

    /** The confirmation page of publishing: who may read the final text. */
    @GetMapping("/{id}/publication")
    String publishPage(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                       Model model) {
        model.addAttribute("day", day);
        model.addAttribute("document", organiserAccess(organiser, day, id).document());
        model.addAttribute("error", null);
        return "writing/admin/publish";
    }

    @PostMapping("/{id}/publication")
    String publish(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                   @RequestParam(name = "visibilite", defaultValue = "") String visibility, Model model,
                   RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        WritingDocument document = organiserAccess(organiser, day, id).document();
        Resource.Visibility chosen;
        try {
            chosen = Resource.Visibility.valueOf(visibility);
        } catch (IllegalArgumentException e) {
            model.addAttribute("day", day);
            model.addAttribute("document", document);
            model.addAttribute("error", "writing.error.visibility");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "writing/admin/publish";
        }
        if (!document.isClosed()) {
            // Closed first (committed): nothing is stored after this, and the browsers turn read-only.
            admin.close(document, organiser);
            hub.closed(document.id());
        }
        // The PDF is made from the stored updates, whatever a browser sends.
        admin.publish(documents.find(id).orElseThrow(), chosen, organiser);
        redirect.addFlashAttribute("notice", "writing.published");
        return "redirect:/admin/journees/" + day.slug() + "/ecriture";
    }
}
