package org.rencontres.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The back office's organisations: search, create, edit and delete (only when nothing uses them). */
@Service
public class OrganisationCatalogue {

    public static final int PAGE_SIZE = 25;

    static final String COLUMNS = "id, name, short_name, kind, siren, street, postcode, city, website";
    /** Lower case without the accents of French, in SQL, to match {@link Texts#plain} on the query side. */
    static final String FOLD = "translate(lower(%s), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸŒÆ',"
            + " 'aaaaaaceeeeiiiinooooouuuuyyoaaaaaaaceeeeiiiinooooouuuuyyoa')";

    private final JdbcClient jdbc;

    OrganisationCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Organisations whose name, short name or city contains the text (without case nor accents), of that kind if given. */
    public DirectoryPage<Organisation> search(String text, OrganisationKind kind, int page) {
        String like = "%" + Texts.plain(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " WHERE (" + FOLD.formatted("name") + " LIKE :q OR " + FOLD.formatted("coalesce(short_name, '')")
                + " LIKE :q OR " + FOLD.formatted("coalesce(city, '')") + " LIKE :q)"
                + " AND (CAST(:kind AS TEXT) IS NULL OR kind = :kind)";
        String kindName = kind == null ? null : kind.name();
        long total = jdbc.sql("SELECT count(*) FROM organisation" + where)
                .param("q", like).param("kind", kindName).query(Long.class).single();
        List<Organisation> items = jdbc.sql("SELECT " + COLUMNS + " FROM organisation" + where
                        + " ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
                .param("q", like).param("kind", kindName)
                .param("limit", PAGE_SIZE).param("offset", DirectoryPage.offset(page, PAGE_SIZE))
                .query(Organisation.class).list();
        return new DirectoryPage<>(items, total, Math.max(page, 1), PAGE_SIZE);
    }

    public Optional<Organisation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = ?").param(id)
                .query(Organisation.class).optional();
    }

    /** Every organisation by name: the choices of a person's organisation. */
    public List<Organisation> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation ORDER BY lower(name), id")
                .query(Organisation.class).list();
    }

    public Optional<Organisation> named(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE lower(name) = lower(?)")
                .param(name == null ? "" : name.strip()).query(Organisation.class).optional();
    }

    /** Records the organisation, or returns the errors by field (nothing recorded). One statement: no transaction needed. */
    public Saved<Organisation> create(OrganisationForm form) {
        Map<String, String> errors = form.errors();
        if (errors.isEmpty() && named(form.nom()).isPresent()) {
            errors.put("nom", "directory.error.name.taken");
        }
        if (!errors.isEmpty()) {
            return Saved.refused(errors);
        }
        NewOrganisation o = form.toNewOrganisation();
        try {
            long id = jdbc.sql("""
                    INSERT INTO organisation (name, short_name, kind, siren, street, postcode, city, website)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(o.name(), o.shortName(), o.kind().name(), o.siren(), o.street(), o.postcode(), o.city(),
                            o.website())
                    .query(Long.class).single();
            return Saved.done(find(id).orElseThrow());
        } catch (DuplicateKeyException e) {
            // Another organiser recorded the same name in the meantime.
            return Saved.refused(Map.of("nom", "directory.error.name.taken"));
        }
    }

    /** Changes the organisation, or returns the errors by field (nothing changed). */
    public Saved<Organisation> update(long id, OrganisationForm form) {
        Map<String, String> errors = form.errors();
        if (errors.isEmpty() && named(form.nom()).filter(other -> other.id() != id).isPresent()) {
            errors.put("nom", "directory.error.name.taken");
        }
        if (!errors.isEmpty()) {
            return Saved.refused(errors);
        }
        NewOrganisation o = form.toNewOrganisation();
        try {
            int changed = jdbc.sql("""
                    UPDATE organisation SET name = ?, short_name = ?, kind = ?, siren = ?, street = ?, postcode = ?,
                        city = ?, website = ?
                    WHERE id = ?""")
                    .params(o.name(), o.shortName(), o.kind().name(), o.siren(), o.street(), o.postcode(), o.city(),
                            o.website(), id)
                    .update();
            if (changed == 0) {
                throw new DirectoryRefusal("directory.error.gone", null);
            }
            return Saved.done(find(id).orElseThrow());
        } catch (DuplicateKeyException e) {
            return Saved.refused(Map.of("nom", "directory.error.name.taken"));
        }
    }

    /**
     * Deletes the organisation and its training-service contacts.
     *
     * @throws DirectoryRefusal when a person, a day, a partner or a slot still refers to it: the
     *     database's foreign keys decide, so a use added by any module is respected
     */
    public void delete(long id) {
        try {
            jdbc.sql("DELETE FROM organisation WHERE id = ?").param(id).update();
        } catch (DataIntegrityViolationException e) {
            if (!Usages.isForeignKeyViolation(e)) {
                throw e;
            }
            throw new DirectoryRefusal(Usages.messageKey(e), null);
        }
    }
}
