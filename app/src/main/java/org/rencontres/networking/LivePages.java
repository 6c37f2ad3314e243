package org.rencontres.networking;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

/** What the live pages share: times as the room's clock shows them, and the stream's headers. */
final class LivePages {

    static final ZoneId ROOM = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H'h'mm", Locale.FRENCH);

    private LivePages() {
    }

    /** "13h10", or null. */
    static String time(Instant t) {
        return t == null ? null : TIME.format(t.atZone(ROOM));
    }

    /** A stream must reach the browser event by event: no buffering in a proxy (nginx), no cache. */
    static void streamHeaders(HttpServletResponse response) {
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-cache, no-transform");
    }
}
