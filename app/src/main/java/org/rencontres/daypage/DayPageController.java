package org.rencontres.daypage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.rencontres.event.SessionCode;
import org.rencontres.security.Organiser;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public page of a day (its calendar file is served by event's catalogue). */
@Controller
class DayPageController {

    private final DayPages pages;
    private final ViewResolver viewResolver;

    DayPageController(DayPages pages,
                      @Qualifier("thymeleafViewResolver") ViewResolver viewResolver) {
        this.viewResolver = viewResolver;
        this.pages = pages;
    }

    @GetMapping("/journees/{code}")
    Object day(@PathVariable String code, Model model, @AuthenticationPrincipal Organiser organiser, Locale locale,
               HttpServletRequest request, HttpServletResponse response) {
        DayPage page = pages.publicPage(code, pageUrl(code)).orElseThrow(DayPageController::notFound);
        model.addAttribute("page", page);
        model.addAttribute("day", page.day());
        model.addAttribute("canonicalUrl", pageUrl(page.day().sessionCode().slug()));
        if (organiser != null || request.getParameter("lang") != null) {
            return "daypage/day";
        }
        // Visitors who are not signed in all get the same page: rendered once, then served as is.
        String key = pageUrl(code) + " " + locale.toLanguageTag();
        String html = pages.anonymousHtml(key, () -> render("daypage/day", model.asMap(), locale, request, response));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .body(html);
    }

    /** Renders a view into a string with the normal view machinery (messages, links, beans). */
    private String render(String viewName, Map<String, Object> model, Locale locale,
                          HttpServletRequest request, HttpServletResponse response) {
        try {
            View view = viewResolver.resolveViewName(viewName, locale);
            StringWriter out = new StringWriter();
            PrintWriter writer = new PrintWriter(out);
            HttpServletResponseWrapper capture = new HttpServletResponseWrapper(response) {
                @Override
                public PrintWriter getWriter() {
                    return writer;
                }

                @Override
                public void setContentType(String type) {
                    // the caller sets the response's own headers
                }

                @Override
                public void setLocale(Locale l) {
                    // idem
                }
            };
            view.render(new HashMap<>(model), request, capture);
            writer.flush();
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("Could not render " + viewName, e);
        }
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
