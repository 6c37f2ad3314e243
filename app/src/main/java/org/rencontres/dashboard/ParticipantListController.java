package org.rencontres.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The participant list (CSV, XLSX) and the per-workshop rosters (a CSV each, or one workbook) of a session. */
@Controller
@RequestMapping("/admin/journees/{slug}/tableau-de-bord")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ParticipantListController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ParticipantList list;

    @GetMapping("/inscriptions.csv")
    ResponseEntity<StreamingResponseBody> csv(ManagedDay day) {
        Locale locale = LocaleContextHolder.getLocale();
        return file(CSV, "inscriptions-" + day.slug() + ".csv", out -> list.csv(day.id(), locale, out));
    }

    @GetMapping("/inscriptions.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(ManagedDay day) {
        Locale locale = LocaleContextHolder.getLocale();
        return file(XLSX, "inscriptions-" + day.slug() + ".xlsx", out -> list.xlsx(day.id(), locale, out));
    }

    @GetMapping("/ateliers.xlsx")
    ResponseEntity<StreamingResponseBody> rosters(ManagedDay day) {
        Locale locale = LocaleContextHolder.getLocale();
        return file(XLSX, "ateliers-" + day.slug() + ".xlsx", out -> list.rostersXlsx(day.id(), locale, out));
    }

    @GetMapping("/ateliers/{workshopId}.csv")
    ResponseEntity<StreamingResponseBody> roster(ManagedDay day, @PathVariable long workshopId) {
        if (!list.hasWorkshop(day.id(), workshopId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Locale locale = LocaleContextHolder.getLocale();
        return file(CSV, "atelier-" + workshopId + "-" + day.slug() + ".csv",
                out -> list.rosterCsv(day.id(), workshopId, locale, out));
    }

    /**
     * The file written to the response as its rows are read from the database (after the headers, on
     * a thread of its own): nothing holds the whole file, whatever the size of the session.
     */
    private static ResponseEntity<StreamingResponseBody> file(MediaType type, String name, StreamingResponseBody body) {
        // Personal data: saved, never kept by a cache.
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
