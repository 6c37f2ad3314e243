package org.rencontres.registration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The signed link of the address ({@code {token}}), checked before the controller method runs: a
 * method that takes a {@code @SignedLink.For(purpose) SignedLink} gets a link that works for that
 * purpose; a tampered, used or expired one ends the request on the page that says so
 * ({@link SignedLinkGuard}). Checking does not use a single-use link: the action does, in its transaction.
 *
 * @param token the token as in the address, to build the page's links and to use the link
 * @param link  what the link is for and whom
 */
record SignedLink(String token, Links.Link link) {

    /** The purpose the link of this parameter must have. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @interface For {
        Links.Purpose value();
    }

    /** The registration the link is about (the agent's space, an opinion, a decision). */
    long registrationId() {
        return link.registrationId();
    }

    /** The agent who acts through their space, as the history names them. */
    String agent() {
        return "Agent (" + link.recipient() + ")";
    }
}
