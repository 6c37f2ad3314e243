package org.rencontres.attendance;

import java.time.LocalTime;

/**
 * What became of a check-in: only {@link Kind#RECORDED} wrote anything; {@link Kind#REPLAYED} is a
 * check-in sent again with the same key (already recorded, nothing changed). The others are refusals
 * with nothing recorded.
 *
 * @param name the person's name when known
 * @param at the local time of the presence already recorded (for RECORDED, REPLAYED, ALREADY_PRESENT)
 */
public record CheckInOutcome(Kind kind, String name, LocalTime at) {

    public enum Kind {
        RECORDED, REPLAYED, ALREADY_PRESENT, UNKNOWN_CODE, OTHER_DAY, NOT_CONFIRMED, NO_SUCH_PERSON,
        SIGNATURE_EMPTY, SIGNATURE_INVALID, NO_SUCH_HALF_DAY
    }

    public boolean recorded() {
        return kind == Kind.RECORDED || kind == Kind.REPLAYED;
    }

    /** The message key of the outcome, in the attendance bundle ({0} the name, {1} the time). */
    public String messageKey() {
        return "attendance.outcome." + kind.name();
    }

    /** The arguments of its message: none without a name (the message is then shown as written). */
    Object[] messageArguments() {
        return name == null ? new Object[0] : new Object[] {name, at == null ? "" : Attendances.HOUR.format(at)};
    }

    static CheckInOutcome refused(Kind kind, String name) {
        return new CheckInOutcome(kind, name, null);
    }
}
