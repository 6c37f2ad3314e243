package org.rencontres.event;

/** Someone else saved the day since this form was opened: saving now would overwrite their work. */
class DayConflictException extends RuntimeException {
    public DayConflictException(long dayId) {
        super("Day " + dayId + " was changed by someone else");
    }
}
