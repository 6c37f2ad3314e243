package org.rencontres.registration;

import static org.rencontres.registration.RegistrationRows.utc;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.RegistrationMoves.Locked;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The approval chain of a registration: the request (by the agent or by a training service), the
 * steps REQUESTED → (line manager) → training service → organiser, the decisions given through
 * single-use links or a service's space, and the agent's ranked workshop choices. The organiser's
 * step and the moves that free a seat belong to {@link Seats}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationChain {

    private final JdbcClient jdbc;
    private final RegistrationQueries queries;
    private final RegistrationMoves moves;
    private final Seats seats;
    private final Links links;
    private final Workshops workshops;
    private final ApplicationEventPublisher events;

    long request(long dayId, RequestDraft draft, String language, String registeredBy, List<Long> workshopChoices) {
        if (queries.hasLiveRequest(dayId, draft.email())) {
            throw new DuplicateRegistrationException(dayId, draft.email());
        }
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service,
                        employer_organisation_id, employer_name, line_manager_email, dietary_needs, accessibility_needs,
                        consent_at, state, language, registered_by, networking_opt_in)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?) RETURNING id""")
                    .params(dayId, draft.surname(), draft.givenName(), draft.email(), draft.phone(),
                            draft.positionService(), draft.employerOrganisationId(), draft.employerName(),
                            draft.lineManagerEmail(), draft.dietaryNeeds(), draft.accessibilityNeeds(),
                            utc(draft.consentAt()), "en".equals(language) ? "en" : "fr", registeredBy,
                            draft.networkingOptIn())
                    .query(Long.class).single();
        } catch (DuplicateKeyException raced) {
            // Another request of the same agent committed between the check and the insert.
            throw new DuplicateRegistrationException(dayId, draft.email());
        }
        moves.record(id, null, RegistrationState.REQUESTED, registeredBy == null ? draft.email() : registeredBy, null);
        events.publishEvent(new RegistrationCreated(id, dayId));
        List<Long> ofDay = workshops.ofDay(dayId).stream().map(Workshop::id).toList();
        for (Long workshop : workshopChoices) {
            if (!ofDay.contains(workshop)) {
                throw new IllegalArgumentException("workshop " + workshop + " is not one of the day's");
            }
        }
        insertChoices(id, workshopChoices);
        return id;
    }

    long registerByService(long dayId, RequestDraft draft, String serviceEmail, List<Long> workshopChoices) {
        long id = request(dayId, draft, "fr", serviceEmail, workshopChoices);
        moves.move(moves.lockOnChain(id), RegistrationState.AWAITING_TRAINING_SERVICE, serviceEmail,
                "Inscription par le service formation", null, null);
        moves.move(moves.lockOnChain(id), RegistrationState.AWAITING_ORGANISER, serviceEmail, null, null, null);
        return id;
    }

    void rankWorkshops(long id, List<Long> workshopChoices) {
        Registration r = queries.find(id).orElseThrow(() -> new NoSuchRegistrationException(id));
        if (!r.state().isLive()) {
            throw new IllegalTransitionException(r.state(), r.state());
        }
        List<Long> ofDay = workshops.ofDay(r.dayId()).stream().map(Workshop::id).toList();
        if (workshopChoices.isEmpty() || workshopChoices.stream().distinct().count() != workshopChoices.size()
                || !ofDay.containsAll(workshopChoices)) {
            throw new IllegalArgumentException("choices " + workshopChoices + " are not distinct workshops of the day");
        }
        jdbc.sql("DELETE FROM registration_workshop_choice WHERE registration_id = ?").param(id).update();
        insertChoices(id, workshopChoices);
    }

    private void insertChoices(long id, List<Long> workshopChoices) {
        int rank = 1;
        for (Long workshop : workshopChoices) {
            jdbc.sql("INSERT INTO registration_workshop_choice (registration_id, rank, workshop_id) VALUES (?, ?, ?)")
                    .params(id, rank++, workshop).update();
        }
    }

    RegistrationState trainingServiceDecision(long id, long organisationId, String serviceEmail, boolean accepted,
                                              String reason) {
        Locked l = moves.lockOnChain(id);
        if (!Long.valueOf(organisationId).equals(l.registration().employerOrganisationId())) {
            throw new NoSuchRegistrationException(id);
        }
        if (l.registration().state() != RegistrationState.AWAITING_TRAINING_SERVICE) {
            throw new IllegalTransitionException(l.registration().state(),
                    accepted ? RegistrationState.AWAITING_ORGANISER : RegistrationState.REFUSED);
        }
        String actor = "Service formation (" + serviceEmail + ")";
        if (accepted) {
            moves.move(l, RegistrationState.AWAITING_ORGANISER, actor, blankToNull(reason), null, null);
            return RegistrationState.AWAITING_ORGANISER;
        }
        seats.leave(l, RegistrationState.REFUSED, actor, reason);
        return RegistrationState.REFUSED;
    }

    /** A decision through a single-use link of {@code purpose}, on a registration that must be {@code expected}. */
    RegistrationState decide(String token, Links.Purpose purpose, RegistrationState expected, boolean yes,
                             String reason, String role) {
        if (!yes && (reason == null || reason.isBlank())) {
            throw new ReasonRequiredException();
        }
        Links.Link link = links.use(token, purpose);
        Locked l = moves.lockOnChain(link.registrationId());
        if (l.registration().state() != expected) {
            throw new IllegalTransitionException(l.registration().state(), null);
        }
        String actor = role + " (" + link.recipient() + ")";
        if (yes) {
            RegistrationState next = expected == RegistrationState.AWAITING_MANAGER
                    ? RegistrationState.AWAITING_TRAINING_SERVICE : RegistrationState.AWAITING_ORGANISER;
            moves.move(l, next, actor, blankToNull(reason), null, null);
            return next;
        }
        seats.leave(l, RegistrationState.REFUSED, actor, reason);
        return RegistrationState.REFUSED;
    }

    /**
     * The organiser decides in the place of the line manager or of the training service that has not
     * answered (or that no one can ask): the move is recorded as the organiser's, in place.
     */
    RegistrationState decideInPlace(long id, String actor, boolean yes, String reason) {
        if (!yes && (reason == null || reason.isBlank())) {
            throw new ReasonRequiredException();
        }
        Locked l = moves.lockOnChain(id);
        RegistrationState state = l.registration().state();
        if (state != RegistrationState.AWAITING_MANAGER && state != RegistrationState.AWAITING_TRAINING_SERVICE) {
            throw new IllegalTransitionException(state, null);
        }
        RegistrationState next = !yes ? RegistrationState.REFUSED : state == RegistrationState.AWAITING_MANAGER
                ? RegistrationState.AWAITING_TRAINING_SERVICE : RegistrationState.AWAITING_ORGANISER;
        // On the chain no seat is held: a refusal frees none.
        moves.move(l, next, actor, blankToNull(reason), null, null, true);
        return next;
    }

    RegistrationState advance(long id, String actor, String reason) {
        RegistrationState seen = queries.find(id).orElseThrow(() -> new NoSuchRegistrationException(id)).state();
        Locked l = seen == RegistrationState.AWAITING_ORGANISER ? moves.lock(id) : moves.lockOnChain(id);
        RegistrationState next = switch (l.registration().state()) {
            case REQUESTED -> l.capacity() != null && l.capacity().managerOpinionAsked()
                    && l.registration().lineManagerEmail() != null
                    ? RegistrationState.AWAITING_MANAGER : RegistrationState.AWAITING_TRAINING_SERVICE;
            case AWAITING_MANAGER -> RegistrationState.AWAITING_TRAINING_SERVICE;
            case AWAITING_TRAINING_SERVICE -> RegistrationState.AWAITING_ORGANISER;
            case AWAITING_ORGANISER -> null;
            default -> throw new IllegalTransitionException(l.registration().state(), null);
        };
        if (next == null) {
            if (!l.capacityLocked()) {
                // Passed to the organiser since it was read: the confirmation needs the day's lock first.
                throw new IllegalTransitionException(RegistrationState.AWAITING_ORGANISER, null);
            }
            return seats.confirm(l, actor, reason);
        }
        moves.move(l, next, actor, reason, null, null);
        return next;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
