package org.rencontres.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.PendingUpload;
import org.rencontres.document.PendingUploads;
import org.rencontres.event.Days;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionCode;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.web.UploadLimit;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session as one JSON document: its export (any day page's guard decides who may have it), and its
 * import as a new draft in three steps: upload (checked whole, every problem shown with its JSON path,
 * nothing saved), preview of the upload kept in the database ({@link PendingUploads}, never in the page,
 * so any instance confirms it) with the new code to give, then confirmation. The schema is public.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ExchangeController {

    static final String IMPORT = "/admin/journees/importer";
    private static final String PENDING = "exchange.import";

    private final SessionExport export;
    private final DocumentCheck check;
    private final SessionImport imports;
    private final SessionSchema schema;
    private final Days days;
    private final PendingUploads uploads;
    private final MessageSource messages;

    @GetMapping("/admin/journees/{slug}/export.json")
    ResponseEntity<byte[]> export(ManagedDay day) {
        byte[] json = DocumentCheck.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(export.export(day.id()));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("session-" + day.slug() + ".json").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(json);
    }

    @GetMapping(SessionSchema.ADDRESS)
    ResponseEntity<byte[]> schema() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/schema+json"))
                .cacheControl(CacheControl.noCache()).body(schema.text());
    }

    // ---- import

    /** An upload kept between the preview and the confirmation; {@code token} names it. */
    record Pending(String token, String fileName, byte[] content, SessionImport.Preview preview) {
    }

    @GetMapping(IMPORT)
    String form(@RequestParam(name = "trop-volumineux", required = false) String tooLarge, Model model) {
        return page(model, tooLarge == null ? List.of()
                : List.of(DocumentProblem.at("$", "exchange.check.size", megabytes())));
    }

    @PostMapping(IMPORT)
    String upload(@AuthenticationPrincipal Organiser organiser,
                  @RequestParam(name = "fichier", required = false) MultipartFile file, HttpSession session,
                  Model model) throws IOException {
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            return page(model, List.of(DocumentProblem.at("$", "exchange.check.nofile")));
        }
        if (file.getSize() > SessionDocumentSizeLimit.MAX_BYTES) {
            return page(model, List.of(DocumentProblem.at("$", "exchange.check.size", megabytes())));
        }
        byte[] content = file.getBytes();
        DocumentCheck.Checked checked = check.check(content);
        if (!checked.isValid()) {
            return page(model, checked.problems());
        }
        String name = file.getOriginalFilename().strip();
        uploads.keep(PENDING, organiser.accountId(), session.getId(), name.length() > 200 ? name.substring(0, 200) : name, content);
        return "redirect:" + IMPORT + "/apercu";
    }

    @GetMapping(IMPORT + "/apercu")
    String preview(@AuthenticationPrincipal Organiser organiser, HttpSession session, Model model) {
        Pending pending = pending(organiser, session, null);
        if (pending == null) {
            return "redirect:" + IMPORT;
        }
        return previewPage(model, pending, "", List.of());
    }

    @PostMapping(IMPORT + "/confirmer")
    String confirm(@AuthenticationPrincipal Organiser organiser,
                   @RequestParam(name = "jeton", defaultValue = "") String token,
                   @RequestParam(name = "code", defaultValue = "") String code, HttpSession session, Model model,
                   RedirectAttributes redirect) {
        Pending pending = pending(organiser, session, token);
        if (pending == null) {
            return page(model, List.of(DocumentProblem.at("$", "exchange.check.expired")));
        }
        SessionCode sessionCode;
        String typed = code.strip();
        if (typed.isEmpty()) {
            return previewPage(model, pending, code, List.of(FieldProblem.of("code", "exchange.code.missing")));
        }
        if (typed.length() > SessionCode.MAX_LENGTH) {
            return previewPage(model, pending, code, List.of(FieldProblem.of("code", "exchange.code.long",
                    SessionCode.MAX_LENGTH)));
        }
        try {
            sessionCode = new SessionCode(typed);
        } catch (IllegalArgumentException e) {
            return previewPage(model, pending, code, List.of(FieldProblem.of("code", "exchange.code.invalid")));
        }
        if (days.exists(sessionCode)) {
            return previewPage(model, pending, code, List.of(FieldProblem.of("code", "exchange.code.taken",
                    sessionCode.value())));
        }
        DocumentCheck.Checked checked = check.check(pending.content());
        SessionImport.Imported imported;
        try {
            imported = imports.apply(checked.document(), sessionCode, pending.fileName(), organiser).orElse(null);
        } catch (DataIntegrityViolationException e) {
            // The same code or organisation recorded at that moment by another page: all rolled back.
            return previewPage(model, pending, code, List.of(FieldProblem.general("exchange.import.conflict")));
        }
        if (imported == null) {
            return previewPage(model, pending, code, List.of(FieldProblem.of("code", "exchange.code.taken",
                    sessionCode.value())));
        }
        uploads.discard(PENDING, organiser.accountId(), session.getId());
        redirect.addFlashAttribute("saved", "exchange.import.done");
        return "redirect:/admin/journees/" + imported.slug();
    }

    @PostMapping(IMPORT + "/annuler")
    String cancel(@AuthenticationPrincipal Organiser organiser, HttpSession session) {
        uploads.discard(PENDING, organiser.accountId(), session.getId());
        return "redirect:" + IMPORT;
    }

    /**
     * The organiser's waiting upload (the one {@code token} names, when given) with its preview computed
     * again from the file: the file was valid when kept, and the schema is the same.
     */
    private Pending pending(Organiser organiser, HttpSession session, String token) {
        java.util.Optional<PendingUpload> upload = token == null
                ? uploads.current(PENDING, organiser.accountId(), session.getId())
                : uploads.find(PENDING, organiser.accountId(), session.getId(), token);
        if (upload.isEmpty()) {
            return null;
        }
        DocumentCheck.Checked checked = check.check(upload.get().content());
        if (!checked.isValid()) {
            return null;
        }
        return new Pending(upload.get().token(), upload.get().fileName(), upload.get().content(),
                imports.preview(checked.document()));
    }

    /** A problem as the page shows it: where, and what, in the page's language. */
    record Shown(String path, String text) {
    }

    private String page(Model model, List<DocumentProblem> problems) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("problems", problems.stream()
                .map(p -> new Shown(p.path(), messages.getMessage(p.code(), p.args().toArray(), locale))).toList());
        model.addAttribute("maxSize", megabytes());
        return "exchange/import";
    }

    private String previewPage(Model model, Pending pending, String code, List<FieldProblem> problems) {
        model.addAttribute("pending", pending);
        model.addAttribute("preview", pending.preview());
        model.addAttribute("code", code);
        model.addAttribute("errors", FormErrors.of(problems, messages,
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "exchange/import-preview";
    }

    private static String megabytes() {
        return UploadLimit.megabytes(SessionDocumentSizeLimit.MAX_BYTES);
    }
}
