package org.rencontres.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The readable "before" and "after" of the audit trail and of pending changes: an organisation's
 * identity, or its training-service addresses, one value a line, in French (the back office's language
 * for the trail, as the other modules write it).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OrganisationDescriptions {

    private static final String NBSP = "\u00a0";

    private final JdbcClient jdbc;
    private final MessageSource messages;

    /** The identity as recorded now, or empty when the organisation is gone. */
    Optional<String> identity(long organisationId) {
        return jdbc.sql("SELECT " + OrganisationCatalogue.COLUMNS + " FROM organisation WHERE id = ?")
                .param(organisationId).query(Organisation::of).optional()
                .map(o -> identity(OrganisationForm.of(o, domains(organisationId))));
    }

    /** The identity a form would give. */
    String identity(OrganisationForm form) {
        NewOrganisation o = form.toNewOrganisation();
        List<String> lines = new ArrayList<>();
        line(lines, "Nom", o.name());
        line(lines, "Sigle", o.shortName());
        line(lines, "Type", messages.getMessage("directory.kind." + o.kind().name(), null, Locale.FRENCH));
        line(lines, "SIREN", o.siren());
        String address = String.join(" ", Stream.of(o.street(), o.postcode(), o.city())
                .filter(s -> s != null && !s.isBlank()).toList());
        line(lines, "Adresse", address);
        line(lines, "Site", o.website());
        line(lines, "Domaines de courriel", String.join(", ", form.domains()));
        return String.join("\n", lines);
    }

    /** The training-service addresses as recorded now, one a line ("Service formation <formation@ville.fr>"). */
    String contacts(long organisationId) {
        List<String> lines = jdbc.sql("""
                SELECT label, email FROM organisation_training_contact WHERE organisation_id = ? ORDER BY position, id""")
                .param(organisationId)
                .query((rs, n) -> rs.getString("label") + " <" + rs.getString("email") + ">").list();
        return lines.isEmpty() ? "(aucune adresse)" : String.join("\n", lines);
    }

    private EmailDomains domains(long organisationId) {
        return EmailDomains.of(jdbc.sql("""
                SELECT domain FROM organisation_email_domain WHERE organisation_id = ? ORDER BY position, domain""")
                .param(organisationId).query(String.class).list());
    }

    private static void line(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + NBSP + ": " + value);
        }
    }
}
