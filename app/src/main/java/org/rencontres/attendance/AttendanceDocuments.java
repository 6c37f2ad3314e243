package org.rencontres.attendance;

import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.NamedFile;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.ManagedDay;
import org.springframework.stereotype.Service;

/**
 * The attendance documents of a session for the modules above (the evidence pack): the filled
 * attendance sheet of each half-day of each day, with the trainees' and the trainers' signatures, and
 * the certificates issued. Read afresh on each call; nothing is kept.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AttendanceDocuments {

    private final Attendances attendances;
    private final AttendanceSheets sheets;
    private final Certificates certificates;
    private final Days days;

    /** Whether anyone was marked present at any half-day of the session. */
    public boolean anyAttendance(long dayId) {
        for (SessionHalfDay half : attendances.halfDays(dayId).all()) {
            if (attendances.attendees(dayId, half.sessionDayId(), half.half()).stream().anyMatch(Attendee::present)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One filled sheet per half-day of every day of the session, in order: « emargement-z20in001-2027-03-16-matin.pdf ».
     */
    public List<NamedFile> filledSheets(ManagedDay day) {
        List<NamedFile> files = new ArrayList<>();
        for (SessionHalfDay half : attendances.halfDays(day.id()).all()) {
            files.add(new NamedFile("emargement-" + day.slug() + "-" + half.day().date() + "-" + half.half().slug() + ".pdf",
                    sheets.sheets(day, List.of(List.of(half)), true)));
        }
        return files;
    }

    /** The certificates issued for the session, as they were issued (hours and half-days of then). */
    public List<NamedFile> certificates(long dayId) {
        Day day = days.find(dayId).orElseThrow();
        List<NamedFile> files = new ArrayList<>();
        for (Certificate c : certificates.ofDay(dayId)) {
            Certificates.Holder holder = certificates.holder(c);
            String name = Certificates.fileName(day, holder);
            files.add(new NamedFile(name.substring(0, name.length() - 4) + "-" + c.id() + ".pdf", certificates.pdf(c)));
        }
        return files;
    }
}
