package org.rencontres.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.Paging;
import org.rencontres.web.PublicCaching;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The catalogue: published days, upcoming first, then past editions; searchable by theme, place and
 * date. And each public day's calendar file (.ics), linked from its page (module daypage).
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CatalogueController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Days days;
    private final DayCatalogue catalogue;
    private final DayCalendar calendar;
    private final Optional<Clock> clock;

    @GetMapping("/")
    String catalogue(@RequestParam(name = "q", required = false) String text,
                     @RequestParam(name = "theme", required = false) String tag,
                     @RequestParam(name = "page", required = false) String page,
                     @RequestParam(name = "lieu", required = false) String place,
                     @RequestParam(name = "du", required = false) String from,
                     @RequestParam(name = "au", required = false) String to,
                     Model model) {
        List<String> errors = new ArrayList<>();
        LocalDate fromDate = parseDate(from, "catalogue.error.from", errors);
        LocalDate toDate = parseDate(to, "catalogue.error.to", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("catalogue.error.range");
        }
        // A mistyped page number shows the first page, one past the end the last (the catalogue brings it back).
        int pageNumber = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Paging.parse(page)));
        DayCatalogue.CatalogueQuery query = errors.isEmpty()
                ? new DayCatalogue.CatalogueQuery(text, tag, place, fromDate, toDate, pageNumber)
                : DayCatalogue.CatalogueQuery.ALL;
        DayCatalogue.Catalogue found = catalogue.catalogue(FrenchTime.today(clock), query);
        model.addAttribute("catalogue", found);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", text);
        filters.put("theme", tag);
        filters.put("lieu", place);
        filters.put("du", from);
        filters.put("au", to);
        model.addAttribute("paging", new Paging(found.page(), DayCatalogue.PAGE_SIZE, found.total(), "/", filters));
        model.addAttribute("filtered", query.isFiltered());
        model.addAttribute("errors", errors);
        model.addAttribute("q", text);
        model.addAttribute("theme", tag);
        model.addAttribute("themes", catalogue.publicTags());
        model.addAttribute("lieu", place);
        model.addAttribute("du", from);
        model.addAttribute("au", to);
        PublicCaching.mark();
        return "event/catalogue";
    }

    @GetMapping("/journees/{code}/agenda.ics")
    ResponseEntity<String> agenda(@PathVariable String code) {
        Day day = days.findPublic(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Aucune journée publiée ne porte ce code session."));
        String slug = day.sessionCode().slug();
        String host = ServletUriComponentsBuilder.fromCurrentContextPath().build().getHost();
        String pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath().pathSegment("journees", slug).toUriString();
        PublicCaching.mark();
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("journee-" + slug + ".ics").build().toString())
                .body(calendar.of(day, pageUrl, host));
    }

    private static LocalDate parseDate(String value, String errorKey, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<LocalDate> date = FrenchTime.parseDate(value);
        if (date.isPresent()) {
            return date.get();
        }
        errors.add(errorKey);
        return null;
    }
}
