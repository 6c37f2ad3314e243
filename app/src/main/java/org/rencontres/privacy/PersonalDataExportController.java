package org.rencontres.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Days;
import org.rencontres.registration.Registration;
import org.rencontres.registration.SpaceLinks;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.shared.PersonData;
import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The agent's own data, from their space ({@code /inscription/espace/{token}/donnees}): what the platform
 * holds about the address of that registration, downloaded as JSON or PDF, and the erasure request. The
 * token is checked by registration's {@link SpaceLinks#registrationOf} (404 tampered, 410 expired) before
 * anything is read.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PersonalDataExportController {

    /** The longest reason an agent may give. */
    static final int MAX_REASON = 2000;

    private final SpaceLinks spaces;
    private final PersonalDataExport export;
    private final ErasureRequests erasures;
    private final Days days;
    private final MessageSource messages;

    @GetMapping("/inscription/espace/{token}/donnees")
    String page(@PathVariable String token, Model model, Locale locale) {
        Registration r = spaces.registrationOf(token);
        EmailAddress person = new EmailAddress(r.email());
        model.addAttribute("token", token);
        model.addAttribute("person", person.value());
        model.addAttribute("day", days.find(r.dayId()).orElseThrow());
        model.addAttribute("sections", export.of(person, locale));
        model.addAttribute("pending", erasures.pendingOf(person)
                .map(p -> export.text("privacy.rights.pending", locale, PersonData.at(p.requestedAt(), locale)))
                .orElse(null));
        return "privacy/rights";
    }

    @GetMapping("/inscription/espace/{token}/donnees.json")
    ResponseEntity<byte[]> json(@PathVariable String token, Locale locale) {
        EmailAddress person = new EmailAddress(spaces.registrationOf(token).email());
        return download("mes-donnees.json", MediaType.APPLICATION_JSON, export.json(person, locale));
    }

    @GetMapping("/inscription/espace/{token}/donnees.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String token, Locale locale) {
        EmailAddress person = new EmailAddress(spaces.registrationOf(token).email());
        return download("mes-donnees.pdf", MediaType.APPLICATION_PDF, export.pdf(person, locale));
    }

    /** The confirmation step, with the optional reason. */
    @GetMapping("/inscription/espace/{token}/donnees/effacement")
    String erasureForm(@PathVariable String token, Model model) {
        Registration r = spaces.registrationOf(token);
        if (erasures.pendingOf(new EmailAddress(r.email())).isPresent()) {
            return "redirect:/inscription/espace/" + token + "/donnees";
        }
        return erasurePage(token, "", FormErrors.none(), model);
    }

    @PostMapping("/inscription/espace/{token}/donnees/effacement")
    String askErasure(@PathVariable String token, ErasureRequestForm form, Model model, Locale locale,
                      HttpServletResponse response) {
        Registration r = spaces.registrationOf(token);
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return erasurePage(token, form.typed(), FormErrors.of(problems, messages, locale), model);
        }
        erasures.ask(r, form.motif());
        return "redirect:/inscription/espace/" + token + "/donnees";
    }

    private String erasurePage(String token, String reason, FormErrors errors, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("motif", reason);
        model.addAttribute("errors", errors);
        return "privacy/rights-erasure";
    }

    private static ResponseEntity<byte[]> download(String name, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type.equals(MediaType.APPLICATION_JSON)
                        ? new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8) : type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(content);
    }

    /** The agent's reason as typed ({@code motif}): optional, bounded. */
    record ErasureRequestForm(String motif) {

        List<FieldProblem> problems() {
            return motif != null && motif.length() > MAX_REASON
                    ? List.of(FieldProblem.of("motif", "privacy.rights.error.reason.long", MAX_REASON)) : List.of();
        }

        String typed() {
            return motif == null ? "" : motif;
        }
    }
}
