package org.rencontres.event;

/**
 * A link or a stored file offered with a day.
 *
 * @param storedFile the id of an uploaded file, served at /journees/{code}/ressources/{id}
 * @param visibility whether everyone may open it, or only the day's participants
 */
public record Resource(Kind kind, String title, String description, String url, String storedFile,
                       Visibility visibility) {

    public Resource(Kind kind, String title, String description, String url, String storedFile) {
        this(kind, title, description, url, storedFile, Visibility.PUBLIC);
    }

    public Resource {
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
    }

    public boolean isReserved() {
        return visibility == Visibility.PARTICIPANTS;
    }

    public enum Kind { COMMUNITY_LINK, DOCUMENT, BROCHURE, REGISTRATION_FORM, LINK }

    public enum Visibility { PUBLIC, PARTICIPANTS }
}
