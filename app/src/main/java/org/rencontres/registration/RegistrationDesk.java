package org.rencontres.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The organiser's acts on a day's requests, each in one transaction with its audit entry. Each
 * returns the key of the French message that reports it (success or why nothing changed).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationDesk {

    enum Action { ADVANCE, CONFIRM, PROMOTE, REFUSE, CANCEL }

    record Result(long id, String name, String messageKey, boolean done) {
    }

    /**
     * A line of the queue: the registration, whether it came on paper, the flag of its manager's
     * address or null, for whom and since when it waits (null off the chain), and its rank among
     * those still waiting (null off the waiting list).
     */
    record Row(Registration registration, boolean paper, ManagerAddressCheck.Flag managerFlag, ApprovalWaits.Wait pending,
               Integer waitingRank) {
    }

    /**
     * The queue as filtered, how many requests each state has under the other filters, and the
     * seats: taken (confirmed or offered), left, and the waiting list's size.
     */
    record Queue(List<Row> rows, Map<RegistrationState, Integer> counts, int total, int taken, int waiting,
                 Paging paging) {
    }

    private final Registrations registrations;
    private final PaperForms paperForms;
    private final Directory directory;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ManagerAddressCheck managerCheck;
    private final ApprovalWaits approvalWaits;
    private final RegistrationQueries queries;
    private final RegistrationMails mails;
    private final MailsAfterCommit afterCommit;
    private final QueuePages queuePages;

    /** The registration if it belongs to the day, else 404. */
    Registration ofDay(ManagedDay day, long id) {
        return registrations.find(id).filter(r -> r.dayId() == day.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * One page of the day's requests that pass the filter, oldest first (the closest first for a search), with the
     * counts per state under the other filters; every count from SQL.
     */
    Queue queue(ManagedDay day, QueueFilter filter, String requestedPage, String path) {
        QueuePages.Page page = queuePages.page(day.id(), filter, requestedPage, path);
        List<Registration> shown = page.lines().stream().map(QueuePages.Line::registration).toList();
        Map<Long, ManagerAddressCheck.Flag> flags = managerCheck.of(shown);
        Map<Long, ApprovalWaits.Wait> waits = approvalWaits.ofDay(day.id(), shown);
        Map<Long, Integer> ranks = queries.waitingRanks(day.id());
        List<Row> rows = new ArrayList<>();
        for (QueuePages.Line line : page.lines()) {
            Registration r = line.registration();
            rows.add(new Row(r, line.paper(), flags.get(r.id()), waits.get(r.id()), ranks.get(r.id())));
        }
        int total = page.counts().values().stream().mapToInt(Integer::intValue).sum();
        int taken = queuePages.countsByState(day.id()).entrySet().stream().filter(e -> e.getKey().holdsSeat())
                .mapToInt(Map.Entry::getValue).sum();
        return new Queue(rows, page.counts(), total, taken, ranks.size(), page.paging());
    }

    /** For whom and since when the request waits, if it is on the chain. */
    Optional<ApprovalWaits.Wait> waitOf(Registration r) {
        return approvalWaits.of(r);
    }

    /** The rank of a waiting-listed request among those still waiting. */
    Integer waitingRank(Registration r) {
        return queries.waitingRanks(r.dayId()).get(r.id());
    }

    /**
     * Sends the approver of a waiting request its link again, or a reminder, audited.
     *
     * @return the report: how many addresses were written to, or why none
     */
    Result askAgain(ManagedDay day, Organiser organiser, long id, boolean reminder) {
        Registration r = ofDay(day, id);
        String name = r.givenName() + " " + r.surname();
        Optional<ApprovalWaits.Wait> wait = approvalWaits.of(r);
        if (wait.isEmpty() || !wait.get().approverToAsk()) {
            return new Result(id, name, "registration.admin.error.no.approver", false);
        }
        // The links are issued in the transaction; the e-mails rendered after it commits.
        Integer sent = afterCommit.deferring(() -> transaction.execute(status -> {
            int n = mails.askAgain(r, reminder, wait.get().since());
            audit.record(day.id(), organiser.accountId(), organiser.displayName(), "registration",
                    reminder ? "remind-approver" : "resend-link",
                    name + " : " + (reminder ? "relance envoyée à " : "lien renvoyé à ")
                            + String.join(", ", wait.get().addresses()));
            return n;
        }));
        return new Result(id, name, sent != null && sent > 0
                ? (reminder ? "registration.admin.notice.reminded" : "registration.admin.notice.resent")
                : "registration.admin.error.no.approver", sent != null && sent > 0);
    }

    /** The flag of the request's line manager address, if it is doubtful. */
    Optional<ManagerAddressCheck.Flag> managerFlag(Registration r) {
        return managerCheck.of(r);
    }

    Optional<PaperForms.PaperForm> paperForm(long registrationId) {
        return paperForms.of(registrationId);
    }

    Optional<PaperForms.Scan> scan(ManagedDay day, long id) {
        return paperForms.scan(ofDay(day, id).id());
    }

    List<Transition> history(ManagedDay day, long id) {
        return registrations.history(ofDay(day, id).id());
    }

    /** The directory's organisations, by name, for the employer lists. */
    List<Organisation> organisations() {
        return directory.organisationsByName();
    }

    Optional<Organisation> organisation(Long id) {
        return id == null ? Optional.empty() : directory.organisation(id);
    }

    /**
     * Links the request's employer to an organisation of the directory (the typed name is replaced
     * by the organisation's), recorded in the audit trail with the name that was typed.
     *
     * @return the key of the French message that reports it, or of the error
     */
    String attachEmployer(ManagedDay day, Organiser organiser, long id, String organisationId) {
        Registration r = ofDay(day, id);
        Optional<Organisation> chosen;
        try {
            chosen = organisationId == null || organisationId.isBlank() ? Optional.empty()
                    : directory.organisation(Long.parseLong(organisationId.strip()));
        } catch (NumberFormatException e) {
            chosen = Optional.empty();
        }
        if (chosen.isEmpty()) {
            return "registration.admin.error.attach.organisation";
        }
        Organisation o = chosen.get();
        if (r.employerOrganisationId() != null && r.employerOrganisationId() == o.id()) {
            return "registration.admin.notice.attached";
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    UPDATE registration SET employer_organisation_id = ?, employer_name = ?, version = version + 1
                    WHERE id = ? AND event_day_id = ?""")
                    .params(o.id(), o.name(), r.id(), day.id()).update();
            audit.record(day.id(), organiser.accountId(), organiser.displayName(), "registration", "employer",
                    r.givenName() + " " + r.surname() + " : employeur « " + (r.employerName() == null ? "" : r.employerName())
                            + " »" + (r.employerOrganisationId() == null ? " (hors annuaire)" : "")
                            + " rattaché à l'organisation « " + o.name() + " » de l'annuaire");
        });
        return "registration.admin.notice.attached";
    }

    @Transactional
    void setCapacity(ManagedDay day, Organiser organiser, int seats, int offerHours, boolean managerAsked,
                     Instant opensAt, Instant closesAt) {
        registrations.setCapacity(new Capacity(day.id(), seats, offerHours, managerAsked, opensAt, closesAt));
        audit.record(day.id(), organiser.accountId(), organiser.displayName(), "registration", "capacity",
                seats + " places, " + offerHours + " h pour répondre à une offre"
                        + (managerAsked ? ", avis du responsable demandé" : "")
                        + (opensAt == null ? "" : ", ouverture " + opensAt) + (closesAt == null ? "" : ", clôture " + closesAt));
    }

    Result act(ManagedDay day, Organiser organiser, long id, Action action, String reason) {
        Registration r = ofDay(day, id);
        String name = r.givenName() + " " + r.surname();
        String actor = organiser.displayName();
        try {
            // The e-mails the act causes (the agent's, a freed seat's offer…) are rendered after the commit: the
            // transaction holds the day's seats and a connection for the writes only.
            return afterCommit.deferring(() -> transaction.execute(status -> perform(day, organiser, r, action, reason)));
        } catch (ReasonRequiredException e) {
            return new Result(id, name, "registration.error.reason.required", false);
        } catch (IllegalTransitionException e) {
            return new Result(id, name, "registration.error.transition", false);
        } catch (IllegalStateException e) {
            return new Result(id, name, "registration.error.no.capacity", false);
        }
    }

    private Result perform(ManagedDay day, Organiser organiser, Registration r, Action action, String reason) {
        long id = r.id();
        String name = r.givenName() + " " + r.surname();
        String actor = organiser.displayName();
        boolean approverStep = r.state() == RegistrationState.AWAITING_MANAGER
                || r.state() == RegistrationState.AWAITING_TRAINING_SERVICE;
        if (approverStep && (action == Action.ADVANCE || action == Action.REFUSE)) {
            // The organiser decides in the approver's place: credited to the organiser, said so in the audit.
            boolean yes = action == Action.ADVANCE;
            RegistrationState reached = registrations.decideInPlace(id, actor, yes, reason);
            String approver = r.state() == RegistrationState.AWAITING_MANAGER ? "du responsable hiérarchique"
                    : "du service formation";
            audit.record(day.id(), organiser.accountId(), actor, "registration", yes ? "accept-in-place" : "refuse-in-place",
                    name + " : " + (yes ? "accepté" : "refusé") + " par l'organisateur à la place " + approver
                            + " (" + r.state() + " → " + reached + ")"
                            + (reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")"));
            return new Result(id, name, "registration.state." + reached.name(), true);
        }
        {
            RegistrationState reached = switch (action) {
                case ADVANCE -> registrations.advance(id, actor, reason);
                case CONFIRM -> registrations.confirm(id, actor);
                case PROMOTE -> {
                    registrations.promote(id, actor, reason);
                    yield registrations.find(id).orElseThrow().state();
                }
                case REFUSE -> {
                    registrations.refuse(id, actor, reason);
                    yield RegistrationState.REFUSED;
                }
                case CANCEL -> {
                    registrations.cancel(id, actor, reason);
                    yield RegistrationState.CANCELLED;
                }
            };
            audit.record(day.id(), organiser.accountId(), actor, "registration", action.name().toLowerCase(),
                    name + " : " + r.state() + " → " + reached + (reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")"));
            return new Result(id, name, "registration.state." + reached.name(), true);
        }
    }
}
