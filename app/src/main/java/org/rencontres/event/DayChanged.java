package org.rencontres.event;

/** Something public about a day changed: its status, its description or its programme. */
public record DayChanged(long dayId) {
}
