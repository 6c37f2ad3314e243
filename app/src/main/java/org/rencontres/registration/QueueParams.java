package org.rencontres.registration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.rencontres.shared.Paging;

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

    /** The parameters to carry on (hidden fields of the next form): the queue's filters and page, or the origin. */
    public Map<String, String> carried() {
        Map<String, String> p = new LinkedHashMap<>(ofList(filter(), Paging.parse(page)));
        if (fromDetail()) {
            p.put("depuis", "fiche");
        }
        return p;
    }

    /** The same as a query string ("?…"), empty when there is nothing to carry. */
    public String query() {
        return query(carried());
    }

    /** The page to go back to after an act on the request {@code id}: the detail, or the queue's same page and filters. */
    String backTo(String queuePath, long id) {
        return fromDetail() ? queuePath + "/" + id : queuePath + query(ofList(filter(), Paging.parse(page)));
    }

    /**
     * What the queue's forms and links carry so that an act returns to the page the organiser left: the filters,
     * and the page when it is not the first (a page past the last after the act is answered with the last).
     */
    static Map<String, String> ofList(QueueFilter filter, long page) {
        Map<String, String> p = new LinkedHashMap<>(filter.params());
        if (page > 1) {
            p.put(Paging.PARAMETER, String.valueOf(page));
        }
        return p;
    }

    /** Parameters as a query string ("?…"), empty when there are none. */
    static String query(Map<String, String> p) {
        return p.isEmpty() ? "" : p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
