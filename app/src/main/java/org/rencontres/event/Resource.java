package org.rencontres.event;

/** A link or a stored file offered with a day. */
public record Resource(Kind kind, String title, String description, String url, String storedFile) {

    public enum Kind { COMMUNITY_LINK, DOCUMENT, BROCHURE, REGISTRATION_FORM, LINK }
}
