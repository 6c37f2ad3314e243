package org.rencontres.mailing;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.attendance.Attendances;
import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.event.ManagedDay;
import org.rencontres.notification.MailContent;
import org.rencontres.notification.MailTemplates;
import org.rencontres.notification.Message;
import org.rencontres.notification.Outbox;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.SpaceLinks;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bulk e-mail to a session's participants: who it goes to ({@link Audience}), its checks, a preview
 * for the first recipient, and its sending through the outbox, one message a person, each filed under
 * the session (its e-mail log shows them) and queued at most once per sending (a confirmation posted
 * twice sends nothing more), the sending audited.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BulkMails {

    static final int SUBJECT_MAX = 200;
    static final int TEXT_MAX = 20_000;
    private static final String TEMPLATE = "mailing/mail/bulk";

    private final Registrations registrations;
    private final Directory directory;
    private final Workshops workshops;
    private final Attendances attendances;
    private final SpaceLinks spaceLinks;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final AuditTrail audit;

    /** A bulk e-mail as the organiser wrote it. */
    record Draft(Audience audience, String subject, String text) {

        Draft {
            subject = subject == null ? "" : subject.strip();
            // A browser sends a text area's line breaks as CRLF: one kind of line break in the message.
            text = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
        }
    }

    /** A recipient and the name of their organisation as the page shows it. */
    record Recipient(Registration registration, String organisation) {

        public String name() {
            return registration.givenName() + " " + registration.surname();
        }
    }

    /** What the organiser sees before sending: the count, and the first recipient's message. */
    record Preview(int count, Recipient first, String subject, String text) {
    }

    /** The session's registrations that {@code audience} selects, by surname then given name. */
    @Transactional(readOnly = true)
    public List<Recipient> recipients(long dayId, Audience audience) {
        Map<Long, Optional<Organisation>> cache = new HashMap<>();
        Set<Long> present = audience.present() == null ? Set.of() : attendances.presentRegistrations(dayId);
        Collator collator = Collator.getInstance(Locale.FRENCH);
        return registrations.ofDay(dayId).stream()
                .filter(r -> audience.states().contains(r.state()))
                .filter(r -> audience.workshopId() == null || r.hasWorkshop(audience.workshopId()))
                .filter(r -> audience.networking() == null || r.networkingOptIn() == audience.networking())
                .filter(r -> audience.present() == null || present.contains(r.id()) == audience.present())
                .map(r -> new Recipient(r, organisation(r, cache)))
                .filter(r -> audience.organisation() == null || audience.organisation().equals(r.organisation()))
                .sorted(Comparator.comparing((Recipient r) -> r.registration().surname(), collator)
                        .thenComparing(r -> r.registration().givenName(), collator))
                .toList();
    }

    /** The organisations of the session's registrations, by name. */
    @Transactional(readOnly = true)
    public List<String> organisations(long dayId) {
        Map<Long, Optional<Organisation>> cache = new HashMap<>();
        Set<String> names = new TreeSet<>(Collator.getInstance(Locale.FRENCH));
        for (Registration r : registrations.ofDay(dayId)) {
            String name = organisation(r, cache);
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** The session's workshops, for the choice of a workshop. */
    List<Workshop> workshops(long dayId) {
        return workshops.ofDay(dayId);
    }

    private String organisation(Registration r, Map<Long, Optional<Organisation>> cache) {
        if (r.employerOrganisationId() != null) {
            Optional<Organisation> o = cache.computeIfAbsent(r.employerOrganisationId(), directory::organisation);
            if (o.isPresent()) {
                return o.get().displayName();
            }
        }
        return r.employerName() == null || r.employerName().isBlank() ? null : r.employerName().strip();
    }

    /** The problems of a draft, each on its field; none when it may be sent. */
    List<FieldProblem> check(long dayId, Draft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.audience().states().isEmpty()) {
            problems.add(FieldProblem.of("etats", "mailing.bulk.error.states"));
        } else if (draft.audience().workshopId() != null
                && workshops(dayId).stream().noneMatch(w -> w.id() == draft.audience().workshopId())) {
            problems.add(FieldProblem.of("atelier", "mailing.bulk.error.workshop"));
        } else if (recipients(dayId, draft.audience()).isEmpty()) {
            problems.add(FieldProblem.of("etats", "mailing.bulk.error.nobody"));
        }
        if (draft.subject().isEmpty()) {
            problems.add(FieldProblem.of("objet", "mailing.bulk.error.subject.empty"));
        } else if (draft.subject().length() > SUBJECT_MAX) {
            problems.add(FieldProblem.of("objet", "mailing.bulk.error.subject.long", SUBJECT_MAX));
        } else if (!Placeholders.unknown(draft.subject()).isEmpty()) {
            problems.add(FieldProblem.of("objet", "mailing.bulk.error.placeholder",
                    String.join(", ", Placeholders.unknown(draft.subject())), Placeholders.list()));
        }
        if (draft.text().isEmpty()) {
            problems.add(FieldProblem.of("texte", "mailing.bulk.error.text.empty"));
        } else if (draft.text().length() > TEXT_MAX) {
            problems.add(FieldProblem.of("texte", "mailing.bulk.error.text.long", TEXT_MAX));
        } else if (!Placeholders.unknown(draft.text()).isEmpty()) {
            problems.add(FieldProblem.of("texte", "mailing.bulk.error.placeholder",
                    String.join(", ", Placeholders.unknown(draft.text())), Placeholders.list()));
        }
        return problems;
    }

    /**
     * The count and the first recipient's message, the link to their space shown as {@code spaceShown}
     * (a preview issues no link); the draft must pass {@link #check}.
     */
    Preview preview(ManagedDay day, Draft draft, String spaceShown) {
        List<Recipient> to = recipients(day.id(), draft.audience());
        Recipient first = to.get(0);
        Map<String, String> values = values(day, first.registration(), spaceShown);
        return new Preview(to.size(), first, Placeholders.fill(draft.subject(), values),
                Placeholders.fill(draft.text(), values));
    }

    /**
     * Queues the message to every recipient, in one transaction with the audit entry.
     *
     * @param sending the key of this sending (from the preview): a second post of the same key queues nothing
     * @return how many recipients it went to
     */
    @Transactional
    public int send(ManagedDay day, Draft draft, String sending, Organiser by) {
        String key = validKey(sending);
        List<Recipient> to = recipients(day.id(), draft.audience());
        for (Recipient recipient : to) {
            Registration r = recipient.registration();
            String space = spaceLinks.of(r);
            Map<String, String> values = values(day, r, space);
            Map<String, Object> v = new HashMap<>();
            v.put("subject", Placeholders.fill(draft.subject(), values));
            v.put("text", Placeholders.fill(draft.text(), values));
            v.put("paragraphs", Placeholders.paragraphs(draft.text(), values));
            v.put("space", space);
            v.put("title", day.title());
            MailContent content = templates.render(TEMPLATE, Locale.FRENCH, v);
            outbox.send(Message.of(r.email(), content).withDay(day.id()).withDedupKey("bulk-" + key + "-" + r.id()));
        }
        audit.record(day.id(), by.accountId(), by.displayName(), "mailing", "bulk",
                "Courriel « " + draft.subject() + " » écrit à " + to.size() + " participant(s) (" + describe(draft.audience())
                        + ")");
        return to.size();
    }

    /** A fresh key for a sending, carried by the preview's form. */
    static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static String validKey(String sending) {
        try {
            return UUID.fromString(sending == null ? "" : sending.strip()).toString();
        } catch (IllegalArgumentException e) {
            return newKey();
        }
    }

    private static Map<String, String> values(ManagedDay day, Registration r, String space) {
        return Map.of(Placeholders.GIVEN_NAME, r.givenName(), Placeholders.SURNAME, r.surname(),
                Placeholders.SPACE, space, Placeholders.SESSION, day.title());
    }

    private static String describe(Audience a) {
        StringBuilder out = new StringBuilder("états ").append(a.states().stream().map(Enum::name).sorted().toList());
        if (a.workshopId() != null) {
            out.append(", atelier ").append(a.workshopId());
        }
        if (a.organisation() != null) {
            out.append(", organisation ").append(a.organisation());
        }
        if (a.networking() != null) {
            out.append(", mise en relation ").append(a.networking() ? "oui" : "non");
        }
        if (a.present() != null) {
            out.append(a.present() ? ", présents" : ", absents");
        }
        return out.toString();
    }
}
