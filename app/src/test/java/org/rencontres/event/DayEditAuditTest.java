package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditTrail;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit trail of an edit lists what changed, only that: a browser sends a text area's lines ended by CR LF, and
 * a session stored with LF alone (the demo day, one created by code) must not read as if its context and venue
 * had changed.
 */
@RencontresIntegrationTest
class DayEditAuditTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired AuditTrail audit;

    @Test
    void an_edit_records_only_the_fields_that_changed_whatever_the_line_endings() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZAUD " + n);
        long id = days.create(new DayDraft(code, "Journée de l'audit", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2031, 4, 8), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Premier paragraphe.\n\nSecond paragraphe,\nsur deux lignes.", "Agents\ndes services", null, null, false,
                null, null, new Venue("Halle aux sucres", null, "9003 route du Quai Freycinet 3", "59140", "Dunkerque",
                        null, null, null, "Tram ligne C1\nBus 2"), List.of(), List.of(), List.of()));
        String email = "audit." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Orga audit", Role.ORGANISER, null, PASSWORD));
        WebSession organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        String form = "/admin/journees/" + code.slug() + "/modifier";

        Map<String, String> fields = asABrowserSends(organiser.page(form), form);
        assertThat(fields.get("contexte")).contains("\r\n");
        fields.put("titre", "Journée de l'audit, titre revu");
        assertThat(organiser.submit(form, form, fields).statusCode()).isEqualTo(302);
        assertThat(audit.of(id).get(0).details())
                .isEqualTo("Titre : « Journée de l'audit » → « Journée de l'audit, titre revu »");

        fields = asABrowserSends(organiser.page(form), form);
        fields.put("lieuVille", "Dunkerque-Centre");
        assertThat(organiser.submit(form, form, fields).statusCode()).isEqualTo(302);
        assertThat(audit.of(id).get(0).details()).isEqualTo("Lieu : « Halle aux sucres, 9003 route du Quai Freycinet 3, "
                + "59140 Dunkerque » → « Halle aux sucres, 9003 route du Quai Freycinet 3, 59140 Dunkerque-Centre »");
    }

    /** The form's fields as a browser posts them: lines ended by CR LF. */
    private static Map<String, String> asABrowserSends(Document page, String action) {
        FormElement form = (FormElement) page.select("form[action$=" + action + "]").first();
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(kv -> fields.put(kv.key(), kv.value().replace("\r\n", "\n").replace("\n", "\r\n")));
        fields.remove("_csrf");
        return fields;
    }
}
