package org.rencontres.registration;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The approval trail of a registration as PDF, for the three who may have it: the agent from their
 * space, the employer's training service from its space (its own agents only), the organiser of the
 * session; and the public page that says whether a trail's code is genuine. Another's registration is
 * not found (404), whatever the link.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApprovalTrailController {

    private final Registrations registrations;
    private final ApprovalTrails trails;

    @GetMapping("/inscription/espace/{token}/parcours.pdf")
    ResponseEntity<byte[]> ofAgent(@SignedLink.For(Links.Purpose.AGENT_SPACE) SignedLink link) {
        return pdf(registrations.find(link.registrationId()).orElseThrow(ApprovalTrailController::notFound));
    }

    @GetMapping("/service-formation/espace/{token}/inscriptions/{id}/parcours.pdf")
    ResponseEntity<byte[]> ofService(@SignedLink.For(Links.Purpose.SERVICE_SPACE) SignedLink link,
                                     @PathVariable long id) {
        Long organisation = link.link().organisationId();
        return pdf(registrations.find(id).filter(r -> organisation != null
                && organisation.equals(r.employerOrganisationId())).orElseThrow(ApprovalTrailController::notFound));
    }

    @GetMapping("/admin/journees/{slug}/inscriptions/{id}/parcours.pdf")
    ResponseEntity<byte[]> ofOrganiser(ManagedDay day, @PathVariable long id) {
        return pdf(registrations.find(id).filter(r -> r.dayId() == day.id())
                .orElseThrow(ApprovalTrailController::notFound));
    }

    @GetMapping("/inscription/parcours/verifier/{code}")
    String verify(@PathVariable String code, Model model, HttpServletResponse response) {
        Optional<ApprovalTrails.Trail> trail = trails.verify(code);
        if (trail.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("code", code);
        model.addAttribute("trail", trail.orElse(null));
        return "registration/trail-verify";
    }

    private ResponseEntity<byte[]> pdf(Registration r) {
        ApprovalTrails.Trail trail = trails.current(r);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ApprovalTrails.fileName(trail.day(), r)).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(trails.pdf(trail));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
