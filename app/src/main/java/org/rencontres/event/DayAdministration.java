package org.rencontres.event;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.audit.Differences;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FrenchTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What organisers do to days in the back office, each change recorded in the audit trail. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DayAdministration {

    private final Days days;
    private final Directory directory;
    private final AuditTrail audit;
    private final StoredFiles files;
    private final ApplicationEventPublisher events;
    private final PublicInformation publicInformation;

    /**
     * The organisation of that name, recorded when it is new: of the kind the organiser chose, or
     * else the kind its name says (not "other public body" whatever it is).
     */
    Long organisationId(String name) {
        return organisationId(name, null);
    }

    Long organisationId(String name, OrganisationKind kind) {
        OrganisationKind recorded = kind != null ? kind : OrganisationKind.guessedFrom(name);
        return directory.organisationNamed(NewOrganisation.named(name, recorded)).id();
    }

    @Transactional
    long create(DayDraft draft, List<String> tags, PublicInfo info, Organiser by) {
        long id = days.create(draft);
        days.tag(id, tags);
        publicInformation.save(id, info);
        record(id, by, "created", "Journée créée : " + draft.sessionCode() + " – " + draft.title());
        return id;
    }

    @Transactional
    void update(Day before, int version, DayDraft after, List<String> tags, PublicInfo info, Organiser by) {
        days.update(before.id(), version, after);
        List<String> tagsBefore = days.tags(before.id());
        days.tag(before.id(), tags);
        PublicInfo infoBefore = publicInformation.stored(before.id());
        publicInformation.save(before.id(), info);
        Differences changes = changes(before, after);
        publicInfoChanges(changes, infoBefore, info);
        if (!new TreeSet<>(tagsBefore).equals(new TreeSet<>(tags))) {
            changes.text("Thèmes", String.join(", ", tagsBefore), String.join(", ", tags));
        }
        record(before.id(), by, "updated", changes.isEmpty() ? "Enregistrée sans changement." : changes.joined("\n"));
    }

    @Transactional
    void moveTo(Day day, DayStatus target, String message, Organiser by) {
        days.moveTo(day.id(), target, message);
        record(day.id(), by, "status." + target.name().toLowerCase(),
                "État : " + day.status() + " → " + target + (target == DayStatus.CANCELLED && message != null
                        ? " (message : « " + message + " »)" : ""));
    }

    /** Adds a day to the session (audited). */
    @Transactional
    long addDay(Day day, SessionDayDraft draft, Organiser by) {
        long id = days.addDay(day.id(), draft);
        record(day.id(), by, "session-day.added", "Jour ajouté : " + describe(draft));
        return id;
    }

    /** Moves a day of the session or changes its hours (audited); what it holds goes with it. */
    @Transactional
    void changeDay(Day day, SessionDay before, SessionDayDraft after, Organiser by) {
        days.changeDay(day.id(), before.id(), after);
        record(day.id(), by, "session-day.changed", "Jour modifié : " + describe(before.draft()) + " → " + describe(after));
    }

    /** Removes a day of the session with what it holds (audited). */
    @Transactional
    void removeDay(Day day, SessionDay removed, String carried, Organiser by) {
        days.removeDay(day.id(), removed.id());
        record(day.id(), by, "session-day.removed", "Jour supprimé : " + describe(removed.draft())
                + (carried.isEmpty() ? "" : " (avec " + carried + ")"));
    }

    private static String describe(SessionDayDraft d) {
        return FrenchTime.longDate(d.date()) + ", " + FrenchTime.clock(d.startsAt()) + " – " + FrenchTime.clock(d.endsAt());
    }

    @Transactional
    void deleteDraft(Day day, Organiser by) {
        days.deleteDraft(day.id());
        record(day.id(), by, "deleted", "Brouillon supprimé : " + day.sessionCode() + " – " + day.title());
    }

    /**
     * A new edition: the day, its venue, contacts, partners, resources and public information, shifted to the new date;
     * the modules that own the programme, networking and workshops copy theirs on
     * {@link NewEditionCreated}, in this transaction (a failed copy leaves no new day). Never
     * registrations nor attendance. Starts as a draft.
     */
    @Transactional
    long duplicate(Day source, SessionCode code, LocalDate date, Organiser by) {
        long shift = ChronoUnit.DAYS.between(source.days().firstDate(), date);
        List<SessionDayDraft> shifted = source.days().all().stream().map(d -> d.draft().plusDays(shift)).toList();
        DayDraft copy = new DayDraft(code, source.title(), source.subtitle(), source.theme(), shifted, source.context().source().isEmpty() ? null : source.context().source(),
                source.audience(), source.registrationInstructions(), source.registrationUrl(),
                source.programmeProvisional(), source.organiserId(), source.organisingUnit(), source.venue(),
                source.contacts(), source.partners(), List.of(), source.mealOffered());
        long id = days.create(copy);
        copyResources(source, id);
        days.tag(id, days.tags(source.id()));
        publicInformation.save(id, publicInformation.stored(source.id()));
        List<SessionDay> copies = days.days(id).orElseThrow().all();
        Map<Long, Long> sessionDays = new HashMap<>();
        for (int i = 0; i < copies.size(); i++) {
            sessionDays.put(source.days().all().get(i).id(), copies.get(i).id());
        }
        events.publishEvent(new NewEditionCreated(source.id(), id, sessionDays));
        record(id, by, "duplicated", "Nouvelle édition de " + source.sessionCode() + " (" + source.days().frenchDates()
                + "), chaque jour décalé de " + shift + " jour" + (Math.abs(shift) > 1 ? "s" : "") + ".");
        record(source.id(), by, "edition", "Nouvelle édition créée : " + code + ", " + days.days(id).orElseThrow().frenchDates() + ".");
        return id;
    }

    /** The resources of a new edition: links as they are, uploaded files copied for it (a file belongs to one day). */
    private void copyResources(Day source, long editionId) {
        for (Resource r : source.resources()) {
            if (r.storedFile() == null) {
                days.addResource(editionId, r);
            } else {
                UUID copyId = UUID.randomUUID();
                files.copy(source.id(), UUID.fromString(r.storedFile()), editionId, copyId);
                days.addResource(editionId, new Resource(r.kind(), r.title(), r.description(), r.url(),
                        copyId.toString(), r.visibility()));
            }
        }
    }

    @Transactional
    void addContact(Day day, Contact contact, Organiser by) {
        days.addContact(day.id(), contact);
        record(day.id(), by, "contact.added", "Contact ajouté : " + contact.name());
    }

    @Transactional
    void addResource(Day day, Resource resource, Organiser by) {
        days.addResource(day.id(), resource);
        record(day.id(), by, "resource.added", "Ressource ajoutée : " + resource.title());
    }

    /** Stores an uploaded file (refused unless its content is an accepted kind) as a resource of the day. */
    @Transactional
    void addFile(Day day, String fileName, byte[] content, Resource resource, Organiser by) {
        UUID id = files.store(day.id(), fileName, content);
        Resource stored = new Resource(resource.kind(), resource.title(), resource.description(), null, id.toString(),
                resource.visibility());
        days.addResource(day.id(), stored);
        record(day.id(), by, "resource.added", "Fichier ajouté : " + resource.title() + " (" + StoredFiles.safeName(fileName)
                + ", " + content.length + " octets" + (resource.isReserved() ? ", réservé aux participants" : "") + ")");
    }

    @Transactional
    boolean addPartner(Day day, String organisation, OrganisationKind kind, String contribution, Organiser by) {
        long organisationId = organisationId(organisation, kind);
        if (day.partners().stream().anyMatch(p -> p.organisationId() == organisationId)) {
            return false; // a partner once (the table's unique key would refuse it anyway)
        }
        days.addPartner(day.id(), new Partner(organisationId, contribution));
        record(day.id(), by, "partner.added", "Partenaire ajouté : " + organisation);
        return true;
    }

    @Transactional
    boolean remove(Day day, Days.Part part, int index, Organiser by) {
        if (index < 0) {
            return false;
        }
        String what = switch (part) {
            case CONTACT -> index < day.contacts().size() ? "Contact retiré : " + day.contacts().get(index).name() : null;
            case RESOURCE -> index < day.resources().size() ? "Ressource retirée : " + day.resources().get(index).title() : null;
            case PARTNER -> index < day.partners().size() ? "Partenaire retiré" : null;
        };
        if (what == null || !days.remove(day.id(), part, index)) {
            return false;
        }
        record(day.id(), by, part.name().toLowerCase() + ".removed", what);
        return true;
    }

    private void record(long dayId, Organiser by, String action, String details) {
        audit.record(dayId, by.accountId(), by.displayName(), "day", action, details);
    }

    /**
     * What an organiser changed, field by field, in French. Texts are compared line ending aside: a browser sends
     * a text area's lines ended by CR LF, so a text stored with LF alone (the demo day, one created by code)
     * would otherwise read as changed by every save.
     */
    static Differences changes(Day before, DayDraft after) {
        Differences changes = new Differences();
        changes.text("Code session", before.sessionCode().value(), after.sessionCode().value(), DayAdministration::shorten);
        changes.text("Titre", before.title(), after.title(), DayAdministration::shorten);
        changes.text("Sous-titre", lines(before.subtitle()), lines(after.subtitle()), DayAdministration::shorten);
        changes.text("Thème", lines(before.theme()), lines(after.theme()), DayAdministration::shorten);
        changes.text("Contexte", before.context().isEmpty() ? null : lines(before.context().source()),
                lines(after.context()), DayAdministration::shorten);
        changes.text("Public visé", lines(before.audience()), lines(after.audience()), DayAdministration::shorten);
        changes.text("Modalités d'inscription", lines(before.registrationInstructions()),
                lines(after.registrationInstructions()), DayAdministration::shorten);
        changes.text("Lien d'inscription", before.registrationUrl(), after.registrationUrl(), DayAdministration::shorten);
        changes.text("Programme prévisionnel", before.programmeProvisional(), after.programmeProvisional(), DayAdministration::shorten);
        changes.text("Organisateur", before.organiserId(), after.organiserId(), DayAdministration::shorten);
        changes.text("Unité organisatrice", before.organisingUnit(), after.organisingUnit(), DayAdministration::shorten);
        changes.text("Lieu", lines(before.venue()), lines(after.venue()), DayAdministration::shorten);
        changes.flag("Repas offert", before.mealOffered(), after.mealOffered());
        return changes;
    }

    /** What changed in the public information (Qualiopi), in French, added to {@code changes}. */
    static void publicInfoChanges(Differences changes, PublicInfo before, PublicInfo after) {
        changes.text("Objectifs", lines(before.objectives()), lines(after.objectives()), DayAdministration::shorten);
        changes.text("Prérequis", lines(before.prerequisites()), lines(after.prerequisites()), DayAdministration::shorten);
        changes.text("Méthodes pédagogiques", lines(before.methods()), lines(after.methods()), DayAdministration::shorten);
        changes.text("Évaluation", lines(before.evaluation()), lines(after.evaluation()), DayAdministration::shorten);
        changes.text("Durée", before.hoursText(), after.hoursText(), DayAdministration::shorten);
        changes.text("Tarif", before.priceText(), after.priceText(), DayAdministration::shorten);
        changes.flag("Gratuit", before.free(), after.free());
        changes.text("Gratuité, pour qui", lines(before.priceNote()), lines(after.priceNote()), DayAdministration::shorten);
        changes.text("Accessibilité", lines(before.accessibility()), lines(after.accessibility()), DayAdministration::shorten);
        changes.text("Référent handicap", before.disabilityName(), after.disabilityName(), DayAdministration::shorten);
        changes.text("Courriel du référent handicap", before.disabilityEmail(), after.disabilityEmail(),
                DayAdministration::shorten);
        changes.text("Téléphone du référent handicap", before.disabilityPhone(), after.disabilityPhone(),
                DayAdministration::shorten);
    }

    private static String lines(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static Venue lines(Venue v) {
        return v == null ? null : new Venue(v.name(), v.building(), v.street(), v.postcode(), v.city(),
                lines(v.postalAddress()), v.latitude() == null ? null : v.latitude().stripTrailingZeros(),
                v.longitude() == null ? null : v.longitude().stripTrailingZeros(), lines(v.accessNotes()));
    }

    private static String shorten(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Venue v ? v.name() + ", " + v.addressLine() : String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 117) + "…" : text;
    }
}
