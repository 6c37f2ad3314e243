package org.rencontres.event;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.security.Organiser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The back office's home: the days this organiser manages. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AdminDaysController {

    private final Days days;

    @GetMapping("/admin")
    String home(@AuthenticationPrincipal Organiser organiser, Model model) {
        model.addAttribute("days", days.forOrganisers(organiser.organisingUnit()));
        return "event/admin/days";
    }
}
