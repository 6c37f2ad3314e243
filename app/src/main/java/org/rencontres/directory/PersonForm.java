package org.rencontres.directory;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rencontres.shared.EmailAddress;
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

    /** Message keys by field, checked alone (the organisation's existence and the address's uniqueness are not). */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (Texts.blank(prenom)) {
            errors.put("prenom", "directory.error.givenname");
        }
        if (Texts.blank(nom)) {
            errors.put("nom", "directory.error.familyname");
        }
        if (!Texts.blank(organisation) && organisationId() == null) {
            errors.put("organisation", "directory.error.organisation");
        }
        if (!Texts.blank(courriel) && !EmailAddress.isValid(courriel)) {
            errors.put("courriel", "directory.error.email");
        }
        if (!Texts.blank(telephone) && !Phone.isValid(telephone)) {
            errors.put("telephone", "directory.error.phone");
        }
        return errors;
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
