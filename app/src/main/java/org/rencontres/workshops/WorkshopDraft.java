package org.rencontres.workshops;

/** A workshop to hold during a programme slot; {@code room} free text or null. */
public record WorkshopDraft(long slotId, int number, String title, String description,
                            WritingTemplate writingTemplate, Integer capacity, String room) {

    public WorkshopDraft {
        if (number <= 0) {
            throw new IllegalArgumentException("Workshops are numbered from 1");
        }
        if (capacity != null && capacity <= 0) {
            throw new IllegalArgumentException("A capacity is positive");
        }
        room = room == null || room.isBlank() ? null : room.strip();
    }

    /** A workshop whose room is not known yet. */
    public WorkshopDraft(long slotId, int number, String title, String description, WritingTemplate writingTemplate,
                         Integer capacity) {
        this(slotId, number, title, description, writingTemplate, capacity, null);
    }
}
