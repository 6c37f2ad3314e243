package org.rencontres.registration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The filters of the organiser's queue, as they travel in its address: state ({@code etat}), free
 * text on name, e-mail and employer ({@code recherche}, searched in SQL by {@link QueuePages}), employers not in the directory only
 * ({@code horsAnnuaire=oui}) and source ({@code source=en-ligne|papier}). Unknown values are dropped,
 * so a filter read from a request is always one the page can show.
 */
record QueueFilter(RegistrationState state, String text, boolean outsideDirectory, Source source) {

    /** How a request reached the organiser: the public form or a signed paper form. */
    enum Source {
        ONLINE("en-ligne"), PAPER("papier");

        final String param;

        Source(String param) {
            this.param = param;
        }

        static Source of(String param) {
            return Arrays.stream(values()).filter(s -> s.param.equals(param)).findFirst().orElse(null);
        }

        public String param() {
            return param;
        }
    }

    static final QueueFilter NONE = new QueueFilter(null, "", false, null);

    QueueFilter {
        text = text == null ? "" : text.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
    }

    /** The filter of a request's parameters, as typed. */
    static QueueFilter of(String etat, String recherche, String horsAnnuaire, String source) {
        RegistrationState state = Arrays.stream(RegistrationState.values())
                .filter(s -> s.name().equals(etat)).findFirst().orElse(null);
        return new QueueFilter(state, recherche, "oui".equals(horsAnnuaire), Source.of(source));
    }

    public QueueFilter withState(RegistrationState s) {
        return new QueueFilter(s, text, outsideDirectory, source);
    }

    public QueueFilter withoutState() {
        return withState(null);
    }

    public boolean active() {
        return state != null || !text.isEmpty() || outsideDirectory || source != null;
    }

    /** The parameters to send again (hidden fields, links), in a stable order. */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        if (state != null) {
            p.put("etat", state.name());
        }
        if (!text.isEmpty()) {
            p.put("recherche", text);
        }
        if (outsideDirectory) {
            p.put("horsAnnuaire", "oui");
        }
        if (source != null) {
            p.put("source", source.param);
        }
        return p;
    }

    /** The query string of the filter ("?etat=…&…"), empty when no filter is set. */
    public String query() {
        Map<String, String> p = params();
        return p.isEmpty() ? "" : p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
