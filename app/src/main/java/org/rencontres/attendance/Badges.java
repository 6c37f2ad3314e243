package org.rencontres.attendance;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.PdfTemplates;
import org.rencontres.event.ManagedDay;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;

/**
 * Name badges of a day as PDF, on A4 sheets of common self-adhesive labels: the name (large), the
 * organisation and the workshop the person registered for, if any, for every confirmed registration
 * and every walk-in, sorted by name, with a thin cut border. Laid out by {@code attendance/pdf/badges}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Badges {

    /** A4 label layouts: labels per row and per column, a label's size and the sheet's margins, in mm. */
    enum Layout {
        /** 8 per page, 2 × 4, 99.1 × 67.7 mm (Avery L7165). */
        EIGHT("8", 2, 4, 99.1, 67.7, 13.1, 4.65, 2.5),
        /** 10 per page, 2 × 5, 99.1 × 57 mm (Avery L7173). */
        TEN("10", 2, 5, 99.1, 57.0, 6.0, 4.65, 2.5);

        final String code;
        final int across;
        final int down;
        final double width;
        final double height;
        final double top;
        final double side;
        final double gap;

        Layout(String code, int across, int down, double width, double height, double top, double side, double gap) {
            this.code = code;
            this.across = across;
            this.down = down;
            this.width = width;
            this.height = height;
            this.top = top;
            this.side = side;
            this.gap = gap;
        }

        int perPage() {
            return across * down;
        }

        static Optional<Layout> of(String code) {
            return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
        }

        public String getCode() {
            return code;
        }

        public String getWidth() {
            return mm(width);
        }

        public String getHeight() {
            return mm(height);
        }

        public String getTop() {
            return mm(top);
        }

        public String getSide() {
            return mm(side);
        }

        public String getGap() {
            return mm(gap);
        }

        private static String mm(double v) {
            return String.format(Locale.ROOT, "%.2fmm", v);
        }
    }

    /** One badge. */
    record Badge(String surname, String givenName, String organisation, String workshop) {
    }

    private final Attendances attendances;
    private final Registrations registrations;
    private final Workshops workshops;
    private final PdfTemplates pdfs;

    /** Confirmed registrations and walk-ins, sorted by name. */
    List<Badge> badges(long dayId) {
        Map<Long, Workshop> workshopsById = workshops.ofDay(dayId).stream()
                .collect(Collectors.toMap(Workshop::id, Function.identity()));
        Map<Long, Registration> byId = registrations.ofDay(dayId).stream()
                .collect(Collectors.toMap(Registration::id, Function.identity()));
        List<Badge> badges = new ArrayList<>();
        for (Attendee a : attendances.everyone(dayId, attendances.deskDay(dayId).id(), HalfDay.MORNING)) {
            if (!a.walkIn() && !a.confirmed()) {
                continue;
            }
            Registration r = a.walkIn() ? null : byId.get(a.registrationId());
            // One workshop per workshop period: the badge names them all, by workshop number.
            String workshop = r == null ? null : r.workshopIds().stream().map(workshopsById::get)
                    .filter(Objects::nonNull).sorted(Comparator.comparingInt(Workshop::number))
                    .map(Workshop::title).collect(Collectors.joining(" / "));
            workshop = workshop == null || workshop.isEmpty() ? null : workshop;
            badges.add(new Badge(a.surname(), a.givenName(), a.organisation(), workshop));
        }
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        badges.sort(Comparator.comparing(Badge::surname, collator).thenComparing(Badge::givenName, collator));
        return badges;
    }

    /** The badges as PDF: pages of rows of labels. */
    byte[] pdf(ManagedDay day, Layout layout) {
        List<Badge> all = badges(day.id());
        List<List<List<Badge>>> pages = new ArrayList<>();
        for (int p = 0; p < all.size(); p += layout.perPage()) {
            List<Badge> page = all.subList(p, Math.min(all.size(), p + layout.perPage()));
            List<List<Badge>> rows = new ArrayList<>();
            for (int r = 0; r < page.size(); r += layout.across) {
                rows.add(page.subList(r, Math.min(page.size(), r + layout.across)));
            }
            pages.add(rows);
        }
        Context context = new Context(Locale.FRENCH);
        context.setVariable("day", day);
        context.setVariable("layout", layout);
        context.setVariable("pages", pages);
        context.setVariable("count", all.size());
        return pdfs.render("attendance/pdf/badges", context);
    }
}
