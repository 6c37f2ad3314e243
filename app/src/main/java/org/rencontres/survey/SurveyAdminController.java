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

/** The organiser's survey page: the day's questions (add, usual set, order, removal confirmed) and the results. */
@Controller
@RequestMapping("/admin/journees/{slug}/evaluation")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurveyAdminController {

    private final Surveys surveys;
    private final MessageSource messages;

    @GetMapping
    String page(ManagedDay day, Model model) {
        return page(day, "", "SCALE", "", FormErrors.none(), model);
    }

    private String page(ManagedDay day, String texte, String type, String options, FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("questions", surveys.questions(day.id()));
        model.addAttribute("results", surveys.results(day.id()));
        model.addAttribute("kinds", Question.Kind.values());
        model.addAttribute("texte", texte);
        model.addAttribute("type", type);
        model.addAttribute("options", options);
        model.addAttribute("errors", errors);
        return "survey/admin";
    }

    @PostMapping("/questions")
    String add(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
               @RequestParam(name = "texte", required = false) String texte,
               @RequestParam(name = "type", required = false) String type,
               @RequestParam(name = "options", required = false) String options, Model model, Locale locale,
               RedirectAttributes redirect) {
        List<FieldProblem> problems = surveys.add(day.id(), texte, type, options, organiser);
        if (!problems.isEmpty()) {
            return page(day, texte == null ? "" : texte, type == null ? "SCALE" : type, options == null ? "" : options,
                    FormErrors.of(problems, messages, locale), model);
        }
        redirect.addFlashAttribute("notice", text("survey.question.added", texte.strip()));
        return "redirect:" + path(day);
    }

    @PostMapping("/habituelles")
    String usual(@AuthenticationPrincipal Organiser organiser, ManagedDay day, RedirectAttributes redirect) {
        int added = surveys.addUsual(day.id(), organiser);
        redirect.addFlashAttribute("notice", added == 0 ? text("survey.usual.none") : text("survey.usual.added", added));
        return "redirect:" + path(day);
    }

    @PostMapping("/questions/{id}/deplacer")
    String move(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                @RequestParam(name = "sens", required = false) String sens, RedirectAttributes redirect) {
        Question q = surveys.question(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (surveys.move(day.id(), id, "haut".equals(sens), organiser)) {
            redirect.addFlashAttribute("notice", text("survey.question.moved", q.text()));
        }
        return "redirect:" + path(day);
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
        return "redirect:" + path(day);
    }

    private static String path(ManagedDay day) {
        return "/admin/journees/" + day.slug() + "/evaluation";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
