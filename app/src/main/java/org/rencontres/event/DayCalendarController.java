package org.rencontres.event;

import java.nio.charset.StandardCharsets;

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

/** The calendar file (.ics) of a public day, linked from its public page. */
@Controller
class DayCalendarController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Days days;
    private final DayCalendar calendar;

    DayCalendarController(Days days, DayCalendar calendar) {
        this.days = days;
        this.calendar = calendar;
    }

    @GetMapping("/journees/{code}/agenda.ics")
    ResponseEntity<String> agenda(@PathVariable String code) {
        Day day = days.findPublic(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Aucune journée publiée ne porte ce code session."));
        String slug = day.sessionCode().slug();
        String host = ServletUriComponentsBuilder.fromCurrentContextPath().build().getHost();
        String pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath().pathSegment("journees", slug).toUriString();
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("journee-" + slug + ".ics").build().toString())
                .body(calendar.of(day, pageUrl, host));
    }
}
