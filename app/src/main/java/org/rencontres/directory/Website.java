package org.rencontres.directory;

import java.net.URI;
import java.net.URISyntaxException;

/** A website address: http(s) with a host; "www.cnfpt.fr" is taken as https://www.cnfpt.fr. */
final class Website {

    private Website() {
    }

    static String normalise(String input) {
        String site = Texts.trimmed(input);
        if (site == null) {
            return null;
        }
        return site.matches("(?i)https?://.*") ? site : "https://" + site;
    }

    static boolean isValid(String input) {
        String site = normalise(input);
        if (site == null || site.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(site);
            return uri.getHost() != null && uri.getHost().contains(".");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
