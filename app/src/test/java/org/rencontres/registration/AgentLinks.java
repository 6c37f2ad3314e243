package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the workshop tests share: the public request form's fields, and an agent's space from their e-mails. */
final class AgentLinks {

    private AgentLinks() {
    }

    /** The public form filled for an agent of "Commune de {surname}-sur-Seine", without workshop choices. */
    static Map<String, String> requestForm(String surname, String givenName, String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nom", surname);
        fields.put("prenom", givenName);
        fields.put("courriel", email);
        fields.put("telephone", "01 60 79 74 00");
        fields.put("fonction", "Chargée de mission");
        fields.put("employeur", "Commune de " + surname + "-sur-Seine");
        fields.put("responsable", "");
        fields.put("repas", "");
        fields.put("accessibilite", "");
        fields.put("consentement", "oui");
        fields.put("siteWeb", "");
        return fields;
    }

    /** The path of the agent's space, from the last link to it e-mailed to them (outbox). */
    static String space(JdbcClient jdbc, String email) {
        return AgentSpaces.pathOf(jdbc, email);
    }

    /** Takes a request sent on to the training service through to CONFIRMED (the service, then the organiser). */
    static void confirm(Registrations registrations, long id) {
        registrations.advance(id, "Service formation", null);
        assertThat(registrations.confirm(id, "Organisatrice")).isEqualTo(RegistrationState.CONFIRMED);
    }
}
