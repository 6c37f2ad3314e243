package org.rencontres.writing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages of collective writing opened with a key: a participant's (from their agent's space), a
 * facilitator's (given to them by the organisers), the read-only link's, and the projector's, which shows one or several documents side by side.
 */
@Controller
class WritingPagesController {

    static final int MAX_PROJECTED = 4;

    private final WritingAccess access;
    private final EditorPages pages;

    WritingPagesController(WritingAccess access, EditorPages pages) {
        this.access = access;
        this.pages = pages;
    }

    private Access participant(String key) {
        return access.participant(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Access reader(String key) {
        return access.reader(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/ecriture/participant/{key}")
    String participantPage(@PathVariable String key, Model model) {
        Access a = participant(key);
        return pages.editor(a, socket(a) + "?cle=" + key, "/ecriture/participant/" + key, model);
    }

    @GetMapping("/ecriture/participant/{key}/texte.md")
    ResponseEntity<byte[]> participantMarkdown(@PathVariable String key) {
        return pages.markdown(participant(key).document());
    }

    @GetMapping("/ecriture/participant/{key}/texte.pdf")
    ResponseEntity<byte[]> participantPdf(@PathVariable String key) {
        return pages.pdf(participant(key).document());
    }

    private Access facilitator(String key) {
        return access.facilitator(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A facilitator's page: they write and moderate (highlight for the sharing back). */
    @GetMapping("/ecriture/animation/{key}")
    String facilitatorPage(@PathVariable String key, Model model) {
        Access a = facilitator(key);
        return pages.editor(a, socket(a) + "?animation=" + key, "/ecriture/animation/" + key, model);
    }

    @GetMapping("/ecriture/animation/{key}/texte.md")
    ResponseEntity<byte[]> facilitatorMarkdown(@PathVariable String key) {
        return pages.markdown(facilitator(key).document());
    }

    @GetMapping("/ecriture/animation/{key}/texte.pdf")
    ResponseEntity<byte[]> facilitatorPdf(@PathVariable String key) {
        return pages.pdf(facilitator(key).document());
    }

    @GetMapping("/ecriture/lecture/{key}")
    String readerPage(@PathVariable String key, Model model) {
        Access a = reader(key);
        return pages.editor(a, socket(a) + "?lecture=" + key, "/ecriture/lecture/" + key, model);
    }

    @GetMapping("/ecriture/lecture/{key}/texte.md")
    ResponseEntity<byte[]> readerMarkdown(@PathVariable String key) {
        return pages.markdown(reader(key).document());
    }

    @GetMapping("/ecriture/lecture/{key}/texte.pdf")
    ResponseEntity<byte[]> readerPdf(@PathVariable String key) {
        return pages.pdf(reader(key).document());
    }

    /** The projector: the documents of those read-only keys side by side (up to four), large type. */
    @GetMapping("/ecriture/projection")
    String projector(@RequestParam(name = "lecture", required = false) List<String> keys, Model model) {
        if (keys == null || keys.isEmpty() || keys.size() > MAX_PROJECTED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<Projected> projected = new ArrayList<>();
        for (String key : keys.stream().distinct().toList()) {
            Access a = reader(key);
            projected.add(new Projected(a.document(), socket(a) + "?lecture=" + key));
        }
        model.addAttribute("projected", projected);
        model.addAttribute("day", pages.day(projected.get(0).document()));
        return "writing/projector";
    }

    record Projected(WritingDocument document, String socket) {
    }

    static String socket(Access a) {
        return WritingSocketConfiguration.PATH + a.document().id();
    }
}
