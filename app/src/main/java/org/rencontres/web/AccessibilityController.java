package org.rencontres.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The accessibility statement (RGAA) every public site must publish. */
@Controller
class AccessibilityController {

    @GetMapping("/accessibilite")
    String statement() {
        return "accessibility";
    }
}
