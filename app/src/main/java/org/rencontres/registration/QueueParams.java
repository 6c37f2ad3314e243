package org.rencontres.registration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where an organiser's act on a request came from, so that the page that follows is the one they
 * left: the queue with its filters, or the request's detail page ({@code depuis=fiche}). Bound
 * from the parameters of the queue's links and forms; {@code page} is the queue's page (shared.Paging).
 */
record QueueParams(String etat, String recherche, String horsAnnuaire, String source, String depuis, String page) {

    QueueFilter filter() {
        return QueueFilter.of(etat, recherche, horsAnnuaire, source);
    }

    boolean fromDetail() {
        return "fiche".equals(depuis);
    }

    /** The parameters to carry on (hidden fields of the next form). */
    public Map<String, String> carried() {
        Map<String, String> p = new LinkedHashMap<>(filter().params());
        if (fromDetail()) {
            p.put("depuis", "fiche");
        }
        return p;
    }

    /** The same as a query string ("?…"), empty when there is nothing to carry. */
    public String query() {
        Map<String, String> p = carried();
        return p.isEmpty() ? "" : p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** The page to go back to after an act on the request {@code id}. */
    String backTo(String queuePath, long id) {
        return fromDetail() ? queuePath + "/" + id : queuePath + filter().query();
    }
}
