package org.rencontres.workshops;

/** A workshop of a day. */
public record Workshop(long id, long slotId, int number, String title, String description,
                       WritingTemplate writingTemplate, Integer capacity) {
}
