package org.rencontres.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchSearch;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's organisations: search, create, edit and delete (only when nothing uses them). Each
 * change is written to the audit trail, with the identity before and after, in its own transaction.
 * Whether an organiser may change an organisation at once is decided by {@link DirectoryChanges}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OrganisationCatalogue {

    public static final int PAGE_SIZE = 25;

    static final String COLUMNS = "id, name, short_name, kind, siren, street, postcode, city, website";
    /** The text of an organisation that the search reads; indexed by {@code V60_3__directory_search.sql}. */
    static final String SEARCHED = "name || ' ' || coalesce(short_name, '') || ' ' || coalesce(city, '')";


    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;
    private final OrganisationDescriptions describe;

    /** Organisations whose name, short name or city contains the text (without case nor accents), of that kind if given. */
    DirectoryPage<Organisation> search(String text, OrganisationKind kind, int page) {
        FrenchSearch search = FrenchSearch.of(text);
        String where = " WHERE " + (search.isEmpty() ? "TRUE" : FrenchSearch.contains(SEARCHED))
                + " AND (CAST(:kind AS TEXT) IS NULL OR kind = :kind)";
        String kindName = kind == null ? null : kind.name();
        Map<String, Object> params = new HashMap<>(search.params());
        params.put("kind", kindName);
        long total = jdbc.sql("SELECT count(*) FROM organisation" + where).params(params).query(Long.class).single();
        params.put("limit", PAGE_SIZE);
        params.put("offset", DirectoryPage.offset(page, PAGE_SIZE));
        List<Organisation> items = jdbc.sql("SELECT " + COLUMNS + " FROM organisation" + where + " ORDER BY "
                        + (search.isEmpty() ? "" : FrenchSearch.closeness(SEARCHED) + ", ")
                        + "lower(name), id LIMIT :limit OFFSET :offset")
                .params(params).query(Organisation::of).list();
        return new DirectoryPage<>(items, total, Math.max(page, 1), PAGE_SIZE);
    }

    public Optional<Organisation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = ?").param(id)
                .query(Organisation::of).optional();
    }

    /** Every organisation by name: the choices of a person's organisation. */
    public List<Organisation> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation ORDER BY lower(name), id")
                .query(Organisation::of).list();
    }

    public Optional<Organisation> named(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE lower(name) = lower(?)")
                .param(name == null ? "" : name.strip()).query(Organisation::of).optional();
    }

    /** Records the organisation as the application itself, or returns what is wrong (nothing recorded). */
    @Transactional
    public Saved<Organisation> create(OrganisationForm form) {
        return create(form, DirectoryActor.SYSTEM);
    }

    /** Records the organisation, audited, or returns what is wrong (nothing recorded). */
    @Transactional
    public Saved<Organisation> create(OrganisationForm form, DirectoryActor actor) {
        List<FieldProblem> problems = check(null, form);
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        NewOrganisation o = form.toNewOrganisation();
        try {
            long id = directory.insert(o);
            directory.replaceEmailDomains(id, form.domains());
            audit.recordOrganisation(id, actor.accountId(), actor.name(), "created", o.name(), null,
                    describe.identity(form));
            return Saved.done(find(id).orElseThrow());
        } catch (DuplicateKeyException e) {
            // Another organiser recorded the same name in the meantime.
            return Saved.refused("nom", "directory.error.name.taken");
        }
    }

    /** What is wrong with the form for this organisation (null: a new one), the name's uniqueness included. */
    List<FieldProblem> check(Long id, OrganisationForm form) {
        List<FieldProblem> problems = form.problems();
        if (problems.isEmpty() && named(form.nom()).filter(other -> id == null || other.id() != id).isPresent()) {
            problems.add(FieldProblem.of("nom", "directory.error.name.taken"));
        }
        return problems;
    }

    /** Changes the organisation as the application itself, or returns what is wrong (nothing changed). */
    @Transactional
    public Saved<Organisation> update(long id, OrganisationForm form) {
        return update(id, form, DirectoryActor.SYSTEM, null);
    }

    /**
     * Changes the organisation, audited with its identity before and after, or returns what is
     * wrong (nothing changed).
     *
     * @param note added to the audit entry (who asked for it, when an administrator approves a change), or null
     */
    @Transactional
    public Saved<Organisation> update(long id, OrganisationForm form, DirectoryActor actor, String note) {
        List<FieldProblem> problems = check(id, form);
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        lock(id);
        String before = describe.identity(id).orElseThrow();
        NewOrganisation o = form.toNewOrganisation();
        try {
            jdbc.sql("""
                    UPDATE organisation SET name = ?, short_name = ?, kind = ?, siren = ?, street = ?, postcode = ?,
                        city = ?, website = ?
                    WHERE id = ?""")
                    .params(o.name(), o.shortName(), o.kind().name(), o.siren(), o.street(), o.postcode(), o.city(),
                            o.website(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            return Saved.refused("nom", "directory.error.name.taken");
        }
        directory.replaceEmailDomains(id, form.domains());
        String after = describe.identity(id).orElseThrow();
        if (!before.equals(after)) {
            audit.recordOrganisation(id, actor.accountId(), actor.name(), "updated",
                    note == null ? o.name() : o.name() + " – " + note, before, after);
        }
        return Saved.done(find(id).orElseThrow());
    }

    /** Deletes the organisation and its training-service contacts as the application itself. */
    @Transactional
    public void delete(long id) {
        delete(id, DirectoryActor.SYSTEM, null);
    }

    /**
     * Deletes the organisation and its training-service contacts, audited with what it was.
     *
     * @throws DirectoryRefusal when a person, a day, a partner or a slot still refers to it: the
     *     database's foreign keys decide, so a use added by any module is respected
     */
    @Transactional
    public void delete(long id, DirectoryActor actor, String note) {
        lock(id);
        String name = find(id).map(Organisation::name).orElse("");
        String before = describe.identity(id).orElseThrow() + "\nService formation\u00a0:\n" + describe.contacts(id);
        try {
            jdbc.sql("DELETE FROM organisation WHERE id = ?").param(id).update();
        } catch (DataIntegrityViolationException e) {
            if (!Usages.isForeignKeyViolation(e)) {
                throw e;
            }
            throw new DirectoryRefusal(Usages.messageKey(e), null);
        }
        audit.recordOrganisation(id, actor.accountId(), actor.name(), "deleted",
                note == null ? name : name + " – " + note, before, null);
    }

    /** Locks the organisation's row for the rest of the transaction, or says it is gone. */
    void lock(long id) {
        directory.lock(id);
    }
}
