package org.rencontres.survey;

import java.util.Locale;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Days;
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

/** The follow-up, training services' and trainers' questionnaires, reached by the respondent's own key. */
@Controller
@RequestMapping("/questionnaire/{token}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class QuestionnaireController {

    private final Questionnaires questionnaires;
    private final Surveys surveys;
    private final Days days;
    private final MessageSource messages;

    @GetMapping
    String form(@PathVariable String token, Model model) {
        Questionnaires.Respondent r = respondent(token);
        return page(r, questionnaires.answered(r.id()) ? "already" : "form", Map.of(), FormErrors.none(), model);
    }

    @PostMapping
    String submit(@PathVariable String token, @RequestParam Map<String, String> values, Model model, Locale locale) {
        Questionnaires.Respondent r = respondent(token);
        Surveys.Submission s = questionnaires.submit(r, values);
        if (s.alreadyAnswered()) {
            return page(r, "already", Map.of(), FormErrors.none(), model);
        }
        if (!s.saved()) {
            return page(r, "form", values, FormErrors.of(s.problems(), messages, locale), model);
        }
        return page(r, "thanks", Map.of(), FormErrors.none(), model);
    }

    private String page(Questionnaires.Respondent r, String state, Map<String, String> values, FormErrors errors, Model model) {
        model.addAttribute("day", days.find(r.dayId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("respondent", r);
        model.addAttribute("state", state);
        model.addAttribute("questions", surveys.questions(r.dayId(), r.phase()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "survey/questionnaire";
    }

    private Questionnaires.Respondent respondent(String token) {
        return questionnaires.ofToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
