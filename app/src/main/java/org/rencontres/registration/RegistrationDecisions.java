package org.rencontres.registration;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.springframework.stereotype.Service;

/**
 * The organiser's decisions on a request, for callers outside this module (the organiser API): the same acts,
 * rules and audit entries as the back office's queue ({@link RegistrationDesk}), each in one transaction. The
 * organiser's display name is the actor the audit trail and the history record.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegistrationDecisions {

    /** What an organiser may do to a request: the next move of the chain, confirm, refuse (with a reason). */
    public enum Decision { ADVANCE, CONFIRM, REFUSE }

    /**
     * What came of it.
     *
     * @param done whether the registration moved
     * @param state its state now
     * @param messageKey the key of the French message that says what happened or why nothing did
     */
    public record Outcome(boolean done, RegistrationState state, String messageKey) {
    }

    private final RegistrationDesk desk;
    private final Registrations registrations;

    /**
     * Applies the decision to a registration of the day.
     *
     * @throws org.springframework.web.server.ResponseStatusException 404 when the registration is not the day's
     */
    public Outcome decide(ManagedDay day, Organiser organiser, long id, Decision decision, String reason) {
        RegistrationDesk.Result result = desk.act(day, organiser, id, switch (decision) {
            case ADVANCE -> RegistrationDesk.Action.ADVANCE;
            case CONFIRM -> RegistrationDesk.Action.CONFIRM;
            case REFUSE -> RegistrationDesk.Action.REFUSE;
        }, reason);
        return new Outcome(result.done(), registrations.find(id).orElseThrow().state(), result.messageKey());
    }
}
