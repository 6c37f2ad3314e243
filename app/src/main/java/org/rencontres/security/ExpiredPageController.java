package org.rencontres.security;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page shown instead of a form's result when the form's CSRF token is missing or no longer valid:
 * most often the page stayed open longer than the session. Nothing was saved; it says how to send again.
 */
@Controller
class ExpiredPageController {

    static final String PATH = "/page-expiree";

    @RequestMapping(PATH)
    String expired(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("back", sameSitePath(request));
        return "security/expired";
    }

    /** The page the form was on, when the browser said so and it is one of ours; else the home page. */
    private static String sameSitePath(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
                    || path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
