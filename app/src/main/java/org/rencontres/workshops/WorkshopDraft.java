package org.rencontres.workshops;

/** A workshop to hold during a programme slot. */
public record WorkshopDraft(long slotId, int number, String title, String description,
                            WritingTemplate writingTemplate, Integer capacity) {

    public WorkshopDraft {
        if (number <= 0) {
            throw new IllegalArgumentException("Workshops are numbered from 1");
        }
        if (capacity != null && capacity <= 0) {
            throw new IllegalArgumentException("A capacity is positive");
        }
    }
}
