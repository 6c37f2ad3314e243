package org.rencontres.registration.questions;

import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
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
 * The organiser's page of the questions a session's registration form asks: add, change, reorder, and
 * remove (asking first when some registrations answered).
 */
@Controller
@RequestMapping("/admin/journees/{slug}/questions")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class QuestionsAdminController {

    private final Questions questions;
    private final MessageSource messages;

    @GetMapping
    String list(ManagedDay day, Model model) {
        return listPage(day, QuestionForm.empty(), FormErrors.none(), model);
    }

    @PostMapping
    String add(@AuthenticationPrincipal Organiser organiser, ManagedDay day, QuestionForm form, Model model,
               Locale locale, RedirectAttributes redirect) {
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            return listPage(day, form, FormErrors.of(problems, messages, locale), model);
        }
        questions.add(day.id(), form.draft(), organiser);
        redirect.addFlashAttribute("notice", messages.getMessage("registration.question.admin.added",
                new Object[] {form.draft().label()}, locale));
        return "redirect:" + path(day);
    }

    @GetMapping("/{id}")
    String edit(ManagedDay day, @PathVariable long id, Model model) {
        Question q = question(day, id);
        return editPage(day, q, QuestionForm.of(q), FormErrors.none(), model);
    }

    @PostMapping("/{id}")
    String change(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                  QuestionForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Question q = question(day, id);
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            return editPage(day, q, form, FormErrors.of(problems, messages, locale), model);
        }
        questions.change(day.id(), id, form.draft(), organiser);
        redirect.addFlashAttribute("notice", messages.getMessage("registration.question.admin.changed",
                new Object[] {form.draft().label()}, locale));
        return "redirect:" + path(day);
    }

    @PostMapping("/{id}/monter")
    String up(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id) {
        questions.move(day.id(), question(day, id).id(), true, organiser);
        return "redirect:" + path(day) + "#question-" + id;
    }

    @PostMapping("/{id}/descendre")
    String down(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id) {
        questions.move(day.id(), question(day, id).id(), false, organiser);
        return "redirect:" + path(day) + "#question-" + id;
    }

    /**
     * Removes the question; when some registrations answered it, the first post (without
     * {@code confirme}) shows how many and asks to confirm.
     */
    @PostMapping("/{id}/suppression")
    String remove(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                  @RequestParam(name = "confirme", required = false) String confirmed, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Question q = question(day, id);
        int answers = questions.answerCount(id);
        if (answers > 0 && !"oui".equals(confirmed)) {
            model.addAttribute("day", day);
            model.addAttribute("question", q);
            model.addAttribute("answers", answers);
            return "registration/admin/question-remove";
        }
        questions.remove(day.id(), id, organiser);
        redirect.addFlashAttribute("notice", messages.getMessage("registration.question.admin.removed",
                new Object[] {q.label(), answers}, locale));
        return "redirect:" + path(day);
    }

    private Question question(ManagedDay day, long id) {
        return questions.find(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String listPage(ManagedDay day, QuestionForm form, FormErrors errors, Model model) {
        List<Question> all = questions.ofDay(day.id());
        model.addAttribute("day", day);
        model.addAttribute("questions", all);
        model.addAttribute("form", form);
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("errors", errors);
        return "registration/admin/questions";
    }

    private String editPage(ManagedDay day, Question q, QuestionForm form, FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("question", q);
        model.addAttribute("answers", questions.answerCount(q.id()));
        model.addAttribute("form", form);
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("errors", errors);
        return "registration/admin/question-edit";
    }

    private static String path(ManagedDay day) {
        return "/admin/journees/" + day.slug() + "/questions";
    }
}
