package org.rencontres.workshops;

/**
 * A facilitator (animateur, animatrice) of a workshop. {@code accessKey} is a random key (128 bits,
 * base64url) made when the facilitator is added, by which other modules find them without an account.
 */
public record Facilitator(long id, long workshopId, String name, String email, String accessKey) {
}
