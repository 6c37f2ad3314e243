package org.rencontres.directory;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpSession;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.rencontres.document.FileKind;
import org.rencontres.document.PendingUpload;
import org.rencontres.document.PendingUploads;
import org.rencontres.document.Uploads;
import org.rencontres.security.Organiser;
import org.rencontres.web.UploadLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import of organisations from a CSV file: upload, preview (the file kept in the database by
 * {@link PendingUploads}, never in the page, so that any instance confirms it), then confirmation. A file with an error line, or that cannot be read, changes nothing.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OrganisationImportController {

    static final String BASE = "/admin/annuaire/import";
    private static final String PREVIEW = "directory.import";

    private final OrganisationImports imports;
    private final Uploads uploads;
    private final PendingUploads pendingUploads;
    private final ObjectProvider<MultipartConfigElement> multipart;

    @GetMapping(BASE)
    String form(@RequestParam(name = "trop-volumineux", required = false) String tooLarge, Model model) {
        return page(model, tooLarge != null ? ImportProblem.of("directory.import.error.size", megabytes()) : null);
    }

    @PostMapping(BASE)
    String upload(@AuthenticationPrincipal Organiser organiser,
                  @RequestParam(name = "fichier", required = false) MultipartFile file, HttpSession session,
                  Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            return page(model, ImportProblem.of(file == null || file.getOriginalFilename() == null
                    || file.getOriginalFilename().isBlank() ? "directory.import.error.nofile" : "directory.import.error.empty"));
        }
        if (file.getSize() > maxBytes()) {
            return page(model, ImportProblem.of("directory.import.error.size", megabytes()));
        }
        byte[] content = file.getBytes();
        try {
            // Text by its content, whatever its name: a spreadsheet or an archive renamed .csv is refused here.
            uploads.check(content, Set.of(FileKind.TEXT));
        } catch (Uploads.Refused refused) {
            return page(model, ImportProblem.of(refused.refusal() == Uploads.Refusal.TYPE
                    ? "directory.import.error.binary" : refused.messageKey()));
        }
        OrganisationImports.Preview preview = imports.preview(file.getOriginalFilename(), content);
        if (!preview.file().readable()) {
            return page(model, preview.file().problem());
        }
        pendingUploads.keep(PREVIEW, organiser.accountId(), session.getId(), preview.fileName(), content);
        return "redirect:" + BASE + "/apercu";
    }

    @GetMapping(BASE + "/apercu")
    String preview(@AuthenticationPrincipal Organiser organiser, HttpSession session, Model model) {
        OrganisationImports.Preview preview = preview(pendingUploads.current(PREVIEW, organiser.accountId(), session.getId()));
        if (preview == null) {
            return "redirect:" + BASE;
        }
        return previewPage(model, preview, null);
    }

    @PostMapping(BASE + "/confirmer")
    String confirm(@AuthenticationPrincipal Organiser organiser,
                   @RequestParam(name = "jeton", defaultValue = "") String token, HttpSession session, Model model,
                   RedirectAttributes redirect) {
        OrganisationImports.Preview preview = preview(pendingUploads.find(PREVIEW, organiser.accountId(), session.getId(), token));
        if (preview == null) {
            return page(model, ImportProblem.of("directory.import.error.expired"));
        }
        OrganisationImports.Outcome outcome;
        try {
            outcome = imports.apply(preview, DirectoryActor.of(organiser));
        } catch (DirectoryRefusal refusal) {
            return previewPage(model, preview, refusal.messageKey());
        } catch (DataIntegrityViolationException e) {
            // Another organiser changed the directory meanwhile (the same name recorded twice): all rolled back.
            return previewPage(model, preview, "directory.import.error.conflict");
        }
        pendingUploads.discard(PREVIEW, organiser.accountId(), session.getId());
        redirect.addFlashAttribute("imported", outcome);
        return "redirect:" + OrganisationsController.BASE;
    }

    @PostMapping(BASE + "/annuler")
    String cancel(@AuthenticationPrincipal Organiser organiser, HttpSession session) {
        pendingUploads.discard(PREVIEW, organiser.accountId(), session.getId());
        return "redirect:" + BASE;
    }

    /** The kept file read again, as its lines stand against the directory now, named by the kept token. */
    private OrganisationImports.Preview preview(java.util.Optional<PendingUpload> upload) {
        return upload.map(u -> imports.preview(u.token(), u.fileName(), u.content()))
                .filter(p -> p.file().readable()).orElse(null);
    }

    private String page(Model model, ImportProblem problem) {
        model.addAttribute("problem", problem);
        model.addAttribute("maxSize", megabytes());
        return "directory/admin/import";
    }

    private String previewPage(Model model, OrganisationImports.Preview preview, String refusal) {
        model.addAttribute("preview", preview);
        model.addAttribute("file", preview.file());
        model.addAttribute("refusal", refusal);
        return "directory/admin/import-preview";
    }

    private String megabytes() {
        return UploadLimit.megabytes(maxBytes());
    }

    private long maxBytes() {
        return UploadLimit.allowedBytes(OrganisationImports.MAX_BYTES, multipart.getIfAvailable());
    }
}
