package org.rencontres.registration;

import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.SessionDays;
import org.rencontres.notification.Attachment;
import org.rencontres.registration.allocation.AllocationViews;
import org.springframework.stereotype.Component;

/**
 * The joining instructions of a confirmed registration: the convocation PDF with its check-in QR
 * code and the calendar file, attached to the confirmation e-mail and served from the agent's space
 * and the back office.
 *
 * <p>The QR code holds {@code RENCONTRES:<session code>:<registration id>:<signature>}, the
 * signature being the HMAC of the rest ({@link Signatures}): the check-in desk can tell a real
 * convocation from a made-up one without a look-up.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Convocations {

    static final String PREFIX = "RENCONTRES:";

    private final RegistrationDocuments documents;
    private final Signatures signatures;
    private final AllocationViews allocations;

    /** The check-in code of a registration. */
    String checkInCode(Day day, Registration r) {
        String data = PREFIX + day.sessionCode().slug() + ":" + r.id();
        return data + ":" + signatures.sign(data);
    }

    /** The registration id of a check-in code, if its signature is right. */
    Optional<Long> registrationOf(String code) {
        if (code == null || !code.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int last = code.lastIndexOf(':');
        String data = code.substring(0, last);
        if (!signatures.verify(data, code.substring(last + 1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(data.substring(data.lastIndexOf(':') + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    byte[] pdf(Day day, Registration r) {
        return documents.convocation(day, r, workshopTitles(r), checkInCode(day, r));
    }

    byte[] ics(Day day, Registration r) {
        return documents.ics(day, r);
    }

    static String pdfName(Day day, Registration r) {
        return "convocation-" + day.sessionCode().slug() + "-" + r.id() + ".pdf";
    }

    static String icsName(Day day) {
        return "journee-" + day.sessionCode().slug() + ".ics";
    }

    /** The attachments of the confirmation e-mail: the convocation and the calendar file. */
    List<Attachment> attachments(Day day, Registration r) {
        return List.of(new Attachment(pdfName(day, r), "application/pdf", pdf(day, r)), calendar(day, r, null));
    }

    /**
     * The calendar file as an attachment: an update of the one sent before (same UIDs, higher SEQUENCE), or its
     * cancellation when the session is cancelled or the registration ended.
     *
     * @param before the session's days before a change, whose events the change took away are cancelled; or null
     */
    Attachment calendar(Day day, Registration r, SessionDays before) {
        String method = RegistrationDocuments.cancels(day, r) ? "CANCEL" : "PUBLISH";
        return new Attachment(icsName(day), "text/calendar; charset=UTF-8; method=" + method,
                documents.ics(day, r, before));
    }

    /** The agent's workshops, unless the organiser's allocation is under way (then none yet). */
    private List<String> workshopTitles(Registration r) {
        return allocations.visibleWorkshopTitles(r);
    }
}
