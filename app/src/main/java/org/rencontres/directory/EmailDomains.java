package org.rencontres.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.common.net.InternetDomainName;

/**
 * The e-mail domains of an organisation ("mairie-lyon.fr", "grandlyon.com"): where its staff's
 * addresses end. An address at a domain or at one of its sub-domains is covered.
 */
public final class EmailDomains {

    static final int MAX = 20;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern ASCII = Pattern.compile("[a-z0-9.-]+");

    private final List<String> domains;

    private EmailDomains(List<String> domains) {
        this.domains = List.copyOf(domains);
    }

    public static EmailDomains of(List<String> domains) {
        return new EmailDomains(domains);
    }

    public static EmailDomains none() {
        return new EmailDomains(List.of());
    }

    public List<String> list() {
        return domains;
    }

    public boolean isEmpty() {
        return domains.isEmpty();
    }

    /** "mairie-lyon.fr, grandlyon.com" */
    public String text() {
        return String.join(", ", domains);
    }

    /** Whether the address ends at one of the domains or at a sub-domain of one (whatever its case). */
    public boolean covers(String email) {
        if (email == null) {
            return false;
        }
        int at = email.strip().lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String host = email.strip().substring(at + 1).toLowerCase(Locale.ROOT);
        return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    /** The domains as typed (separated by spaces, commas, semicolons or lines), or the key of the error. */
    record Parsed(List<String> domains, String errorKey) {
    }

    /**
     * Reads the typed domains: each a registrable domain name (under a public suffix of the Public Suffix
     * List, not a suffix itself: "gouv.fr" alone is refused, "interieur.gouv.fr" taken), in lower case,
     * each once.
     */
    static Parsed parse(String text) {
        if (Texts.blank(text)) {
            return new Parsed(List.of(), null);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> domains = new ArrayList<>();
        for (String token : SEPARATORS.split(text.strip())) {
            if (token.isEmpty()) {
                continue;
            }
            String domain = token.toLowerCase(Locale.ROOT);
            if (!isDomain(domain)) {
                return new Parsed(List.of(), "directory.error.domain");
            }
            if (!seen.add(domain)) {
                return new Parsed(List.of(), "directory.error.domain.twice");
            }
            domains.add(domain);
        }
        if (domains.size() > MAX) {
            return new Parsed(List.of(), "directory.error.domain.many");
        }
        return new Parsed(domains, null);
    }

    private static boolean isDomain(String domain) {
        if (!ASCII.matcher(domain).matches() || !InternetDomainName.isValid(domain)) {
            return false;
        }
        InternetDomainName name = InternetDomainName.from(domain);
        return name.isUnderPublicSuffix() && name.parts().size() >= 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailDomains other && other.domains.equals(domains);
    }

    @Override
    public int hashCode() {
        return domains.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
