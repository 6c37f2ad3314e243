package org.rencontres.directory;

import java.util.ArrayList;
import java.util.List;

import org.rencontres.shared.FieldProblem;

/**
 * The fields of the organisation form, named as the French form names them. {@link #problems()}
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

    /** What is wrong with the fields, in the order of the form; empty when all is well. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (Texts.blank(nom)) {
            problems.add(FieldProblem.of("nom", "directory.error.name"));
        } else if (nom.strip().length() > MAX_NAME) {
            problems.add(FieldProblem.of("nom", "directory.error.name.long"));
        }
        if (kind() == null) {
            problems.add(FieldProblem.of("type", "directory.error.kind"));
        }
        if (!Texts.blank(siren) && !Siren.isValid(siren)) {
            problems.add(FieldProblem.of("siren", "directory.error.siren"));
        }
        if (!Texts.blank(codepostal) && !Postcode.isValid(codepostal)) {
            problems.add(FieldProblem.of("codepostal", "directory.error.postcode"));
        }
        if (!Texts.blank(site) && !Website.isValid(site)) {
            problems.add(FieldProblem.of("site", "directory.error.website"));
        }
        String domainError = EmailDomains.parse(domaines).errorKey();
        if (domainError != null) {
            problems.add(FieldProblem.of("domaines", domainError));
        }
        return problems;
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

    /** The organisation to record, tidied (trimmed, SIREN without spaces); only once {@link #problems()} is empty. */
    NewOrganisation toNewOrganisation() {
        return new NewOrganisation(nom.strip(), Texts.trimmed(sigle), kind(), Siren.normalise(Texts.trimmed(siren)),
                Texts.trimmed(rue), Postcode.normalise(codepostal), Texts.trimmed(ville), Website.normalise(site));
    }

    /** The e-mail domains, tidied (lower case); only once {@link #problems()} is empty. */
    List<String> domains() {
        return EmailDomains.parse(domaines).domains();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
