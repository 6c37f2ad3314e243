package org.rencontres.dashboard;

import java.nio.charset.StandardCharsets;

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
    ResponseEntity<byte[]> csv(ManagedDay day) {
        return file(CSV, "inscriptions-" + day.slug() + ".csv",
                list.csv(day.id(), LocaleContextHolder.getLocale()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/inscriptions.xlsx")
    ResponseEntity<byte[]> xlsx(ManagedDay day) {
        return file(XLSX, "inscriptions-" + day.slug() + ".xlsx", list.xlsx(day.id(), LocaleContextHolder.getLocale()));
    }

    @GetMapping("/ateliers.xlsx")
    ResponseEntity<byte[]> rosters(ManagedDay day) {
        return file(XLSX, "ateliers-" + day.slug() + ".xlsx", list.rostersXlsx(day.id(), LocaleContextHolder.getLocale()));
    }

    @GetMapping("/ateliers/{workshopId}.csv")
    ResponseEntity<byte[]> roster(ManagedDay day, @PathVariable long workshopId) {
        String csv = list.rosterCsv(day.id(), workshopId, LocaleContextHolder.getLocale())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return file(CSV, "atelier-" + workshopId + "-" + day.slug() + ".csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> file(MediaType type, String name, byte[] body) {
        // Personal data: saved, never kept by a cache.
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
