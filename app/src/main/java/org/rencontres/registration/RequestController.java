package org.rencontres.registration;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.registration.allocation.WorkshopRanking;
import org.rencontres.registration.questions.Question;
import org.rencontres.registration.questions.QuestionAnswers;
import org.rencontres.shared.FormErrors;
import org.rencontres.shared.FrenchTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public request form of a day and its confirmation page. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RequestController {

    private final Days days;
    private final PublicRequests requests;
    private final MessageSource messages;
    private final PlatformTransactionManager transactions;

    @GetMapping("/journees/{code}/inscription")
    String form(@PathVariable String code, Model model) {
        Day day = day(code);
        return page(day, RequestForm.empty(), name -> null, name -> List.of(), FormErrors.none(), model);
    }

    @PostMapping("/journees/{code}/inscription")
    String submit(@PathVariable String code, RequestForm form, @RequestParam Map<String, String> posted, Model model,
                  HttpServletRequest request,
                  HttpServletResponse response, Locale locale) {
        // The day, whether it takes requests and every read of the form's checks, in one read-only transaction.
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        record Asked(Day day, boolean closed, PublicRequests.Checked checked) {
        }
        Asked asked = readOnly.execute(status -> {
            Day d = day(code);
            boolean closed = requests.closed(d).isPresent();
            return new Asked(d, closed, closed ? null : requests.check(d, form, posted::get, all(request)));
        });
        Day day = asked.day();
        if (asked.closed()) {
            return page(day, form, posted::get, all(request), FormErrors.none(), model);
        }
        PublicRequests.Outcome outcome = requests.submit(day, form, asked.checked(), request.getRemoteAddr(), locale);
        if (outcome.refusedBy() != null) {
            // Too many submissions: the form again, as typed, with when the next one will be taken.
            Attempts.Verdict rate = outcome.refusedBy();
            Instant now = requests.now();
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(rate.retryAfterSeconds(now)));
            model.addAttribute("rateLimit", rate.messageKey());
            model.addAttribute("retryAt", rate.retryText(now));
            return page(day, form, posted::get, all(request), FormErrors.none(), model);
        }
        if (!outcome.accepted()) {
            return page(day, form, posted::get, all(request), FormErrors.of(outcome.problems(), messages, locale), model);
        }
        // The state reached goes in the address, not in a flash attribute: a flash attribute is kept in the
        // HTTP session, and the public form creates none.
        return "redirect:/journees/" + day.sessionCode().slug() + "/inscription/confirmation?etat="
                + outcome.state().name();
    }

    /** The states a request from the public form is in when it is acknowledged (REQUESTED: the honeypot's). */
    private static final Set<String> ACKNOWLEDGED = Set.of(RegistrationState.REQUESTED.name(),
            RegistrationState.AWAITING_MANAGER.name(), RegistrationState.AWAITING_TRAINING_SERVICE.name());

    @GetMapping("/journees/{code}/inscription/confirmation")
    String confirmation(@PathVariable String code, @RequestParam(name = "etat", required = false) String state,
                        Model model) {
        Day day = day(code);
        if (state == null || !ACKNOWLEDGED.contains(state)) {
            return "redirect:/journees/" + day.sessionCode().slug() + "/inscription";
        }
        model.addAttribute("day", day);
        model.addAttribute("etat", state);
        return "registration/confirmation";
    }

    private String page(Day day, RequestForm form, Function<String, String> posted,
                        Function<String, List<String>> answered, FormErrors errors, Model model) {
        Optional<PublicRequests.Closed> closed = requests.closed(day);
        model.addAttribute("day", day);
        if (closed.isPresent()) {
            model.addAttribute("reason", closed.get().messageKey());
            requests.window(day).ifPresent(w -> {
                model.addAttribute("firstDay", w.firstDay());
                model.addAttribute("lastDay", w.lastDay());
            });
            model.addAttribute("showDay", closed.get() != PublicRequests.Closed.NOT_PUBLISHED);
            return "registration/closed";
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        List<WorkshopRanking.Group> groups = requests.workshopGroups(day);
        model.addAttribute("workshopGroups", groups);
        model.addAttribute("typed", WorkshopRanking.typed(groups, posted));
        model.addAttribute("organisations", requests.organisationNames());
        model.addAttribute("managerAsked", requests.managerAsked(day));
        Locale locale = LocaleContextHolder.getLocale();
        List<String> networkingTimes = requests.networkingTimes(day).stream()
                .map(t -> messages.getMessage(t.date() == null ? "registration.field.reseautage.when"
                        : "registration.field.reseautage.when.dated", new Object[] {t.title(), FrenchTime.clock(t.start()),
                        FrenchTime.clock(t.end()), t.date()}, locale))
                .toList();
        model.addAttribute("networking", !networkingTimes.isEmpty());
        // The opt-in says when the rotations are (their slots' titles and hours), not a meal they may not be at.
        model.addAttribute("networkingLabel", messages.getMessage("registration.field.reseautage",
                new Object[] {String.join("\u00a0; ", networkingTimes)}, locale));
        model.addAttribute("lastDay", requests.window(day).map(Capacity::lastDay).orElse(null));
        List<Question> questions = requests.questions(day);
        model.addAttribute("questions", questions);
        model.addAttribute("answers", QuestionAnswers.typed(questions, answered));
        return "registration/request";
    }

    /** Every value posted under a name (a multiple choice posts several), none as an empty list. */
    static Function<String, List<String>> all(HttpServletRequest request) {
        return name -> {
            String[] values = request.getParameterValues(name);
            return values == null ? List.of() : List.of(values);
        };
    }

    private Day day(String code) {
        return days.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
