package org.rencontres.privacy;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public pages of the GDPR (issue 17, point 2): the privacy notice (articles 13 and 14) and the record
 * of processing activities (article 30), both generated from the settings of retention, linked from every
 * page's footer.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PrivacyNoticeController {

    private final ProcessingRecord record;

    @GetMapping("/donnees-personnelles")
    String notice(Model model) {
        return show(model, "privacy/notice");
    }

    @GetMapping("/donnees-personnelles/registre")
    String record(Model model) {
        return show(model, "privacy/record");
    }

    private String show(Model model, String view) {
        model.addAttribute("processings", record.processings());
        model.addAttribute("controller", record.controller());
        return view;
    }
}
