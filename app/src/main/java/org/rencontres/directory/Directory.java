package org.rencontres.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory's operations: record and look up organisations and people. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Directory {

    private static final String ORGANISATION_COLUMNS =
            "id, name, short_name, kind, siren, street, postcode, city, website";
    private static final String PERSON_COLUMNS =
            "id, given_name, family_name, job_title, organisation_id, email, phone";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final OrganisationDescriptions describe;

    /** Records an organisation as the application itself (demo data, a day's organiser), audited. */
    @Transactional
    public Organisation addOrganisation(NewOrganisation o) {
        long id = insert(o);
        audit.recordOrganisation(id, null, DirectoryActor.SYSTEM.name(), "created", o.name(), null,
                describe.identity(id).orElseThrow());
        return organisation(id).orElseThrow();
    }

    /**
     * Writes the organisation's row, nothing else (no audit, no e-mail domain): the one INSERT of an
     * organisation, for the acts of this module that audit it each in their own words.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the name is taken
     */
    long insert(NewOrganisation o) {
        return jdbc.sql("""
                INSERT INTO organisation (name, short_name, kind, siren, street, postcode, city, website)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(o.name(), o.shortName(), o.kind().name(), o.siren(), o.street(), o.postcode(), o.city(),
                        o.website())
                .query(Long.class).single();
    }

    /** Locks the organisation's row for the rest of the transaction, or says it is gone. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM organisation WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional()
                .orElseThrow(() -> new DirectoryRefusal("directory.error.gone", null));
    }

    /** The organisation of that name (case-insensitive), recorded first when missing. */
    @Transactional
    public Organisation organisationNamed(NewOrganisation o) {
        return jdbc.sql("SELECT " + ORGANISATION_COLUMNS + " FROM organisation WHERE lower(name) = lower(?)")
                .param(o.name()).query(Organisation::of).optional()
                .orElseGet(() -> addOrganisation(o));
    }

    public Optional<Organisation> organisation(long id) {
        return jdbc.sql("SELECT " + ORGANISATION_COLUMNS + " FROM organisation WHERE id = ?")
                .param(id).query(Organisation::of).optional();
    }

    public Map<Long, Organisation> organisations(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + ORGANISATION_COLUMNS + " FROM organisation WHERE id = ANY(?)")
                .param(ids.toArray(Long[]::new)).query(Organisation::of).list().stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    @Transactional
    public Person addPerson(NewPerson p) {
        long id = PeopleCatalogue.insert(jdbc, p);
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

    /** The e-mail domains of the organisation, as an administrator recorded them; none when unknown. */
    public EmailDomains emailDomains(long organisationId) {
        return emailDomains(List.of(organisationId)).getOrDefault(organisationId, EmailDomains.none());
    }

    /** The e-mail domains of several organisations at once; an organisation without any is left out. */
    public Map<Long, EmailDomains> emailDomains(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT organisation_id, domain FROM organisation_email_domain WHERE organisation_id = ANY(?)
                ORDER BY organisation_id, position, domain""")
                .param(organisationIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong("organisation_id"), rs.getString("domain"))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.collectingAndThen(Collectors.mapping(Map.Entry::getValue, Collectors.toList()),
                                EmailDomains::of)));
    }

    /** Replaces the organisation's e-mail domains, in the caller's transaction. */
    void replaceEmailDomains(long organisationId, List<String> domains) {
        jdbc.sql("DELETE FROM organisation_email_domain WHERE organisation_id = ?").param(organisationId).update();
        int position = 0;
        for (String domain : domains) {
            jdbc.sql("INSERT INTO organisation_email_domain (organisation_id, domain, position) VALUES (?, ?, ?)")
                    .params(organisationId, domain, ++position).update();
        }
    }

    /** Every organisation of the directory, by name: for choosing one in a form. */
    public List<Organisation> organisationsByName() {
        return jdbc.sql("SELECT " + ORGANISATION_COLUMNS + " FROM organisation ORDER BY lower(name), id")
                .query(Organisation::of).list();
    }
}
