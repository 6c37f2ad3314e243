package org.rencontres.event;

import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The printable brochure (plaquette) of a public day, as PDF. */
@Controller
class BrochureController {

    private final Brochures brochures;

    BrochureController(Brochures brochures) {
        this.brochures = brochures;
    }

    @GetMapping("/journees/{code}/plaquette.pdf")
    ResponseEntity<byte[]> brochure(@PathVariable String code, Locale locale) {
        String pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
                .pathSegment("journees", SessionCode.slugOf(code)).toUriString();
        Brochures.Brochure brochure;
        try {
            brochure = brochures.brochure(code, pageUrl, locale)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                            "Aucune journée publiée ne porte ce code session."));
        } catch (Brochures.Busy busy) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Trop de plaquettes sont en cours de préparation : réessayez dans un instant.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(brochure.fileName()).build().toString())
                .body(brochure.pdf());
    }
}
