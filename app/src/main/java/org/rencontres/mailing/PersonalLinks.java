package org.rencontres.mailing;

import java.util.regex.Pattern;

/**
 * The personal links of e-mails (an agent's space, a line manager's or a training service's decision, a
 * survey answer, a follow-up, training service's or trainer's questionnaire, a facilitator's document) are bearer keys: whoever holds one acts as its recipient. The
 * e-mail log shows them masked once e-mails are really sent, so that reading the log does not hand an
 * organiser the agents' keys; when no SMTP server is configured (a trial) they are shown, since the log is
 * then the only way to follow them.
 */
final class PersonalLinks {

    private static final Pattern KEY = Pattern.compile(
            "(/(?:inscription/(?:espace|avis|decision)|service-formation/espace|evaluation|questionnaire|ecriture/animation)/)"
                    + "[A-Za-z0-9._~-]+");

    static final String MASK = "[lien-personnel-masque]";

    private PersonalLinks() {
    }

    /** {@code text} with the key of every personal link replaced by {@link #MASK}; null stays null. */
    static String mask(String text) {
        return text == null ? null : KEY.matcher(text).replaceAll("$1" + MASK);
    }
}
