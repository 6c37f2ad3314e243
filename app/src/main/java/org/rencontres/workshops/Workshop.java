package org.rencontres.workshops;

/** A workshop of a day; {@code room} is where it takes place (free text), or null. */
public record Workshop(long id, long slotId, int number, String title, String description,
                       WritingTemplate writingTemplate, Integer capacity, String room) {
}
