package org.rencontres.writing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the editor, reader and projector pages need, whoever opens them; and the exports. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class EditorPages {

    private final Days days;
    private final MessageSource messages;
    private final WritingExports exports;

    /**
     * Fills the model of writing/editor.
     *
     * @param socket the WebSocket's address, relative to the site (with the key that opens it)
     * @param base the address the exports hang from (…/texte.md, …/texte.pdf)
     */
    String editor(Access access, String socket, String base, Model model) {
        WritingDocument document = access.document();
        model.addAttribute("document", document);
        model.addAttribute("day", day(document));
        model.addAttribute("canEdit", access.canEdit());
        model.addAttribute("moderates", access.moderates());
        model.addAttribute("name", access.name());
        model.addAttribute("socket", socket);
        model.addAttribute("base", base);
        model.addAttribute("seed", String.join("|", sections(document.template())));
        model.addAttribute("readPath", "/ecriture/lecture/" + document.readKey());
        return "writing/editor";
    }

    Day day(WritingDocument document) {
        return days.find(document.dayId()).orElseThrow();
    }

    /** The section headings a template starts with, always in French: every browser must lay out the same ones. */
    List<String> sections(DocumentTemplate template) {
        if (template == DocumentTemplate.BLANK) {
            return List.of();
        }
        return Arrays.asList(messages.getMessage("writing.template." + template.name() + ".sections", null,
                Locale.FRENCH).split("\\|"));
    }

    ResponseEntity<byte[]> markdown(WritingDocument document) {
        return file(exports.markdown(document).getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "markdown", StandardCharsets.UTF_8),
                WritingExports.fileName(document, "md"));
    }

    ResponseEntity<byte[]> pdf(WritingDocument document) {
        return file(exports.pdf(document, day(document)), MediaType.APPLICATION_PDF, WritingExports.fileName(document, "pdf"));
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }
}
