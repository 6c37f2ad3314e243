package org.rencontres.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchSearch;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The back office's people (speakers, hosts, contacts): search, create, edit and delete when unused. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PeopleCatalogue {

    public static final int PAGE_SIZE = 25;

    private static final String COLUMNS = "id, given_name, family_name, job_title, organisation_id, email, phone";
    private static final String ENTRY = """
            SELECT p.id, p.given_name, p.family_name, p.job_title, p.organisation_id, o.name AS organisation_name,
                   p.email, p.phone
            FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id""";

    /** The text of a person that the search reads (either order of names); indexed by {@code V60_3__directory_search.sql}. */
    private static final String SEARCHED = "p.given_name || ' ' || p.family_name || ' ' || p.given_name || ' '"
            + " || coalesce(p.email, '')";

    private final JdbcClient jdbc;
    private final OrganisationCatalogue organisations;

    /** People whose given or family name (either order), e-mail or organisation contains the text. */
    DirectoryPage<PersonEntry> search(String text, int page) {
        FrenchSearch search = FrenchSearch.of(text);
        String where = search.isEmpty() ? "" : " WHERE " + FrenchSearch.contains(SEARCHED) + " OR "
                + FrenchSearch.contains("coalesce(o.name, '')");
        Map<String, Object> params = new HashMap<>(search.params());
        long total = jdbc.sql("SELECT count(*) FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id" + where)
                .params(params).query(Long.class).single();
        params.put("limit", PAGE_SIZE);
        params.put("offset", DirectoryPage.offset(page, PAGE_SIZE));
        List<PersonEntry> items = jdbc.sql(ENTRY + where + " ORDER BY "
                        + (search.isEmpty() ? "" : FrenchSearch.closeness(SEARCHED) + ", ")
                        + "lower(p.family_name), lower(p.given_name), p.id LIMIT :limit OFFSET :offset")
                .params(params).query(PersonEntry.class).list();
        return new DirectoryPage<>(items, total, Math.max(page, 1), PAGE_SIZE);
    }

    public Optional<Person> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE id = ?").param(id).query(Person.class).optional();
    }

    /** The people of one organisation, for its page. */
    public List<Person> of(long organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE organisation_id = ? ORDER BY lower(family_name), lower(given_name)")
                .param(organisationId).query(Person.class).list();
    }

    public Saved<Person> create(PersonForm form) {
        return save(form, null, p -> insert(jdbc, p));
    }

    public Saved<Person> update(long id, PersonForm form) {
        return save(form, id, p -> {
            int changed = jdbc.sql("""
                    UPDATE person SET given_name = ?, family_name = ?, job_title = ?, organisation_id = ?, email = ?,
                        phone = ?
                    WHERE id = ?""")
                    .params(p.givenName(), p.familyName(), p.jobTitle(), p.organisationId(), p.email(), p.phone(), id)
                    .update();
            if (changed == 0) {
                throw new DirectoryRefusal("directory.error.gone", null);
            }
            return id;
        });
    }

    /** Records a new person as given, without the form's checks (for {@link Directory#addPerson}); their id. */
    static long insert(JdbcClient jdbc, NewPerson p) {
        return jdbc.sql("""
                INSERT INTO person (given_name, family_name, job_title, organisation_id, email, phone)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(p.givenName(), p.familyName(), p.jobTitle(), p.organisationId(), p.email(), p.phone())
                .query(Long.class).single();
    }

    /**
     * The person of the form once {@code write} has written them (it returns their id), or what is wrong:
     * the form's problems (nothing written), or what the database refused since the check.
     */
    private Saved<Person> save(PersonForm form, Long id, ToLongFunction<NewPerson> write) {
        List<FieldProblem> problems = check(form, id);
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        try {
            return Saved.done(find(write.applyAsLong(form.toNewPerson())).orElseThrow());
        } catch (DuplicateKeyException e) {
            // Another person took the address in the meantime.
            return Saved.refused("courriel", "directory.error.email.person.taken");
        } catch (DataIntegrityViolationException e) {
            // The organisation was deleted in the meantime.
            return Saved.refused("organisation", "directory.error.organisation");
        }
    }

    /**
     * Deletes the person.
     *
     * @throws DirectoryRefusal when a slot of a programme (or anything else) still refers to them
     */
    public void delete(long id) {
        try {
            jdbc.sql("DELETE FROM person WHERE id = ?").param(id).update();
        } catch (DataIntegrityViolationException e) {
            if (!Usages.isForeignKeyViolation(e)) {
                throw e;
            }
            throw new DirectoryRefusal(Usages.messageKey(e), null);
        }
    }

    private List<FieldProblem> check(PersonForm form, Long id) {
        List<FieldProblem> problems = form.problems();
        Long organisationId = form.organisationId();
        if (!about(problems, "organisation") && organisationId != null
                && organisations.find(organisationId).isEmpty()) {
            problems.add(FieldProblem.of("organisation", "directory.error.organisation"));
        }
        if (!about(problems, "courriel") && !Texts.blank(form.courriel())) {
            boolean taken = jdbc.sql("SELECT count(*) FROM person WHERE lower(email) = lower(?) AND id <> ?")
                    .params(form.courriel().strip(), id == null ? -1L : id).query(Long.class).single() > 0;
            if (taken) {
                problems.add(FieldProblem.of("courriel", "directory.error.email.person.taken"));
            }
        }
        return problems;
    }

    private static boolean about(List<FieldProblem> problems, String field) {
        return problems.stream().anyMatch(p -> field.equals(p.field()));
    }
}
