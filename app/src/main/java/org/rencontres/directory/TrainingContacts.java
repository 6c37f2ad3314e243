package org.rencontres.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The training-service contacts of organisations: one or more e-mail addresses each. */
@Service
public class TrainingContacts {

    static final String DEFAULT_LABEL = "Service formation";
    private static final String COLUMNS = "id, organisation_id, label, email, position";

    private final JdbcClient jdbc;

    TrainingContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    /** Adds the contact at the end of the organisation's list, or returns the errors by field. */
    @Transactional
    public Saved<TrainingContact> add(long organisationId, TrainingContactForm form) {
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return Saved.refused(errors);
        }
        lock(organisationId);
        if (has(organisationId, form.courriel())) {
            return Saved.refused(Map.of("courriel", "directory.error.email.contact.taken"));
        }
        return Saved.done(insert(organisationId, form.libelle(), form.courriel()));
    }

    /** Adds the address unless the organisation already has it (import: the same file twice adds nothing). */
    @Transactional
    void addIfMissing(long organisationId, String label, String email) {
        lock(organisationId);
        if (!has(organisationId, email)) {
            insert(organisationId, label, email);
        }
    }

    private boolean has(long organisationId, String email) {
        return jdbc.sql("""
                SELECT count(*) FROM organisation_training_contact WHERE organisation_id = ? AND lower(email) = lower(?)""")
                .params(organisationId, email.strip()).query(Long.class).single() > 0;
    }

    /** Locks the organisation's row: two additions at once get distinct positions and no duplicate. */
    private void lock(long organisationId) {
        jdbc.sql("SELECT id FROM organisation WHERE id = ? FOR UPDATE").param(organisationId).query(Long.class).optional()
                .orElseThrow(() -> new DirectoryRefusal("directory.error.gone", null));
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

    @Transactional
    public boolean remove(long organisationId, long contactId) {
        return jdbc.sql("DELETE FROM organisation_training_contact WHERE organisation_id = ? AND id = ?")
                .params(organisationId, contactId).update() > 0;
    }
}
