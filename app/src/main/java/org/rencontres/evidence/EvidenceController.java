package org.rencontres.evidence;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The evidence pack of a session, for its organisers: one ZIP streamed to the browser as it is made
 * (nothing is written to disk), each download recorded in the session's audit trail.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class EvidenceController {

    private final EvidencePacks packs;

    @GetMapping("/admin/journees/{slug}/preuves.zip")
    void pack(ManagedDay day, @AuthenticationPrincipal Organiser who, HttpServletResponse response) throws IOException {
        packs.recordDownload(day, who.accountId(), who.displayName());
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(EvidencePacks.fileName(day)).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        packs.write(day, who.displayName(), response.getOutputStream());
        response.flushBuffer();
    }
}
