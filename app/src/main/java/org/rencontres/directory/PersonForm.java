package org.rencontres.directory;

import java.util.ArrayList;
import java.util.List;

import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.Phone;

/**
 * The fields of the person form, named as the French form names them; {@code organisation} is
 * the id of an organisation of the directory, or empty.
 */
public record PersonForm(String prenom, String nom, String fonction, String organisation, String courriel,
                         String telephone) {

    public static PersonForm empty() {
        return new PersonForm("", "", "", "", "", "");
    }

    public static PersonForm of(Person p) {
        return new PersonForm(p.givenName(), p.familyName(), nz(p.jobTitle()),
                p.organisationId() == null ? "" : p.organisationId().toString(), nz(p.email()), nz(p.phone()));
    }

    /** What is wrong with the fields alone (the organisation's existence and the address's uniqueness are not). */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (Texts.blank(prenom)) {
            problems.add(FieldProblem.of("prenom", "directory.error.givenname"));
        }
        if (Texts.blank(nom)) {
            problems.add(FieldProblem.of("nom", "directory.error.familyname"));
        }
        if (!Texts.blank(organisation) && organisationId() == null) {
            problems.add(FieldProblem.of("organisation", "directory.error.organisation"));
        }
        if (!Texts.blank(courriel) && !EmailAddress.isValid(courriel)) {
            problems.add(FieldProblem.of("courriel", "directory.error.email"));
        }
        if (!Texts.blank(telephone) && !Phone.isValid(telephone)) {
            problems.add(FieldProblem.of("telephone", "directory.error.phone"));
        }
        return problems;
    }

    Long organisationId() {
        if (Texts.blank(organisation)) {
            return null;
        }
        try {
            return Long.valueOf(organisation.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    NewPerson toNewPerson() {
        return new NewPerson(prenom.strip(), nom.strip(), Texts.trimmed(fonction), organisationId(),
                Texts.trimmed(courriel), Texts.trimmed(telephone));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
