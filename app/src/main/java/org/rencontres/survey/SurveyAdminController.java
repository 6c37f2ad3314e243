package org.rencontres.survey;

import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organiser's evaluation page: the delays of the loop, an overview of the four questionnaires (rate,
 * reminders sent), and one questionnaire's questions (add, usual set, order, removal confirmed) and results.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/evaluation")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurveyAdminController {

    private final Surveys surveys;
    private final SurveySettings settings;
    private final SurveySummaries summaries;
    private final MessageSource messages;

    @GetMapping
    String page(ManagedDay day, @RequestParam(name = "questionnaire", required = false) String questionnaire, Model model) {
        Phase phase = phase(questionnaire);
        SurveySettings.Delays d = settings.of(day.id());
        return page(day, phase, "", "SCALE", "", FormErrors.none(), d.firstReminder() + "", d.secondReminder() + "",
                d.followUp() + "", model);
    }

    private String page(ManagedDay day, Phase phase, String texte, String type, String options, FormErrors errors,
                        String first, String second, String followUp, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("phase", phase);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("questions", surveys.questions(day.id(), phase));
        model.addAttribute("results", surveys.results(day.id(), phase));
        model.addAttribute("overview", summaries.loop(day.id()));
        model.addAttribute("kinds", Question.Kind.values());
        model.addAttribute("texte", texte);
        model.addAttribute("type", type);
        model.addAttribute("options", options);
        model.addAttribute("relance1", first);
        model.addAttribute("relance2", second);
        model.addAttribute("suivi", followUp);
        model.addAttribute("errors", errors);
        return "survey/admin";
    }

    private static Phase phase(String questionnaire) {
        return Phase.ofSlug(questionnaire).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/delais")
    String delays(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                  @RequestParam(name = "relance1", required = false) String first,
                  @RequestParam(name = "relance2", required = false) String second,
                  @RequestParam(name = "suivi", required = false) String followUp, Model model, Locale locale,
                  RedirectAttributes redirect) {
        List<FieldProblem> problems = settings.save(day.id(), first, second, followUp, organiser);
        if (!problems.isEmpty()) {
            model.addAttribute("delaysInvalid", true);
            return page(day, Phase.HOT, "", "SCALE", "", FormErrors.of(problems, messages, locale),
                    first == null ? "" : first, second == null ? "" : second, followUp == null ? "" : followUp, model);
        }
        redirect.addFlashAttribute("notice", text("survey.delays.saved"));
        return "redirect:" + path(day, Phase.HOT);
    }

    @PostMapping("/questions")
    String add(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
               @RequestParam(name = "questionnaire", required = false) String questionnaire,
               @RequestParam(name = "texte", required = false) String texte,
               @RequestParam(name = "type", required = false) String type,
               @RequestParam(name = "options", required = false) String options, Model model, Locale locale,
               RedirectAttributes redirect) {
        Phase phase = phase(questionnaire);
        List<FieldProblem> problems = surveys.add(day.id(), phase, texte, type, options, organiser);
        if (!problems.isEmpty()) {
            SurveySettings.Delays d = settings.of(day.id());
            return page(day, phase, texte == null ? "" : texte, type == null ? "SCALE" : type, options == null ? "" : options,
                    FormErrors.of(problems, messages, locale), d.firstReminder() + "", d.secondReminder() + "",
                    d.followUp() + "", model);
        }
        redirect.addFlashAttribute("notice", text("survey.question.added", texte.strip()));
        return "redirect:" + path(day, phase);
    }

    @PostMapping("/habituelles")
    String usual(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                 @RequestParam(name = "questionnaire", required = false) String questionnaire, RedirectAttributes redirect) {
        Phase phase = phase(questionnaire);
        int added = surveys.addUsual(day.id(), phase, organiser);
        redirect.addFlashAttribute("notice", added == 0 ? text("survey.usual.none") : text("survey.usual.added", added));
        return "redirect:" + path(day, phase);
    }

    @PostMapping("/questions/{id}/deplacer")
    String move(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                @RequestParam(name = "sens", required = false) String sens, RedirectAttributes redirect) {
        Question q = surveys.question(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (surveys.move(day.id(), id, "haut".equals(sens), organiser)) {
            redirect.addFlashAttribute("notice", text("survey.question.moved", q.text()));
        }
        return "redirect:" + path(day, q.phase());
    }

    @GetMapping("/questions/{id}/suppression")
    String confirmRemoval(ManagedDay day, @PathVariable long id, Model model) {
        Question q = surveys.question(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("day", day);
        model.addAttribute("question", q);
        return "survey/remove";
    }

    @PostMapping("/questions/{id}/suppression")
    String remove(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                  RedirectAttributes redirect) {
        Question q = surveys.question(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        surveys.remove(day.id(), id, organiser);
        redirect.addFlashAttribute("notice", text("survey.question.removed", q.text()));
        return "redirect:" + path(day, q.phase());
    }

    private static String path(ManagedDay day, Phase phase) {
        return "/admin/journees/" + day.slug() + "/evaluation" + (phase == Phase.HOT ? "" : "?questionnaire=" + phase.slug());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
