package org.rencontres.event;

import java.nio.charset.StandardCharsets;

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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public page of a day and its calendar file. */
@Controller
class DayPageController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final DayPages pages;
    private final Days days;
    private final DayCalendar calendar;

    DayPageController(DayPages pages, Days days, DayCalendar calendar) {
        this.pages = pages;
        this.days = days;
        this.calendar = calendar;
    }

    @GetMapping("/journees/{code}")
    String day(@PathVariable String code, Model model) {
        DayPage page = pages.publicPage(code, pageUrl(code)).orElseThrow(DayPageController::notFound);
        model.addAttribute("page", page);
        model.addAttribute("day", page.day());
        model.addAttribute("canonicalUrl", pageUrl(page.day().sessionCode().slug()));
        return "event/day";
    }

    @GetMapping("/journees/{code}/agenda.ics")
    ResponseEntity<String> agenda(@PathVariable String code) {
        Day day = days.findPublic(code).orElseThrow(DayPageController::notFound);
        String slug = day.sessionCode().slug();
        String host = ServletUriComponentsBuilder.fromCurrentContextPath().build().getHost();
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("journee-" + slug + ".ics").build().toString())
                .body(calendar.of(day, pageUrl(slug), host));
    }

    private static String pageUrl(String code) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .pathSegment("journees", SessionCode.slugOf(code)).toUriString();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune journée publiée ne porte ce code session.");
    }
}
