package org.rencontres.daypage;

import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.web.PublicCaching;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The printable brochure (plaquette) of a public day, as PDF. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BrochureController {

    private final Brochures brochures;

    @GetMapping("/journees/{code}/plaquette.pdf")
    ResponseEntity<byte[]> brochure(@PathVariable String code, Locale locale) {
        String pageUrl = DayPageController.pageUrl(code);
        Brochures.Brochure brochure;
        try {
            brochure = brochures.brochure(code, pageUrl, locale)
                    .orElseThrow(DayPageController::notFound);
        } catch (Brochures.Busy busy) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Trop de plaquettes sont en cours de préparation : réessayez dans un instant.");
        }
        PublicCaching.mark();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(brochure.fileName()).build().toString())
                .body(brochure.pdf());
    }
}
