package org.rencontres.registration.needs;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/**
 * The model of the one list of a session's needs, shared by the organisers' page and the référent's:
 * each request's needs and arrangement with its form, the problems of the form just sent tied to that
 * request's fields (their ids end with the registration's id, since the page holds one form a request)
 * and that form as typed.
 */
final class NeedsPages {

    private NeedsPages() {
    }

    static void list(AccessibilityNeeds needs, long dayId, Model model) {
        List<Need> all = needs.ofDay(dayId);
        Map<Long, ArrangementForm> forms = new HashMap<>();
        all.forEach(n -> forms.put(n.registrationId(), ArrangementForm.of(n.arrangement())));
        Object typed = model.getAttribute("typed");
        Object edited = model.getAttribute("editedId");
        if (typed instanceof ArrangementForm form && edited instanceof Long id) {
            forms.put(id, form);
        }
        model.addAttribute("needs", all);
        model.addAttribute("forms", forms);
        model.addAttribute("states", ArrangementState.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
    }

    /** The form of request {@code registrationId} as typed, with its problems. */
    static void rejected(long registrationId, ArrangementForm form, List<FieldProblem> problems,
                         MessageSource messages, Locale locale, Model model) {
        List<FieldProblem> tied = problems.stream()
                .map(p -> new FieldProblem(p.field() + "-" + registrationId, p.code(), p.args())).toList();
        model.addAttribute("errors", FormErrors.of(tied, messages, locale));
        model.addAttribute("editedId", registrationId);
        model.addAttribute("typed", form);
    }
}
