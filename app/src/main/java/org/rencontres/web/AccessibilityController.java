package org.rencontres.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement (RGAA) every public site must publish, the audit grid behind it and the site map. The
 * grid itself is also served as the file it is read from, /accessibilite/audit-rgaa.csv ({@link AccessibilityAudit}).
 */
@Controller
class AccessibilityController {

    private final AccessibilityAudit audit;

    AccessibilityController(AccessibilityAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/accessibilite")
    String statement(Model model) {
        model.addAttribute("audit", audit);
        return "accessibility";
    }

    @GetMapping("/accessibilite/audit")
    String grid(Model model) {
        model.addAttribute("audit", audit);
        return "web/accessibility-audit";
    }

    @GetMapping("/plan-du-site")
    String siteMap() {
        return "web/sitemap";
    }
}
