package org.rencontres.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.PdfTemplates;
import org.rencontres.event.Day;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.PublicInformation;
import org.rencontres.event.SessionDay;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.shared.FrenchTime;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * The public information of a session (Qualiopi, indicator 1: objectives, prerequisites, methods,
 * evaluation, duration, price, accessibility and disability contact) and its programme day by day, as
 * one PDF: what was published, as the pack's first document, whatever the session's status (a past
 * session's public page may be gone, its information stays here).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicInformationDocument {

    private final PublicInformation publicInformation;
    private final Programmes programmes;
    private final PdfTemplates pdfs;

    /** A line of the programme: « 9h – 9h30 », the slot's title, its format (« Exposé »), its track. */
    record Line(String times, String title, String format, String track) {
    }

    /** A day of the session and its slots. */
    record DayProgramme(String date, List<Line> lines) {
    }

    byte[] pdf(Day day) {
        PublicInfo info = publicInformation.of(day.id(), day.days()).orElse(PublicInfo.NONE);
        List<Slot> slots = programmes.outline(day.id());
        List<DayProgramme> programme = new ArrayList<>();
        for (SessionDay d : day.days().all()) {
            programme.add(new DayProgramme(FrenchTime.longDate(d.date()), slots.stream()
                    .filter(s -> s.sessionDayId() == d.id())
                    .map(s -> new Line(FrenchTime.clock(s.startsAt()) + (s.endsAt() == null ? "" : " – " + FrenchTime.clock(s.endsAt())),
                            s.title(), s.formatLabel(), s.track()))
                    .toList()));
        }
        Context context = new Context(Locale.FRENCH);
        context.setVariable("day", day);
        context.setVariable("info", info);
        context.setVariable("programme", programme);
        context.setVariable("noProgramme", slots.isEmpty());
        return pdfs.render("evidence/pdf/public-information", context);
    }
}
