package org.rencontres.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of the organisation form, named as the French form names them. {@link #errors()}
 * checks them alone; uniqueness of the name is checked by {@link OrganisationCatalogue}.
 */
public record OrganisationForm(String nom, String sigle, String type, String siren, String rue, String codepostal,
                               String ville, String site, String domaines) {

    static final int MAX_NAME = 300;

    /** The form without e-mail domains (package-private: Spring binds a request to the canonical constructor). */
    OrganisationForm(String nom, String sigle, String type, String siren, String rue, String codepostal,
                            String ville, String site) {
        this(nom, sigle, type, siren, rue, codepostal, ville, site, "");
    }

    public static OrganisationForm empty() {
        return new OrganisationForm("", "", "", "", "", "", "", "", "");
    }

    public static OrganisationForm of(Organisation o, EmailDomains domains) {
        return new OrganisationForm(o.name(), nz(o.shortName()), o.kind().name(), nz(o.siren()), nz(o.street()),
                nz(o.postcode()), nz(o.city()), nz(o.website()), String.join("\n", domains.list()));
    }

    /** Message keys by field name, in the order of the form; empty when all is well. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (Texts.blank(nom)) {
            errors.put("nom", "directory.error.name");
        } else if (nom.strip().length() > MAX_NAME) {
            errors.put("nom", "directory.error.name.long");
        }
        if (kind() == null) {
            errors.put("type", "directory.error.kind");
        }
        if (!Texts.blank(siren) && !Siren.isValid(siren)) {
            errors.put("siren", "directory.error.siren");
        }
        if (!Texts.blank(codepostal) && !Postcode.isValid(codepostal)) {
            errors.put("codepostal", "directory.error.postcode");
        }
        if (!Texts.blank(site) && !Website.isValid(site)) {
            errors.put("site", "directory.error.website");
        }
        String domainError = EmailDomains.parse(domaines).errorKey();
        if (domainError != null) {
            errors.put("domaines", domainError);
        }
        return errors;
    }

    OrganisationKind kind() {
        if (Texts.blank(type)) {
            return null;
        }
        try {
            return OrganisationKind.valueOf(type.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The organisation to record, tidied (trimmed, SIREN without spaces); only once {@link #errors()} is empty. */
    NewOrganisation toNewOrganisation() {
        return new NewOrganisation(nom.strip(), Texts.trimmed(sigle), kind(), Siren.normalise(Texts.trimmed(siren)),
                Texts.trimmed(rue), Postcode.normalise(codepostal), Texts.trimmed(ville), Website.normalise(site));
    }

    /** The e-mail domains, tidied (lower case); only once {@link #errors()} is empty. */
    List<String> domains() {
        return EmailDomains.parse(domaines).domains();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
