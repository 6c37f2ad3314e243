package org.rencontres.event;

import java.util.Arrays;
import java.util.List;

/** The life of a day. Only published, cancelled and archived days are public. */
public enum DayStatus {
    DRAFT, PUBLISHED, CANCELLED, ARCHIVED;

    public boolean isPublic() {
        return this != DRAFT;
    }

    /**
     * The moves an organiser may make: publish a draft; take a published day back to draft, cancel
     * or archive it; publish a cancelled day again or archive it. An archived day stays archived.
     */
    public boolean mayBecome(DayStatus target) {
        return switch (this) {
            case DRAFT -> target == PUBLISHED;
            case PUBLISHED -> target == DRAFT || target == CANCELLED || target == ARCHIVED;
            case CANCELLED -> target == PUBLISHED || target == ARCHIVED;
            case ARCHIVED -> false;
        };
    }

    public List<DayStatus> nextStates() {
        return Arrays.stream(values()).filter(this::mayBecome).toList();
    }
}
