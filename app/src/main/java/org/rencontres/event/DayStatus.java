package org.rencontres.event;

/** The life of a day. Only published, cancelled and archived days are public. */
public enum DayStatus {
    DRAFT, PUBLISHED, CANCELLED, ARCHIVED;

    public boolean isPublic() {
        return this != DRAFT;
    }
}
