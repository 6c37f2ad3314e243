package org.rencontres.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.TrainingContact;
import org.rencontres.directory.TrainingContacts;
import org.rencontres.event.Days;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The training services' space, without an account: a training service contact of the directory
 * asks for a link by e-mail; the link (valid 7 days) shows its agents' requests that wait for its
 * decision, lets it decide, and register several agents for a day at once.
 */
@Controller
class ServiceSpaceController {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final Links links;
    private final Registrations registrations;
    private final RegistrationMails mails;
    private final TrainingContacts contacts;
    private final Directory directory;
    private final Days days;
    private final Attempts attempts;
    private final ServiceBulk bulk;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final MailsAfterCommit afterCommit;
    private final Clock clock;

    ServiceSpaceController(Links links, Registrations registrations, RegistrationMails mails, TrainingContacts contacts,
                           Directory directory, Days days, Attempts attempts, ServiceBulk bulk,
                           TransactionTemplate transaction, MessageSource messages, MailsAfterCommit afterCommit,
                           Optional<Clock> clock) {
        this.links = links;
        this.registrations = registrations;
        this.mails = mails;
        this.contacts = contacts;
        this.directory = directory;
        this.days = days;
        this.attempts = attempts;
        this.bulk = bulk;
        this.messages = messages;
        this.transaction = transaction;
        this.afterCommit = afterCommit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @GetMapping("/service-formation")
    String askForm(Model model) {
        model.addAttribute("courriel", "");
        model.addAttribute("errors", FormErrors.none());
        return "registration/service-ask";
    }

    @PostMapping("/service-formation")
    String ask(@RequestParam(name = "courriel", required = false) String email, HttpServletRequest request,
               Locale locale, Model model, HttpServletResponse response) {
        String typed = email == null ? "" : email.strip();
        model.addAttribute("courriel", typed);
        model.addAttribute("errors", FormErrors.none());
        if (!EmailAddress.isValid(typed)) {
            model.addAttribute("errors", FormErrors.of(List.of(FieldProblem.of("courriel",
                    "registration.service.error.courriel")), messages, locale));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "registration/service-ask";
        }
        // Counted per address and per e-mail typed: the link goes to that address, which cannot be flooded.
        Attempts.Verdict rate = attempts.allow(request.getRemoteAddr(), typed);
        if (!rate.allowed()) {
            Instant now = clock.instant();
            model.addAttribute("rateLimit", rate.messageKey());
            model.addAttribute("retryAt", rate.retryText(now));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(rate.retryAfterSeconds(now)));
            return "registration/service-ask";
        }
        transaction.executeWithoutResult(status -> {
            for (TrainingContact contact : contacts.withEmail(typed)) {
                Organisation organisation = directory.organisation(contact.organisationId()).orElseThrow();
                Instant expires = clock.instant().plus(VALIDITY);
                String token = links.issueForService(organisation.id(), contact.email(), expires);
                mails.serviceSpace(contact.email(), organisation.name(), token, expires, locale);
            }
        });
        // The same answer whether or not the address is known: the page tells no one who is in the directory.
        model.addAttribute("sent", true);
        return "registration/service-ask";
    }

    @GetMapping("/service-formation/espace/{token}")
    String space(@SignedLink.For(Links.Purpose.SERVICE_SPACE) SignedLink link, Model model) {
        return page(link, null, FormErrors.none(), "", "", model);
    }

    @PostMapping("/service-formation/espace/{token}/decision/{id}")
    String decide(@SignedLink.For(Links.Purpose.SERVICE_SPACE) SignedLink link, @PathVariable long id,
                  DecisionForm form, Model model) {
        List<FieldProblem> problems = form.answerProblems();
        String notice;
        if (!problems.isEmpty()) {
            notice = problems.get(0).code();
        } else {
            try {
                RegistrationState reached = afterCommit.deferring(() -> registrations.trainingServiceDecision(id,
                        link.link().organisationId(), link.link().recipient(), form.yes(), form.motif()));
                notice = "registration.service.decided." + reached.name();
            } catch (NoSuchRegistrationException e) {
                notice = "registration.service.error.not.yours";
            } catch (IllegalTransitionException e) {
                notice = "registration.link.problem.USED";
            }
        }
        return page(link, notice, FormErrors.none(), "", "", model);
    }

    @PostMapping("/service-formation/espace/{token}/inscriptions")
    String register(@SignedLink.For(Links.Purpose.SERVICE_SPACE) SignedLink link,
                    @RequestParam(name = "code", required = false) String code,
                    @RequestParam(name = "agents", required = false) String agents,
                    @RequestParam(name = "informes", required = false) String informed, Model model, Locale locale,
                    HttpServletResponse response) {
        Organisation organisation = directory.organisation(link.link().organisationId()).orElseThrow();
        ServiceBulk.Outcome outcome = bulk.register(code, organisation, link.link().recipient(), agents,
                informed != null);
        if (!outcome.done()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("lineProblems", outcome.lineProblems());
            return page(link, null, FormErrors.of(outcome.problems(), messages, locale),
                    code == null ? "" : code.strip(), agents == null ? "" : agents, model);
        }
        model.addAttribute("registeredCount", outcome.registered().size());
        return page(link, "registration.service.registered", FormErrors.none(), "", "", model);
    }

    private String page(SignedLink link, String notice, FormErrors errors, String code, String agents, Model model) {
        Organisation organisation = directory.organisation(link.link().organisationId()).orElseThrow();
        List<Registration> all = registrations.ofEmployer(organisation.id());
        model.addAttribute("token", link.token());
        model.addAttribute("organisation", organisation);
        model.addAttribute("recipient", link.link().recipient());
        model.addAttribute("pending", all.stream().filter(r -> r.state() == RegistrationState.AWAITING_TRAINING_SERVICE).toList());
        model.addAttribute("others", all.stream().filter(r -> r.state() != RegistrationState.AWAITING_TRAINING_SERVICE).toList());
        model.addAttribute("dayTitles", dayTitles(all));
        model.addAttribute("notice", notice);
        model.addAttribute("errors", errors);
        model.addAttribute("code", code);
        model.addAttribute("agents", agents);
        if (!model.containsAttribute("lineProblems")) {
            model.addAttribute("lineProblems", List.of());
        }
        return "registration/service-space";
    }

    private Map<Long, String> dayTitles(List<Registration> all) {
        Map<Long, String> titles = new HashMap<>();
        for (Registration r : all) {
            titles.computeIfAbsent(r.dayId(), id -> days.find(id)
                    .map(d -> d.sessionCode().value() + " – " + d.fullTitle()).orElse("?"));
        }
        return titles;
    }
}
