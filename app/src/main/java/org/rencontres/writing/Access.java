package org.rencontres.writing;

/**
 * What one person may do with one document, as decided when the page or the WebSocket is opened.
 *
 * @param name the name the others see next to this person's cursor
 * @param registrationId the participant's registration, or null for organisers, facilitators and readers
 */
record Access(WritingDocument document, Role role, String name, Long registrationId) {

    enum Role { ORGANISER, FACILITATOR, PARTICIPANT, READER }

    boolean canEdit() {
        return role != Role.READER && !document.isClosed();
    }

    /** Organisers and facilitators moderate the sharing back: they may highlight a passage. */
    boolean moderates() {
        return role == Role.ORGANISER || role == Role.FACILITATOR;
    }
}
