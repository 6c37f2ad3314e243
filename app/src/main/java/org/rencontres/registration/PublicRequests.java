package org.rencontres.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.event.Day;
import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDays;
import org.rencontres.event.DayStatus;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotKind;
import org.rencontres.registration.allocation.WorkshopRanking;
import org.rencontres.registration.questions.Question;
import org.rencontres.registration.questions.QuestionAnswers;
import org.rencontres.registration.questions.Questions;
import org.rencontres.shared.FieldProblem;
import org.rencontres.workshops.Workshops;
import org.springframework.stereotype.Service;

/**
 * The rules of the public request form: when a day takes requests, the checks of each field with
 * its French message, the employer looked up in the directory, and the honeypot.
 */
@Service
class PublicRequests {

    /** Why a day does not take requests, as a message key; null when it does. */
    enum Closed {
        NOT_PUBLISHED, CANCELLED, PAST, BEGUN, NOT_YET_OPEN, CLOSED;

        String messageKey() {
            return "registration.closed." + name();
        }
    }

    /**
     * The outcome of a submitted form: the problems of its fields, or the rate limit that refused it
     * (then nothing was recorded), or the state reached.
     */
    record Outcome(List<FieldProblem> problems, RegistrationState state, Attempts.Verdict refusedBy) {
        Outcome(List<FieldProblem> problems, RegistrationState state) {
            this(problems, state, null);
        }

        boolean accepted() {
            return problems.isEmpty() && refusedBy == null;
        }
    }

    private final Registrations registrations;
    private final Directory directory;
    private final Workshops workshops;
    private final Attempts attempts;
    private final Programmes programmes;
    private final Questions questions;
    private final MailsAfterCommit mails;
    private final Clock clock;

    PublicRequests(Registrations registrations, Directory directory, Workshops workshops, Attempts attempts,
                   Programmes programmes, Questions questions, MailsAfterCommit mails, Optional<Clock> clock) {
        this.mails = mails;
        this.questions = questions;
        this.programmes = programmes;
        this.registrations = registrations;
        this.directory = directory;
        this.workshops = workshops;
        this.attempts = attempts;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    Instant now() {
        return clock.instant();
    }

    /** The directory's organisations, for the employer field's suggestions. */
    List<String> organisationNames() {
        return directory.organisationsByName().stream().map(Organisation::name).toList();
    }

    /** The day's workshops an agent ranks, slot by slot in the programme's order. */
    List<WorkshopRanking.Group> workshopGroups(Day day) {
        return WorkshopRanking.groups(workshops.slotsOfDay(day.id()));
    }

    /** The organiser's questions of the day, in their order. */
    List<Question> questions(Day day) {
        return questions.ofDay(day.id());
    }

    /** Whether the day's programme has a networking rotation (then the form asks who wants to take part). */
    boolean hasNetworking(Day day) {
        return programmes.outline(day.id()).stream().anyMatch(s -> s.kind() == SlotKind.NETWORKING);
    }

    /**
     * When a networking rotation of the day takes place, as the form's opt-in says it.
     *
     * @param date its day ("mardi 16 mars 2027") on a session of several days, else null
     */
    record NetworkingTime(String title, String date, LocalTime start, LocalTime end) {
    }

    /** The day's networking slots in the programme's order (none: the form does not ask). */
    List<NetworkingTime> networkingTimes(Day day) {
        SessionDays sessionDays = day.days();
        return programmes.outline(day.id()).stream().filter(s -> s.kind() == SlotKind.NETWORKING)
                .map(s -> new NetworkingTime(s.title(), sessionDays.isSingle() ? null
                        : sessionDays.byId(s.sessionDayId()).map(SessionDay::frenchDate).orElse(null),
                        s.startsAt(), s.endsAt()))
                .toList();
    }

    /** Whether the day asks for the line manager's opinion (then the manager's address is required). */
    boolean managerAsked(Day day) {
        return registrations.capacity(day.id()).map(Capacity::managerOpinionAsked).orElse(false);
    }

    /** When registration opens and closes, when set. */
    Optional<Capacity> window(Day day) {
        return registrations.capacity(day.id());
    }

    Optional<Closed> closed(Day day) {
        if (day.status() == DayStatus.CANCELLED) {
            return Optional.of(Closed.CANCELLED);
        }
        if (day.status() != DayStatus.PUBLISHED) {
            return Optional.of(Closed.NOT_PUBLISHED);
        }
        // Registration is for the whole session: it closes once the first day is over, even when
        // other days are still to come.
        LocalDate today = LocalDate.now(clock.withZone(day.zone()));
        SessionDays.RegistrationPhase phase = day.days().registrationPhase(today);
        if (phase != SessionDays.RegistrationPhase.OPEN) {
            return Optional.of(Closed.valueOf(phase.name()));
        }
        Optional<Capacity> capacity = registrations.capacity(day.id());
        Instant now = clock.instant();
        if (capacity.map(Capacity::opensAt).filter(now::isBefore).isPresent()) {
            return Optional.of(Closed.NOT_YET_OPEN);
        }
        if (capacity.map(Capacity::closesAt).filter(c -> !now.isBefore(c)).isPresent()) {
            return Optional.of(Closed.CLOSED);
        }
        return Optional.empty();
    }

    /**
     * Records the request of a form that passed its checks ({@link #check}). A form filled by a robot
     * (honeypot) is answered as if accepted, and nothing is recorded.
     */
    Outcome submit(Day day, RequestForm form, Checked checked, String clientAddress, Locale locale) {
        if (!checked.problems().isEmpty()) {
            return new Outcome(checked.problems(), null);
        }
        if (form.filledByRobot()) {
            return new Outcome(List.of(), RegistrationState.REQUESTED);
        }
        Attempts.Verdict rate = attempts.allow(clientAddress, form.courriel());
        if (!rate.allowed()) {
            return new Outcome(List.of(), null, rate);
        }
        Optional<Organisation> employer = checked.employer();
        RequestDraft draft = new RequestDraft(form.nom(), form.prenom(), form.courriel(), form.telephone(),
                form.fonction(), employer.map(Organisation::id).orElse(null),
                employer.map(Organisation::name).orElse(form.employeur()), form.responsable(),
                day.mealOffered() ? form.repas() : null,
                null, clock.instant(), form.networking() && checked.networking());
        try {
            // The needs (health data) go to their own table, not the registration's row and its exports.
            // Its e-mails (to the agent, to the approver) are rendered once the request is committed.
            RegistrationState state = mails.deferring(() -> registrations.submitReachingState(day.id(), draft,
                    locale == null ? "fr" : locale.getLanguage(), checked.choices(), checked.answers(), form.needs()));
            return new Outcome(List.of(), state);
        } catch (DuplicateRegistrationException duplicate) {
            return new Outcome(List.of(FieldProblem.of("courriel", "registration.error.duplicate")), null);
        }
    }

    /** What the checks of a submitted form found: its problems, the choices and answers read, the employer. */
    record Checked(List<FieldProblem> problems, List<Long> choices, Map<Long, List<String>> answers,
                   Optional<Organisation> employer, boolean networking) {
    }

    /**
     * Checks a submitted form: every read it needs, to be made in the caller's read-only transaction (the
     * controller's, which also reads the day), so that the request costs one transaction of reads.
     */
    Checked check(Day day, RequestForm form, Function<String, String> posted,
                  Function<String, List<String>> postedAll) {
        List<FieldProblem> problems = form.problems(managerAsked(day));
        List<Long> choices = WorkshopRanking.read(workshopGroups(day), posted, problems);
        Map<Long, List<String>> answers = QuestionAnswers.read(questions(day), postedAll, problems);
        if (!problems.isEmpty() || form.filledByRobot()) {
            return new Checked(problems, choices, answers, Optional.empty(), false);
        }
        Optional<Organisation> employer = directory.organisationsByName().stream()
                .filter(o -> o.name().strip().equalsIgnoreCase(form.employeur().strip())).findFirst();
        return new Checked(problems, choices, answers, employer, form.networking() && hasNetworking(day));
    }
}
