package org.rencontres.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address, the one rule for every form and import: the WHATWG definition that HTML's
 * {@code <input type="email">} applies (an ASCII local part, a domain of letters, digits and
 * hyphens, at least one dot), at most 254 characters, surrounding spaces dropped.
 *
 * <p>Why ASCII only: every form of the platform uses {@code type="email"}, so browsers already refuse
 * {@code jérôme@mairie.fr} before it reaches the server (and send an internationalised domain in its
 * {@code xn--} form, which this rule accepts); and mail to an internationalised local part needs
 * SMTPUTF8 from the outbox to the recipient's server, which the outbox does not turn on. Accepting
 * it would queue a convocation that cannot leave. Widening the rule is a change to this class only.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    private static final Pattern WHATWG = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /** @throws IllegalArgumentException when {@code value} is not an e-mail address */
    public EmailAddress {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        value = value.strip();
    }

    /** Whether {@code typed} (surrounding spaces aside) is an e-mail address; {@code null} is not. */
    public static boolean isValid(String typed) {
        if (typed == null) {
            return false;
        }
        String address = typed.strip();
        return address.length() <= MAX_LENGTH && WHATWG.matcher(address).matches();
    }

    /** The address typed, or nothing when it is blank or not an address. */
    public static Optional<EmailAddress> parse(String typed) {
        return isValid(typed) ? Optional.of(new EmailAddress(typed)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
