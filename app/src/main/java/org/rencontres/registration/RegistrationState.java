package org.rencontres.registration;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a registration stands. The approval chain goes REQUESTED → (AWAITING_MANAGER when the day
 * asks for the line manager's opinion) → AWAITING_TRAINING_SERVICE → AWAITING_ORGANISER → CONFIRMED,
 * or WAITING_LIST when the day is full; a waiting-listed agent is OFFERED a freed seat, which they
 * take (CONFIRMED) or let pass (EXPIRED). Before confirmation any step may refuse (REFUSED, always
 * with a reason); the agent may withdraw (WITHDRAWN) and the organiser cancel (CANCELLED) a live
 * registration. REFUSED, WITHDRAWN, CANCELLED and EXPIRED are final.
 */
public enum RegistrationState {
    REQUESTED, AWAITING_MANAGER, AWAITING_TRAINING_SERVICE, AWAITING_ORGANISER, CONFIRMED, WAITING_LIST,
    OFFERED, REFUSED, WITHDRAWN, CANCELLED, EXPIRED;

    private static final Set<RegistrationState> FINAL = EnumSet.of(REFUSED, WITHDRAWN, CANCELLED, EXPIRED);

    /** Whether the machine allows going from this state to {@code target}. */
    public boolean mayBecome(RegistrationState target) {
        return switch (this) {
            case REQUESTED -> target == AWAITING_MANAGER || target == AWAITING_TRAINING_SERVICE
                    || target == REFUSED || target == WITHDRAWN || target == CANCELLED;
            case AWAITING_MANAGER -> target == AWAITING_TRAINING_SERVICE
                    || target == REFUSED || target == WITHDRAWN || target == CANCELLED;
            case AWAITING_TRAINING_SERVICE -> target == AWAITING_ORGANISER
                    || target == REFUSED || target == WITHDRAWN || target == CANCELLED;
            case AWAITING_ORGANISER -> target == CONFIRMED || target == WAITING_LIST
                    || target == REFUSED || target == WITHDRAWN || target == CANCELLED;
            case WAITING_LIST -> target == OFFERED || target == CONFIRMED
                    || target == REFUSED || target == WITHDRAWN || target == CANCELLED;
            case OFFERED -> target == CONFIRMED || target == EXPIRED
                    || target == REFUSED || target == WITHDRAWN || target == CANCELLED;
            case CONFIRMED -> target == WITHDRAWN || target == CANCELLED;
            case REFUSED, WITHDRAWN, CANCELLED, EXPIRED -> false;
        };
    }

    public List<RegistrationState> nextStates() {
        return Arrays.stream(values()).filter(this::mayBecome).toList();
    }

    /** A live registration still counts as the agent's request for the day (one per agent and day). */
    public boolean isLive() {
        return !FINAL.contains(this);
    }

    /** A confirmed registration holds a seat, and so does an open offer until it is taken or expires. */
    public boolean holdsSeat() {
        return this == CONFIRMED || this == OFFERED;
    }

    /**
     * Checks a move and its reason.
     *
     * @throws IllegalTransitionException when the machine does not allow it
     * @throws ReasonRequiredException when it is a refusal without a reason
     */
    public void check(RegistrationState target, String reason) {
        if (!mayBecome(target)) {
            throw new IllegalTransitionException(this, target);
        }
        if (target == REFUSED && (reason == null || reason.isBlank())) {
            throw new ReasonRequiredException();
        }
    }
}
