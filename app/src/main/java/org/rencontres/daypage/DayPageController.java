package org.rencontres.daypage;

import org.rencontres.event.SessionCode;
import org.rencontres.web.PublicCaching;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public page of a day (its calendar file is served by event's catalogue). Public and cacheable for visitors
 * who are not signed in ({@link PublicCaching}): web keeps the rendered page and serves it again as is.
 */
@Controller
class DayPageController {

    private final DayPages pages;

    DayPageController(DayPages pages) {
        this.pages = pages;
    }

    @GetMapping("/journees/{code}")
    String day(@PathVariable String code, Model model) {
        DayPage page = pages.publicPage(code, pageUrl(code)).orElseThrow(DayPageController::notFound);
        model.addAttribute("page", page);
        model.addAttribute("day", page.day());
        model.addAttribute("canonicalUrl", pageUrl(page.day().sessionCode().slug()));
        PublicCaching.mark();
        return "daypage/day";
    }

    /** The address of a day's public page, also printed in its brochure. */
    static String pageUrl(String code) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .pathSegment("journees", SessionCode.slugOf(code)).toUriString();
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune journée publiée ne porte ce code session.");
    }
}
