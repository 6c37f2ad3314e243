package org.rencontres.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.NewPerson;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.directory.Person;

/**
 * The people and organisations of a document matched to the directory: an organisation by its SIREN,
 * else its name; a person by e-mail address, else by given and family names (the one of the same
 * organisation first). One instance per import: the directory is read once, and what it lacks is
 * recorded only when {@link #create} is on (the preview only counts).
 */
final class DirectoryMatch {

    private final Directory directory;
    private final boolean create;
    private final Map<String, Organisation> organisationsBySiren = new HashMap<>();
    private final Map<String, Organisation> organisationsByName = new HashMap<>();
    private final Map<String, Person> peopleByEmail = new HashMap<>();
    private final Map<String, List<Person>> peopleByName = new HashMap<>();
    private final Map<String, Long> matchedPeople = new HashMap<>();
    private int newPeople;
    private int newOrganisations;
    private long nextVirtualId = -1;

    DirectoryMatch(Directory directory, boolean create) {
        this.directory = directory;
        this.create = create;
        for (Organisation o : directory.organisationsByName()) {
            if (o.siren() != null) {
                organisationsBySiren.putIfAbsent(o.siren(), o);
            }
            organisationsByName.putIfAbsent(PersonKey.fold(o.name()), o);
        }
        for (Person p : directory.peopleByName()) {
            if (p.email() != null) {
                peopleByEmail.putIfAbsent(PersonKey.fold(p.email()), p);
            }
            peopleByName.computeIfAbsent(PersonKey.fold(p.givenName()) + "|" + PersonKey.fold(p.familyName()),
                    k -> new ArrayList<>()).add(p);
        }
    }

    int newPeople() {
        return newPeople;
    }

    int newOrganisations() {
        return newOrganisations;
    }

    /** The organisation's id in the directory (recorded first when missing); null for none. */
    Long organisation(SessionDocument.Organisation o) {
        if (o == null) {
            return null;
        }
        Organisation found = o.siren() == null ? null : organisationsBySiren.get(o.siren());
        if (found == null) {
            found = organisationsByName.get(PersonKey.fold(o.name()));
        }
        if (found != null) {
            return found.id();
        }
        newOrganisations++;
        OrganisationKind kind = o.kind() == null ? OrganisationKind.PUBLIC_BODY : OrganisationKind.valueOf(o.kind());
        Organisation made = create
                ? directory.organisationNamed(new NewOrganisation(o.name().strip(), DocumentCheck.blankToNull(o.shortName()),
                        kind, o.siren(), null, null, null, null))
                : new Organisation(nextVirtualId--, o.name().strip(), o.shortName(), kind, o.siren(), null, null, null, null);
        if (made.siren() != null) {
            organisationsBySiren.put(made.siren(), made);
        }
        organisationsByName.put(PersonKey.fold(made.name()), made);
        return made.id();
    }

    /** The person's id in the directory, recorded first when missing (with their organisation). */
    long person(SessionDocument.Person p) {
        String key = PersonKey.of(p);
        Long known = matchedPeople.get(key);
        if (known != null) {
            return known;
        }
        Long organisationId = organisation(p.organisation());
        Person found;
        if (p.email() != null && !p.email().isBlank()) {
            found = peopleByEmail.get(PersonKey.fold(p.email()));
        } else {
            List<Person> named = peopleByName.getOrDefault(
                    PersonKey.fold(p.givenName()) + "|" + PersonKey.fold(p.familyName()), List.of());
            found = named.stream().filter(n -> Objects.equals(n.organisationId(), organisationId)).findFirst()
                    .orElse(named.isEmpty() ? null : named.get(0));
        }
        long id;
        if (found != null) {
            id = found.id();
        } else {
            newPeople++;
            id = create ? directory.addPerson(new NewPerson(p.givenName().strip(), p.familyName().strip(),
                    DocumentCheck.blankToNull(p.jobTitle()), organisationId,
                    DocumentCheck.blankToNull(p.email()), null)).id()
                    : nextVirtualId--;
        }
        matchedPeople.put(key, id);
        return id;
    }

    /** How many distinct people the document named so far. */
    int people() {
        return matchedPeople.size();
    }
}
