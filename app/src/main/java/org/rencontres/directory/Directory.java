package org.rencontres.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory's operations: record and look up organisations and people. */
@Service
public class Directory {

    private static final String ORGANISATION_COLUMNS =
            "id, name, short_name, kind, siren, street, postcode, city, website";
    private static final String PERSON_COLUMNS =
            "id, given_name, family_name, job_title, organisation_id, email, phone";

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Organisation addOrganisation(NewOrganisation o) {
        long id = jdbc.sql("""
                INSERT INTO organisation (name, short_name, kind, siren, street, postcode, city, website)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(o.name(), o.shortName(), o.kind().name(), o.siren(), o.street(), o.postcode(), o.city(),
                        o.website())
                .query(Long.class).single();
        return organisation(id).orElseThrow();
    }

    /** The organisation of that name (case-insensitive), recorded first when missing. */
    @Transactional
    public Organisation organisationNamed(NewOrganisation o) {
        return jdbc.sql("SELECT " + ORGANISATION_COLUMNS + " FROM organisation WHERE lower(name) = lower(?)")
                .param(o.name()).query(Organisation.class).optional()
                .orElseGet(() -> addOrganisation(o));
    }

    public Optional<Organisation> organisation(long id) {
        return jdbc.sql("SELECT " + ORGANISATION_COLUMNS + " FROM organisation WHERE id = ?")
                .param(id).query(Organisation.class).optional();
    }

    public Map<Long, Organisation> organisations(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + ORGANISATION_COLUMNS + " FROM organisation WHERE id = ANY(?)")
                .param(ids.toArray(Long[]::new)).query(Organisation.class).list().stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    @Transactional
    public Person addPerson(NewPerson p) {
        long id = jdbc.sql("""
                INSERT INTO person (given_name, family_name, job_title, organisation_id, email, phone)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(p.givenName(), p.familyName(), p.jobTitle(), p.organisationId(), p.email(), p.phone())
                .query(Long.class).single();
        return people(List.of(id)).get(id);
    }

    public Map<Long, Person> people(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person WHERE id = ANY(?)")
                .param(ids.toArray(Long[]::new)).query(Person.class).list().stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
    }

    /** Every person of the directory, by family then given name: for choosing one in a form. */
    public List<Person> peopleByName() {
        return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person ORDER BY lower(family_name), lower(given_name), id")
                .query(Person.class).list();
    }

    /** Every organisation of the directory, by name: for choosing one in a form. */
    public List<Organisation> organisationsByName() {
        return jdbc.sql("SELECT " + ORGANISATION_COLUMNS + " FROM organisation ORDER BY lower(name), id")
                .query(Organisation.class).list();
    }
}
