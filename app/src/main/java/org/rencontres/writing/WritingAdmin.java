package org.rencontres.writing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.DayFiles;
import org.rencontres.event.Resource;
import org.rencontres.notification.Mailer;
import org.rencontres.security.Organiser;
import org.rencontres.shared.PublicAddress;
import org.rencontres.workshops.Facilitator;
import org.rencontres.workshops.Workshops;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisers' actions on the documents of a day, each recorded in the day's audit trail. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingAdmin {

    private final WritingDocuments documents;
    private final EditorPages pages;
    private final WritingExports exports;
    private final DayFiles dayFiles;
    private final AuditTrail audit;
    private final Workshops workshops;
    private final Mailer mailer;
    private final PublicAddress address;

    @Transactional
    long create(long dayId, String title, DocumentTemplate template, Organiser by) {
        long id = documents.create(dayId, null, title, template);
        record(dayId, by, "writing.created", "Document d'écriture collective créé : " + title.strip());
        return id;
    }

    @Transactional
    void close(WritingDocument document, Organiser by) {
        if (documents.close(document.id())) {
            record(document.dayId(), by, "writing.closed", "Écriture close : " + document.title());
        }
    }

    @Transactional
    void reopen(WritingDocument document, Organiser by) {
        if (documents.reopen(document.id())) {
            record(document.dayId(), by, "writing.reopened", "Écriture rouverte : " + document.title());
        }
    }

    /**
     * Closes the document (if still open) and offers its final text as a PDF resource of the day,
     * for everyone or for the day's participants only.
     */
    @Transactional
    void publish(WritingDocument document, Resource.Visibility visibility, Organiser by) {
        documents.close(document.id());
        WritingDocument closed = documents.find(document.id()).orElseThrow();
        byte[] pdf = exports.pdf(closed, pages.day(closed));
        dayFiles.addResourceFile(closed.dayId(), WritingExports.fileName(closed, "pdf"), pdf, closed.title(),
                "Texte final de l'écriture collective", visibility);
        documents.markPublished(closed.id(), Instant.now());
        record(closed.dayId(), by, "writing.published", "Texte final publié"
                + (visibility == Resource.Visibility.PARTICIPANTS ? " (réservé aux participants)" : " (public)")
                + " : " + closed.title());
    }

    /**
     * E-mails a facilitator of the document's workshop their own link (in French: facilitators have no
     * language of their own); the message waits in the outbox if SMTP is down.
     *
     * @return the facilitator, or empty when they are not one of this workshop's
     */
    @Transactional
    Optional<Facilitator> sendFacilitatorLink(WritingDocument document, long facilitatorId, Organiser by) {
        if (document.workshopId() == null) {
            return Optional.empty();
        }
        var facilitator = workshops.facilitatorsOf(document.workshopId()).stream()
                .filter(f -> f.id() == facilitatorId).findFirst();
        facilitator.ifPresent(f -> {
            var day = pages.day(document);
            Map<String, Object> v = new HashMap<>();
            v.put("name", f.name());
            v.put("workshop", document.title());
            v.put("title", day.fullTitle());
            // The workshop's own day: "le mercredi 17 mars 2027", on a session of several days too.
            v.put("date", workshops.sessionDayOf(document.dayId(), document.workshopId())
                    .map(d -> "le " + d.frenchDate()).orElse(day.days().frenchWhen()));
            v.put("link", address.of("/ecriture/animation/" + f.accessKey()));
            mailer.queue(document.dayId(), f.email(), "writing/mail/facilitator", Locale.FRENCH, v);
            record(document.dayId(), by, "writing.facilitator.sent", "Lien d'animation envoyé à " + f.name() + " ("
                    + f.email() + ") pour " + document.title());
        });
        return facilitator;
    }

    private void record(long dayId, Organiser by, String action, String details) {
        audit.record(dayId, by.accountId(), by.displayName(), "writing", action, details);
    }
}
