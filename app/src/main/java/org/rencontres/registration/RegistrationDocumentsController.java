package org.rencontres.registration;

import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.ManagedDay;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The registration documents as PDF: the blank registration form of a public day, and, in the back
 * office, a request's pre-filled form and a confirmed registration's joining instructions. The back
 * office's routes check access to the day before reading anything else.
 */
@Controller
class RegistrationDocumentsController {

    private final Days days;
        private final Registrations registrations;
    private final RegistrationDocuments documents;
    private final Convocations convocations;

    RegistrationDocumentsController(Days days, Registrations registrations,
                                    RegistrationDocuments documents, Convocations convocations) {
        this.days = days;
        this.registrations = registrations;
        this.documents = documents;
        this.convocations = convocations;
    }

    @GetMapping("/journees/{code}/bulletin-inscription.pdf")
    ResponseEntity<byte[]> blankBulletin(@PathVariable String code) {
        Day day = days.findPublic(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return pdf("bulletin-inscription-" + day.sessionCode().slug() + ".pdf", documents.blankBulletin(day));
    }

    @GetMapping("/admin/journees/{slug}/inscriptions/{id}/bulletin.pdf")
    ResponseEntity<byte[]> bulletin(ManagedDay managed,
                                    @PathVariable long id) {
        Day day = day(managed);
        Registration registration = ofDay(managed, id);
        return pdf("bulletin-inscription-" + day.sessionCode().slug() + "-" + id + ".pdf",
                documents.bulletin(day, registration));
    }

    @GetMapping("/admin/journees/{slug}/inscriptions/{id}/convocation.pdf")
    ResponseEntity<byte[]> convocation(ManagedDay managed,
                                       @PathVariable long id) {
        Day day = day(managed);
        Registration registration = ofDay(managed, id);
        if (registration.state() != RegistrationState.CONFIRMED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return pdf(Convocations.pdfName(day, registration), convocations.pdf(day, registration));
    }

    private Day day(ManagedDay managed) {
        return days.find(managed.slug()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The registration if it belongs to the day, else 404: an id of another day reveals nothing. */
    private Registration ofDay(ManagedDay day, long id) {
        return registrations.find(id).filter(r -> r.dayId() == day.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ResponseEntity<byte[]> pdf(String fileName, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(pdf);
    }
}
