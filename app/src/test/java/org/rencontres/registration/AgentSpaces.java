package org.rencontres.registration;

import org.rencontres.notification.QueuedMails;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registration module's test fixture for other modules' tests: an agent's space as the agent reaches it, from
 * the e-mails they were sent, without knowing the registration module's tables.
 */
public final class AgentSpaces {

    private static final String SPACE = "/inscription/espace/";

    private AgentSpaces() {
    }

    /** The path of the agent's space, from the last link to it e-mailed to {@code email}. */
    public static String pathOf(JdbcClient jdbc, String email) {
        return new QueuedMails(jdbc).lastLink(email, SPACE)
                .orElseThrow(() -> new AssertionError("no link to the space of " + email));
    }

    /**
     * Keeps the links of a registration usable one day more: the tests' days lie in the past, so their links have
     * expired.
     */
    public static void keepOpen(JdbcClient jdbc, long registrationId) {
        jdbc.sql("UPDATE registration_link SET expires_at = now() + interval '1 day' WHERE registration_id = ?")
                .param(registrationId).update();
    }
}
