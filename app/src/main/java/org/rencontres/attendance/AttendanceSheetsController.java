package org.rencontres.attendance;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionDay;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The printed material of a day's attendance, as PDF, for the organisers of that day: the attendance
 * sheet of a half-day or of the whole day (blank or filled) and the name badges. Access to the day is
 * checked before anything is read; a missing parameter takes its default (the current half-day, a
 * blank sheet, 8 badges a page), a wrong one gives the 400 page. Thin: the layout is in
 * {@link AttendanceSheets} and {@link Badges}.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/presences")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AttendanceSheetsController {

    static final String WHOLE_DAY = "journee";
    /** Every half-day of every day of the session, a sheet each. */
    static final String WHOLE_SESSION = "session";

    private final Attendances attendances;
    private final AttendanceSheets sheets;
    private final Badges badges;
    private final Workshops workshops;

    @GetMapping("/emargement.pdf")
    ResponseEntity<byte[]> sheet(ManagedDay day,
                                 @RequestParam(name = "jour", required = false) String jour,
                                 @RequestParam(name = "demi", required = false) String demi,
                                 @RequestParam(name = "mode", required = false) String mode,
                                 @RequestParam(name = "atelier", required = false) Long workshopId) {
        Workshop room = workshopId == null ? null : workshops.ofDay(day.id()).stream()
                .filter(w -> w.id() == workshopId).findFirst().orElseThrow(AttendanceSheetsController::badRequest);
        HalfDays halfDays = attendances.halfDays(day.id());
        SessionDay sessionDay = jour == null || jour.isBlank() ? attendances.deskDay(day.id())
                : WelcomeDeskController.date(jour).flatMap(day.days()::on).orElseThrow(AttendanceSheetsController::badRequest);
        List<List<SessionHalfDay>> sheets;
        String what;
        if (demi == null || demi.isBlank()) {
            SessionHalfDay now = attendances.current(day.id(), sessionDay);
            sheets = List.of(List.of(now));
            what = now.half().slug();
        } else if (WHOLE_DAY.equals(demi)) {
            sheets = List.of(halfDays.of(sessionDay));
            what = WHOLE_DAY;
        } else if (WHOLE_SESSION.equals(demi)) {
            sheets = halfDays.all().stream().map(List::of).toList();
            what = WHOLE_SESSION;
        } else {
            // A half-day the day does not have (the afternoon of a morning) is a wrong parameter too.
            sheets = List.of(List.of(HalfDay.ofSlug(demi).flatMap(h -> halfDays.find(sessionDay.id(), h))
                    .orElseThrow(AttendanceSheetsController::badRequest)));
            what = demi;
        }
        boolean filled;
        if (mode == null || mode.isBlank() || "vierge".equals(mode)) {
            filled = false;
        } else if ("rempli".equals(mode)) {
            filled = true;
        } else {
            throw badRequest();
        }
        String name = "emargement-" + day.slug() + "-"
                + (day.days().isSingle() || WHOLE_SESSION.equals(what) ? "" : sessionDay.date() + "-") + what
                + (room == null ? "" : "-atelier-" + room.number()) + (filled ? "-rempli" : "-vierge") + ".pdf";
        return pdf(name, this.sheets.sheets(day, sheets, filled, room));
    }

    @GetMapping("/badges.pdf")
    ResponseEntity<byte[]> badges(ManagedDay day,
                                  @RequestParam(name = "format", required = false) String format) {
        Badges.Layout layout = format == null || format.isBlank() ? Badges.Layout.EIGHT
                : Badges.Layout.of(format).orElseThrow(AttendanceSheetsController::badRequest);
        return pdf("badges-" + day.slug() + "-" + layout.code + ".pdf", badges.pdf(day, layout));
    }

    private static ResponseStatusException badRequest() {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }

    private static ResponseEntity<byte[]> pdf(String fileName, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(pdf);
    }
}
