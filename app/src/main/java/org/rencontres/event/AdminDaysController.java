package org.rencontres.event;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.rencontres.security.Organiser;
import org.rencontres.shared.FrenchTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The back office's home: the sessions this organiser manages, 25 a page, upcoming first; filtered in the address by
 * words ({@code q}), state ({@code etat}) and, for an organiser of every unit, unit ({@code unite}); {@code page}.
 */
@Controller
class AdminDaysController {

    private final OrganiserDays days;
    private final Clock clock;

    AdminDaysController(OrganiserDays days, Optional<Clock> clock) {
        this.days = days;
        this.clock = clock.orElse(Clock.system(FrenchTime.PARIS));
    }

    @GetMapping("/admin")
    String home(@AuthenticationPrincipal Organiser organiser,
                @RequestParam(name = "q", required = false) String q,
                @RequestParam(name = "etat", required = false) String etat,
                @RequestParam(name = "unite", required = false) String unite,
                @RequestParam(name = "page", required = false) String page, Model model) {
        String unit = organiser.organisingUnit();
        OrganiserDays.Filter filter = OrganiserDays.Filter.of(q, etat, unit == null ? unite : null);
        OrganiserDays.Page found = days.page(unit, filter, LocalDate.now(clock), page, "/admin");
        model.addAttribute("days", found.days());
        model.addAttribute("paging", found.paging());
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", DayStatus.values());
        model.addAttribute("units", unit == null ? days.units() : java.util.List.of());
        return "event/admin/days";
    }
}
