package org.rencontres.registration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.needs.AccessibilityNeeds;
import org.rencontres.registration.needs.Arrangement;
import org.rencontres.registration.needs.DeclaredNeeds;
import org.rencontres.registration.questions.Questions;
import org.rencontres.shared.EmailAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration module's operations, as other modules and the module's pages call them: requests,
 * the moves of the approval chain, seats and the waiting list, and the registrations as read. Each
 * operation is one transaction; the work is done by {@link RegistrationChain} (the approval chain),
 * {@link Seats} (capacity, confirmation, waiting list) and {@link RegistrationQueries} (reading),
 * all on the locks of {@link RegistrationMoves}.
 *
 * <p>{@code actor} is who acts, as text (an e-mail address, "Agent", an organiser's name); it is
 * recorded with each transition.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Registrations {

    /** The actor of the automatic moves (offers of freed seats, expired offers). */
    public static final String SYSTEM = "Système";

    private final RegistrationQueries queries;
    private final RegistrationChain chain;
    private final RegistrationMoves moves;
    private final Seats seats;
    private final Questions questions;
    private final AccessibilityNeeds needs;
    private final QueuePages queuePages;

    // ---- capacity ----

    /**
     * Sets the day's seats, the time a waiting-listed agent has to accept a freed seat, and whether
     * requests go to the line manager first. Seats added are offered to the waiting list at once;
     * seats removed only stop new confirmations (nobody confirmed loses a seat).
     */
    @Transactional
    public void setCapacity(Capacity capacity) {
        seats.setCapacity(capacity);
    }

    public Optional<Capacity> capacity(long dayId) {
        return queries.capacity(dayId);
    }

    // ---- the request and the approval chain ----

    /**
     * Records an agent's request for a day, in state REQUESTED.
     *
     * @return the registration's id
     * @throws DuplicateRegistrationException when the agent (same e-mail, whatever its case) already
     *                                        has a live request for the day
     */
    @Transactional
    public long request(long dayId, RequestDraft draft) {
        return chain.request(dayId, draft, "fr", null, List.of());
    }

    /**
     * Records a request, in state REQUESTED, with the agent's language for e-mails, the training
     * service that registered the agent (or null) and the ranked workshop choices (first is
     * preferred; workshops of the day only).
     */
    @Transactional
    public long request(long dayId, RequestDraft draft, String language, String registeredBy, List<Long> workshopChoices) {
        return chain.request(dayId, draft, language, registeredBy, workshopChoices);
    }

    /**
     * An agent's request from the public form: recorded, then sent on at once to the line manager
     * (when the day asks for an opinion and the agent named one) or to the training service, each by
     * e-mail with a single-use link; the agent is told by e-mail, with the link to their space.
     *
     * @return the registration's id
     */
    @Transactional
    public long submit(long dayId, RequestDraft draft, String language, List<Long> workshopChoices) {
        return submit(dayId, draft, language, workshopChoices, Map.of());
    }

    /**
     * The same, with the answers to the session's questions (question id → texts, already checked by
     * {@link org.rencontres.registration.questions.QuestionAnswers}), stored with the request.
     */
    @Transactional
    public long submit(long dayId, RequestDraft draft, String language, List<Long> workshopChoices,
                       Map<Long, List<String>> answers) {
        return submit(dayId, draft, language, workshopChoices, answers, DeclaredNeeds.NONE);
    }

    /**
     * The same, with the accessibility needs the agent declared (and consented to pass on, at the
     * request's consent time): stored apart, and the session's référent handicap told of them.
     */
    @Transactional
    public long submit(long dayId, RequestDraft draft, String language, List<Long> workshopChoices,
                       Map<Long, List<String>> answers, DeclaredNeeds declaredNeeds) {
        long id = record(dayId, draft, language, workshopChoices, answers, declaredNeeds);
        chain.advance(id, SYSTEM, null);
        return id;
    }

    /** The same, answering the state the request reached (the public form shows it) without reading it again. */
    @Transactional
    RegistrationState submitReachingState(long dayId, RequestDraft draft, String language, List<Long> workshopChoices,
                                          Map<Long, List<String>> answers, DeclaredNeeds declaredNeeds) {
        return chain.advance(record(dayId, draft, language, workshopChoices, answers, declaredNeeds), SYSTEM, null);
    }

    private long record(long dayId, RequestDraft draft, String language, List<Long> workshopChoices,
                        Map<Long, List<String>> answers, DeclaredNeeds declaredNeeds) {
        long id = chain.request(dayId, draft, language, null, workshopChoices);
        questions.save(id, answers);
        needs.record(id, dayId, declaredNeeds, draft.consentAt());
        return id;
    }

    /**
     * A training service registers one of its agents: the request goes straight to the organiser
     * (the service has decided; no line manager's opinion is asked).
     */
    @Transactional
    public long registerByService(long dayId, RequestDraft draft, String serviceEmail, List<Long> workshopChoices) {
        return chain.registerByService(dayId, draft, serviceEmail, workshopChoices);
    }

    /**
     * Replaces the ranked workshop choices of a live registration (the agent ranks again from their
     * space); the workshop already given, if any, stays until the organiser's allocation.
     */
    @Transactional
    public void rankWorkshops(long id, List<Long> workshopChoices) {
        chain.rankWorkshops(id, workshopChoices);
    }

    /**
     * The line manager's opinion through their single-use link: favourable sends the request on to
     * the training service, unfavourable refuses it (a reason is required).
     *
     * @throws Links.LinkProblemException when the link is tampered, used or expired
     */
    @Transactional
    public RegistrationState managerOpinion(String token, boolean favourable, String reason) {
        return chain.decide(token, Links.Purpose.MANAGER, RegistrationState.AWAITING_MANAGER, favourable, reason,
                "Responsable hiérarchique");
    }

    /** The training service's decision through its single-use link: accepted goes to the organiser. */
    @Transactional
    public RegistrationState trainingServiceDecision(String token, boolean accepted, String reason) {
        return chain.decide(token, Links.Purpose.TRAINING_SERVICE, RegistrationState.AWAITING_TRAINING_SERVICE,
                accepted, reason, "Service formation");
    }

    /** The training service's decision from its space (a space link of the agent's employer). */
    @Transactional
    public RegistrationState trainingServiceDecision(long id, long organisationId, String serviceEmail, boolean accepted,
                                                     String reason) {
        return chain.trainingServiceDecision(id, organisationId, serviceEmail, accepted, reason);
    }

    /**
     * The organiser decides in the place of the line manager (favourable: on to the training service)
     * or of the training service (accepted: on to the organiser), or refuses in their place (a reason
     * is required); recorded as the organiser's decision, in place, and told so to the agent.
     *
     * @throws IllegalTransitionException unless the registration waits for its line manager or training service
     */
    @Transactional
    public RegistrationState decideInPlace(long id, String actor, boolean yes, String reason) {
        return chain.decideInPlace(id, actor, yes, reason);
    }

    /**
     * Moves a registration to the next step of the chain: REQUESTED goes to AWAITING_MANAGER when
     * the day asks for the line manager's opinion, else to AWAITING_TRAINING_SERVICE; then
     * AWAITING_ORGANISER; from AWAITING_ORGANISER this is {@link #confirm}.
     *
     * @return the new state
     * @throws IllegalTransitionException when the registration is not on the chain any more
     */
    @Transactional
    public RegistrationState advance(long id, String actor, String reason) {
        return chain.advance(id, actor, reason);
    }

    // ---- the organiser's decision, leaving, the waiting list ----

    /**
     * The organiser's confirmation: takes a seat in this very transaction (CONFIRMED), or, when the
     * day is full, puts the registration at the end of the waiting list (WAITING_LIST).
     *
     * @return CONFIRMED or WAITING_LIST
     * @throws IllegalStateException when the day has no capacity set
     * @throws IllegalTransitionException unless the registration is AWAITING_ORGANISER
     */
    @Transactional
    public RegistrationState confirm(long id, String actor) {
        return seats.confirm(moves.lock(id), actor, null);
    }

    /**
     * Refuses a registration that is not confirmed yet.
     *
     * @throws ReasonRequiredException when {@code reason} is blank
     */
    @Transactional
    public void refuse(long id, String actor, String reason) {
        seats.leave(moves.lock(id), RegistrationState.REFUSED, actor, reason);
    }

    /** The agent withdraws; a seat held is offered to the first of the waiting list. */
    @Transactional
    public void withdraw(long id, String actor, String reason) {
        seats.leave(moves.lock(id), RegistrationState.WITHDRAWN, actor, reason);
    }

    /** The organiser cancels; a seat held is offered to the first of the waiting list. */
    @Transactional
    public void cancel(long id, String actor, String reason) {
        seats.leave(moves.lock(id), RegistrationState.CANCELLED, actor, reason);
    }

    /**
     * The agent takes the seat offered.
     *
     * @throws OfferExpiredException when the deadline has passed (the registration stays OFFERED
     *                               until {@link #expireOffers} passes the seat on)
     * @throws IllegalTransitionException unless the registration is OFFERED
     */
    @Transactional
    public void acceptOffer(long id, String actor) {
        seats.acceptOffer(id, actor);
    }

    @Transactional
    void acceptOffer(long id, String actor, Instant now) {
        seats.acceptOffer(id, actor, now);
    }

    /**
     * Moves every offer whose deadline is not after {@code now} to EXPIRED and offers each seat to
     * the next on the waiting list, with a deadline counted from {@code now}. Safe to run on several
     * instances at once.
     *
     * @return how many offers expired
     */
    @Transactional
    public int expireOffers(Instant now) {
        return seats.expireOffers(now);
    }

    /**
     * An organiser puts a waiting-listed registration at the head of the waiting list (those it
     * passes move down by one), so that it gets the next freed seat; recorded as a transition from
     * WAITING_LIST to WAITING_LIST.
     *
     * @throws IllegalTransitionException unless the registration is WAITING_LIST
     */
    @Transactional
    public void promote(long id, String actor, String reason) {
        seats.promote(id, actor, reason);
    }

    // ---- reading ----

    public Optional<Registration> find(long id) {
        return queries.find(id);
    }

    /** The day's registrations, oldest first. */
    public List<Registration> ofDay(long dayId) {
        return queries.ofDay(dayId);
    }

    /**
     * Who a registration is and its state: what a list of people of the day shows (the attendance list).
     *
     * @param found whether its name (either order), e-mail or employer contains the search, without case nor accents
     *              (the queue's search, {@link #search}); true when there is no search
     */
    public record Person(long id, String surname, String givenName, String employerName, RegistrationState state,
                         boolean found) {
    }

    /**
     * The day's registrations as {@link Person}s, oldest first, each marked found or not by the search (empty: all):
     * six columns read from an index alone ({@code V66_1}), not the full registrations of {@link #ofDay} (a national
     * session holds 5,000 of them).
     */
    public List<Person> peopleOfDay(long dayId, String search) {
        return queries.peopleOfDay(dayId, search);
    }

    /**
     * A registration as the participant lists export it.
     *
     * @param arrangement the arrangement planned for its accessibility needs, null when it declared none (never
     *                    the needs themselves: health data)
     * @param answers its answers to the session's questions, in the order of {@link Questions#ofDay}: each answer's
     *                texts joined by « , », null for a question not answered
     */
    public record Listed(Registration registration, Arrangement arrangement, List<String> answers) {
    }

    /**
     * Every registration of the session by name (surname, given name, case aside, then id), with its arrangement
     * and answers, handed to {@code each} as it is read through a database cursor: one window of rows in memory,
     * whatever the size of the session (the exports). The transaction lasts as long as the reading.
     */
    @Transactional(readOnly = true)
    public void eachOfDayByName(long dayId, Consumer<Listed> each) {
        queries.eachOfDayByName(dayId, null, each);
    }

    /** The same for the registrations given that workshop (its roster). */
    @Transactional(readOnly = true)
    public void eachOfWorkshopByName(long dayId, long workshopId, Consumer<Listed> each) {
        queries.eachOfDayByName(dayId, workshopId, each);
    }

    /** Some of the registrations that match a search, and how many match in all. */
    public record Found(List<Registration> registrations, long total) {
    }

    /**
     * The day's registrations whose name (either order), e-mail or employer contains the text, without case nor
     * accents (« elo dur » no, « élodie dur » yes), the closest first: {@code limit} of them at most, and how many
     * there are in all (counted in SQL).
     */
    public Found search(long dayId, String text, int limit) {
        return queuePages.search(dayId, text, limit);
    }

    /** How many of the day's registrations are in each state (states with none are absent), counted in SQL. */
    public Map<RegistrationState, Integer> countsByState(long dayId) {
        return queuePages.countsByState(dayId);
    }

    /** The registrations made with that address (whole, whatever its case), oldest first. */
    public List<Registration> ofAgent(EmailAddress email) {
        return queries.ofAgent(email.value());
    }

    /** The registrations of an employer's agents, newest first. */
    public List<Registration> ofEmployer(long organisationId) {
        return queries.ofEmployer(organisationId);
    }

    /** The day's waiting list, first served first. */
    public List<Registration> waitingList(long dayId) {
        return queries.waitingList(dayId);
    }

    /** The rank of a waiting-listed registration among those of its day still waiting (1 is served first). */
    public Optional<Integer> waitingRank(long id) {
        return queries.find(id).filter(r -> r.state() == RegistrationState.WAITING_LIST)
                .map(r -> queries.waitingRanks(r.dayId()).get(id));
    }

    /** The registration's transitions, oldest first. */
    public List<Transition> history(long id) {
        return queries.history(id);
    }

    /** Whether the agent (e-mail, whatever its case) has a live request for the day. */
    public boolean hasLiveRequest(long dayId, String email) {
        return queries.hasLiveRequest(dayId, email);
    }

    /** The ranked workshop choices of every registration of a day that made some, in one query. */
    public Map<Long, List<Long>> workshopChoicesOfDay(long dayId) {
        return queries.workshopChoicesOfDay(dayId);
    }

    /** The ranked workshop choices of a registration (workshop ids, first preferred). */
    public List<Long> workshopChoices(long id) {
        return queries.workshopChoices(id);
    }
}
