package org.rencontres.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.FrenchTime;
import org.rencontres.web.PublicCaching;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The catalogue as feeds, public like the catalogue: {@code /journees.ics}, the sessions to come as one
 * iCalendar that a calendar application subscribes to, and {@code /journees.atom}, the newest sessions
 * for a feed reader; both filtered by {@code ?theme=} (a tag, as the catalogue's filter) and
 * {@code ?unite=} (the organising unit). Public and cacheable like every public answer ({@link PublicCaching}:
 * an ETag of the bytes, 304 to a client that has the same feed).
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CatalogueFeedController {

    static final String ICS = "/journees.ics";
    static final String ATOM = "/journees.atom";
    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final MediaType ATOM_TYPE = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

    private final CatalogueFeeds feeds;
    private final DayCalendar calendar;
    private final MessageSource messages;
    private final Optional<Clock> clock;

    @GetMapping(ICS)
    ResponseEntity<String> ics(@RequestParam(name = "theme", required = false) String theme,
                               @RequestParam(name = "unite", required = false) String unit) {
        CatalogueFeeds.Filter filter = new CatalogueFeeds.Filter(theme, unit);
        String host = ServletUriComponentsBuilder.fromCurrentContextPath().build().getHost();
        String body = calendar.feed(text("catalogue.feed.ics.name"), feeds.upcoming(FrenchTime.today(clock), filter),
                day -> pageUrl(day), host);
        return answer(CALENDAR, body);
    }

    @GetMapping(ATOM)
    ResponseEntity<String> atom(@RequestParam(name = "theme", required = false) String theme,
                                @RequestParam(name = "unite", required = false) String unit) {
        CatalogueFeeds.Filter filter = new CatalogueFeeds.Filter(theme, unit);
        String self = ServletUriComponentsBuilder.fromCurrentContextPath().path(ATOM)
                .queryParamIfPresent("theme", Optional.ofNullable(filter.hasTheme() ? theme.strip() : null))
                .queryParamIfPresent("unite", Optional.ofNullable(filter.hasUnit() ? unit.strip() : null))
                .encode().toUriString();
        String catalogue = ServletUriComponentsBuilder.fromCurrentContextPath().path("/").toUriString();
        AtomFeed.Head head = new AtomFeed.Head(self, catalogue, text("catalogue.feed.atom.title"),
                text("catalogue.feed.atom.subtitle"), text("site.name"));
        String body = AtomFeed.write(head, feeds.newest(filter).stream().map(e -> new AtomFeed.Item(pageUrl(e.day()),
                e.day().fullTitle(), summary(e.day()), e.created(), e.updated(), e.tags())).toList());
        return answer(ATOM_TYPE, body);
    }

    private ResponseEntity<String> answer(MediaType type, String body) {
        PublicCaching.mark();
        return ResponseEntity.ok().contentType(type).body(body);
    }

    private String summary(Day day) {
        StringBuilder text = new StringBuilder(capitalised(day.days().frenchDates()));
        if (day.venue() != null && day.venue().city() != null && !day.venue().city().isBlank()) {
            text.append(", ").append(day.venue().city());
        }
        text.append(". ").append(text("catalogue.code")).append("\u00a0: ").append(day.sessionCode().value()).append('.');
        if (day.status() == DayStatus.CANCELLED) {
            text.append(' ').append(text("day.status.CANCELLED")).append('.');
        }
        return text.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String pageUrl(Day day) {
        return UriComponentsBuilder.fromUriString(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString())
                .pathSegment("journees", day.sessionCode().slug()).toUriString();
    }

    private String text(String code) {
        return messages.getMessage(code, null, Locale.FRENCH);
    }
}
