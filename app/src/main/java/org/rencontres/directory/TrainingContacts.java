package org.rencontres.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The training-service contacts of organisations: one or more e-mail addresses each. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TrainingContacts {

    static final String DEFAULT_LABEL = "Service formation";
    private static final String COLUMNS = "id, organisation_id, label, email, position";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final OrganisationDescriptions describe;
    private final Directory directory;

    public List<TrainingContact> of(long organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation_training_contact WHERE organisation_id = ? ORDER BY position, id")
                .param(organisationId).query(TrainingContact.class).list();
    }

    /** The contacts of several organisations at once, by organisation. */
    public Map<Long, List<TrainingContact>> of(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation_training_contact WHERE organisation_id = ANY(?) ORDER BY position, id")
                .param(organisationIds.toArray(Long[]::new)).query(TrainingContact.class).list().stream()
                .collect(Collectors.groupingBy(TrainingContact::organisationId));
    }

    /** The contacts with this address (whatever its case), in any organisation. */
    public List<TrainingContact> withEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation_training_contact WHERE lower(email) = lower(btrim(?)) ORDER BY id")
                .param(email).query(TrainingContact.class).list();
    }

    public Optional<TrainingContact> find(long organisationId, long contactId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation_training_contact WHERE organisation_id = ? AND id = ?")
                .params(organisationId, contactId).query(TrainingContact.class).optional();
    }

    /** Adds the contact as the application itself (set-up), or returns what is wrong. */
    @Transactional
    public Saved<TrainingContact> add(long organisationId, TrainingContactForm form) {
        return add(organisationId, form, DirectoryActor.SYSTEM, null);
    }

    /**
     * Adds the contact at the end of the organisation's list, audited with the addresses before and
     * after, or returns what is wrong.
     *
     * @param note added to the audit entry (who asked for it), or null
     */
    @Transactional
    public Saved<TrainingContact> add(long organisationId, TrainingContactForm form, DirectoryActor actor, String note) {
        List<FieldProblem> problems = check(organisationId, form);
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        lock(organisationId);
        if (has(organisationId, form.courriel())) {
            return Saved.refused("courriel", "directory.error.email.contact.taken");
        }
        String before = describe.contacts(organisationId);
        TrainingContact added = insert(organisationId, form.libelle(), form.courriel());
        audit.recordOrganisation(organisationId, actor.accountId(), actor.name(), "contact.added",
                note == null ? added.email() : added.email() + " – " + note, before, describe.contacts(organisationId));
        return Saved.done(added);
    }

    /** What is wrong with the form for this organisation, the address already listed included. */
    List<FieldProblem> check(long organisationId, TrainingContactForm form) {
        List<FieldProblem> problems = form.problems();
        if (problems.isEmpty() && has(organisationId, form.courriel())) {
            problems.add(FieldProblem.of("courriel", "directory.error.email.contact.taken"));
        }
        return problems;
    }

    /** Adds the address unless the organisation already has it (import: the same file twice adds nothing). */
    @Transactional
    boolean addIfMissing(long organisationId, String label, String email, DirectoryActor actor) {
        lock(organisationId);
        if (has(organisationId, email)) {
            return false;
        }
        String before = describe.contacts(organisationId);
        TrainingContact added = insert(organisationId, label, email);
        audit.recordOrganisation(organisationId, actor.accountId(), actor.name(), "contact.added",
                added.email() + " – import", before, describe.contacts(organisationId));
        return true;
    }

    boolean has(long organisationId, String email) {
        return jdbc.sql("""
                SELECT count(*) FROM organisation_training_contact WHERE organisation_id = ? AND lower(email) = lower(?)""")
                .params(organisationId, email.strip()).query(Long.class).single() > 0;
    }

    /** Locks the organisation's row: two additions at once get distinct positions and no duplicate. */
    private void lock(long organisationId) {
        directory.lock(organisationId);
    }

    private TrainingContact insert(long organisationId, String label, String email) {
        long id = jdbc.sql("""
                INSERT INTO organisation_training_contact (organisation_id, label, email, position)
                VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM organisation_training_contact
                                  WHERE organisation_id = ?))
                RETURNING id""")
                .params(organisationId, Texts.blank(label) ? DEFAULT_LABEL : label.strip(), email.strip(), organisationId)
                .query(Long.class).single();
        return find(organisationId, id).orElseThrow();
    }

    /** Removes the contact as the application itself. */
    @Transactional
    public boolean remove(long organisationId, long contactId) {
        return remove(organisationId, contactId, DirectoryActor.SYSTEM, null);
    }

    /** Removes the contact, audited with the addresses before and after; false when it was not there. */
    @Transactional
    public boolean remove(long organisationId, long contactId, DirectoryActor actor, String note) {
        lock(organisationId);
        Optional<TrainingContact> contact = find(organisationId, contactId);
        if (contact.isEmpty()) {
            return false;
        }
        String before = describe.contacts(organisationId);
        jdbc.sql("DELETE FROM organisation_training_contact WHERE organisation_id = ? AND id = ?")
                .params(organisationId, contactId).update();
        audit.recordOrganisation(organisationId, actor.accountId(), actor.name(), "contact.removed",
                note == null ? contact.get().email() : contact.get().email() + " – " + note, before,
                describe.contacts(organisationId));
        return true;
    }
}
