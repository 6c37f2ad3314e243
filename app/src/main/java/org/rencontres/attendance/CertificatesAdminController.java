package org.rencontres.attendance;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The organisers' pages of a day's certificates: the progress of the bulk generation (refreshing
 * itself every 2 s while it runs, by a meta refresh), its confirmation page, the start, and one
 * person's certificate (issued on first download; refused for someone absent all day).
 */
@Controller
@RequestMapping("/admin/journees/{slug}/attestations")
class CertificatesAdminController {

        private final Certificates certificates;
    private final CertificatesRun run;
    private final MessageSource messages;

    CertificatesAdminController(Certificates certificates, CertificatesRun run,
                                MessageSource messages) {
        this.certificates = certificates;
        this.run = run;
        this.messages = messages;
    }

    @GetMapping
    String status(ManagedDay day, Model model) {
        return statusPage(day, null, model);
    }

    private String statusPage(ManagedDay day, String error, Model model) {
        List<Certificates.Present> present = certificates.present(day.id());
        model.addAttribute("day", day);
        model.addAttribute("present", present);
        model.addAttribute("issued", certificates.count(day.id()));
        model.addAttribute("pending", certificates.missing(day.id()).size());
        model.addAttribute("job", run.latest(day.id()).orElse(null));
        model.addAttribute("error", error);
        return "attendance/certificates";
    }

    @GetMapping("/confirmation")
    String confirm(ManagedDay day, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("pending", certificates.missing(day.id()).size());
        model.addAttribute("issued", certificates.count(day.id()));
        return "attendance/certificates-confirm";
    }

    @PostMapping
    String start(@AuthenticationPrincipal Organiser organiser, ManagedDay day, RedirectAttributes redirect) {
        Optional<CertificatesRun.Refusal> refusal = run.start(day.id(), organiser.displayName());
        if (refusal.isPresent()) {
            redirect.addFlashAttribute("refusal", text(refusal.get() == CertificatesRun.Refusal.NOT_ENDED
                    ? "attendance.certificates.refused.notEnded" : "attendance.certificates.refused.running"));
        } else {
            redirect.addFlashAttribute("notice", text("attendance.certificates.started"));
        }
        return "redirect:/admin/journees/" + day.slug() + "/attestations";
    }

    @GetMapping("/inscriptions/{registrationId}.pdf")
    Object one(ManagedDay day,
               @PathVariable long registrationId, Model model, HttpServletResponse response) {
        Certificate c;
        try {
            c = certificates.issue(day.id(), registrationId);
        } catch (Certificates.NotPresent e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return statusPage(day, e.getMessage(), model);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return pdf(certificates.pdf(c), "attestation-" + day.slug() + "-" + registrationId + ".pdf");
    }

    /** The certificate of a walk-in who gave an e-mail at the desk, issued now if needed. */
    @GetMapping("/sans-inscription/{walkInId}.pdf")
    Object oneWalkIn(ManagedDay day,
                     @PathVariable long walkInId, Model model, HttpServletResponse response) {
        Certificate c;
        try {
            c = certificates.issueToWalkIn(day.id(), walkInId);
        } catch (Certificates.NotPresent e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return statusPage(day, e.getMessage(), model);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return pdf(certificates.pdf(c), "attestation-" + day.slug() + "-sans-inscription-" + walkInId + ".pdf");
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(pdf);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
