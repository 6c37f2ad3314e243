package org.rencontres.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;

import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.event.Day;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionDays;
import org.rencontres.registration.questions.Question;
import org.rencontres.registration.questions.QuestionAnswers;
import org.rencontres.registration.questions.Questions;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The paper path: an organiser records the request of a signed paper registration form (bulletin
 * d'inscription) received by post or e-mail. The request, its scan and the audit entry are saved in
 * one transaction, or nothing is; the request then follows the same approval chain as an online one.
 */
@Service
class PaperRequests {

    /** The outcome: the problems of the form's fields, or the registration recorded. */
    record Outcome(List<FieldProblem> problems, Long registrationId, String name) {
        boolean accepted() {
            return problems.isEmpty();
        }
    }

    private final Registrations registrations;
    private final PaperForms paperForms;
    private final Directory directory;
    private final Days days;
    private final AuditTrail audit;
    private final Questions questions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PaperRequests(Registrations registrations, PaperForms paperForms, Directory directory, Days days,
                  AuditTrail audit, Questions questions, PlatformTransactionManager transactions,
                  Optional<Clock> clock) {
        this.questions = questions;
        this.registrations = registrations;
        this.paperForms = paperForms;
        this.directory = directory;
        this.days = days;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Why the day takes no paper request (the key of a French message), if it does not. */
    Optional<String> closed(ManagedDay managed) {
        Day day = days.find(managed.slug()).orElse(null);
        if (day == null || day.status() == DayStatus.CANCELLED) {
            return Optional.of("registration.admin.paper.closed.CANCELLED");
        }
        SessionDays.RegistrationPhase phase = day.days().registrationPhase(today());
        if (phase != SessionDays.RegistrationPhase.OPEN) {
            return Optional.of("registration.admin.paper.closed." + phase.name());
        }
        return Optional.empty();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(FrenchTime.PARIS));
    }

    /** The organiser's questions of the day, which the paper form asks too. */
    List<Question> questions(ManagedDay day) {
        return questions.ofDay(day.id());
    }

    /**
     * Checks and records a paper request with its scan.
     *
     * @param answered the values typed under each question's field (several for a multiple choice)
     */
    Outcome record(ManagedDay day, Organiser organiser, PaperRequestForm form, PaperForms.Upload upload,
                   Function<String, List<String>> answered) {
        if (closed(day).isPresent()) {
            // The page offers no form then; a form sent all the same is refused.
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        PaperRequestChecker.Checked checked = PaperRequestChecker.check(form, directory.organisationsByName(), today());
        PaperForms.Verdict scan = paperForms.check(upload);
        List<FieldProblem> answerProblems = new ArrayList<>();
        Map<Long, List<String>> answers = QuestionAnswers.read(questions(day), answered, answerProblems);
        if (!checked.valid() || !scan.accepted() || !answerProblems.isEmpty()) {
            List<FieldProblem> problems = new ArrayList<>(checked.problems());
            problems.addAll(answerProblems);
            if (!scan.accepted()) {
                problems.add(FieldProblem.of("scan", scan.refusal()));
            }
            return new Outcome(problems, null, null);
        }
        RequestDraft draft = checked.draft();
        String name = draft.givenName() + " " + draft.surname();
        try {
            long id = transaction.execute(status -> {
                long registrationId = registrations.request(day.id(), draft);
                questions.save(registrationId, answers);
                paperForms.store(registrationId, upload, scan.contentType(), checked.receivedOn(),
                        organiser.displayName());
                audit.record(day.id(), organiser.accountId(), organiser.displayName(), "registration", "paper",
                        name + " : bulletin papier reçu le "
                                + checked.receivedOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                                + " enregistré (" + (draft.employerTyped() ? "employeur hors annuaire : " : "employeur : ")
                                + draft.employerName() + ")");
                return registrationId;
            });
            return new Outcome(List.of(), id, name);
        } catch (DuplicateRegistrationException duplicate) {
            // Thrown inside the transaction, which is rolled back: nothing is saved.
            return new Outcome(List.of(FieldProblem.of("courriel", "registration.admin.error.duplicate")), null, null);
        }
    }
}
