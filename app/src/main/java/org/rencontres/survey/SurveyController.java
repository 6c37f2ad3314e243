package org.rencontres.survey;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.registration.Registration;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The agent's survey form, reached by the key of their registration. */
@Controller
@RequestMapping("/evaluation/{token}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurveyController {

    private final Surveys surveys;
    private final Days days;
    private final MessageSource messages;

    @GetMapping
    String form(@PathVariable String token, Model model) {
        Registration r = registration(token);
        String state = surveys.answered(r.id()) ? "already"
                : Surveys.isOpen(day(r), Instant.now()) ? "form" : "notyet";
        return page(r, token, state, Map.of(), FormErrors.none(), model);
    }

    @PostMapping
    String submit(@PathVariable String token, @RequestParam Map<String, String> values, Model model,
                  Locale locale, HttpServletResponse response) {
        Registration r = registration(token);
        Surveys.Submission s = surveys.submit(r, values);
        if (s.alreadyAnswered()) {
            return page(r, token, "already", Map.of(), FormErrors.none(), model);
        }
        if (s.notOpenYet()) {
            // Refused, nothing stored: the page says when the survey opens.
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(r, token, "notyet", Map.of(), FormErrors.none(), model);
        }
        if (!s.saved()) {
            return page(r, token, "form", values, FormErrors.of(s.problems(), messages, locale), model);
        }
        return page(r, token, "thanks", Map.of(), FormErrors.none(), model);
    }

    private String page(Registration r, String token, String state, Map<String, String> values, FormErrors errors,
                        Model model) {
        model.addAttribute("day", day(r));
        model.addAttribute("token", token);
        model.addAttribute("state", state);
        model.addAttribute("questions", surveys.questions(r.dayId()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "survey/form";
    }

    private Day day(Registration r) {
        return days.find(r.dayId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Registration registration(String token) {
        return surveys.registrationOf(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
