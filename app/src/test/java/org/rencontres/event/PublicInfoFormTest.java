package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditTrail;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.Phone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The section « Informations publiques (Qualiopi) » of the session form: bad input is refused in French on its
 * field and nothing is saved; good input is saved, audited field by field, and comes back on the form; a duration
 * left empty follows the session's days (as certificates count them).
 */
@RencontresIntegrationTest
class PublicInfoFormTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired PublicInformation publicInformation;
    @Autowired AuditTrail audit;

    @Test
    void the_organiser_fills_in_the_public_information_on_the_session_form() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZQUA " + n);
        long id = days.create(new DayDraft(code, "Journée Qualiopi", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2031, 5, 6), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                        new SessionDayDraft(LocalDate.of(2031, 5, 7), LocalTime.of(9, 30), LocalTime.of(12, 0))),
                null, null, null, null, false, null, null, null, List.of(), List.of(), List.of()));
        String email = "qualiopi." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Orga Qualiopi", Role.ORGANISER, null, PASSWORD));
        WebSession organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        String form = "/admin/journees/" + code.slug() + "/modifier";

        Document page = organiser.page(form);
        assertThat(page.select("#informations-publiques legend").text()).isEqualTo("Informations publiques (Qualiopi)");
        assertThat(page.select("#duree-aide").text()).contains("(10 h 30)");
        assertThat(page.select("#duree").val()).isEmpty();

        Map<String, String> fields = fields(page, form);
        fields.put("referentCourriel", "referent@");
        fields.put("referentTelephone", "poste 12");
        fields.put("tarif", "douze euros");
        fields.put("duree", "-3");
        fields.put("objectifs", "Connaître la réforme");
        var refused = organiser.submit(form, form, fields);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document errors = Jsoup.parse(refused.body());
        assertThat(errors.select("#referentCourriel-erreur").text())
                .isEqualTo("Indiquez une adresse électronique valide, par exemple referent@cdg77.fr.");
        assertThat(errors.select("#referentCourriel").attr("aria-describedby")).isEqualTo("referentCourriel-erreur");
        assertThat(errors.select("#referentTelephone-erreur").text())
                .isEqualTo("Indiquez un numéro de téléphone, par exemple 01 60 79 74 00.");
        assertThat(errors.select("#tarif-erreur").text()).isEqualTo("Indiquez un tarif en euros, par exemple 150 ou 12,50.");
        assertThat(errors.select("#duree-erreur").text()).isEqualTo("Indiquez une durée en heures, par exemple 7 ou 3,5.");
        assertThat(errors.select("#objectifs").text()).as("what was typed comes back").isEqualTo("Connaître la réforme");
        assertThat(errors.select(".error-summary a[href=#referentCourriel]")).hasSize(1);
        HtmlChecker.assertValid("public-info-form", Map.of("errors", refused.body()));
        assertThat(publicInformation.stored(id).isEmpty()).as("nothing saved").isTrue();

        fields = fields(organiser.page(form), form);
        fields.put("objectifs", "Connaître la réforme\r\nSavoir l'appliquer");
        fields.put("prerequis", "Aucun");
        fields.put("methodes", "Exposés, ateliers");
        fields.put("evaluation", "Questionnaire en fin de journée");
        fields.put("tarif", "150,5");
        fields.put("gratuit", "true");
        fields.put("tarifPublic", "gratuit pour les agents des collectivités cotisantes");
        fields.put("accessibilite", "Salle de plain-pied, boucle magnétique");
        fields.put("referentNom", "Claire Martin");
        fields.put("referentCourriel", " referent@cdg77.fr ");
        fields.put("referentTelephone", "01 60 79 74 00");
        assertThat(organiser.submit(form, form, fields).statusCode()).isEqualTo(302);

        PublicInfo stored = publicInformation.stored(id);
        assertThat(stored).isEqualTo(new PublicInfo("Connaître la réforme\nSavoir l'appliquer", "Aucun",
                "Exposés, ateliers", "Questionnaire en fin de journée", null, new BigDecimal("150.50"), true,
                "gratuit pour les agents des collectivités cotisantes", "Salle de plain-pied, boucle magnétique",
                "Claire Martin", new EmailAddress("referent@cdg77.fr"), new Phone("01 60 79 74 00")));
        assertThat(publicInformation.of(id, days.days(id).orElseThrow()).orElseThrow().hoursText())
                .as("the days' hours, 8 h + 2 h 30").isEqualTo("10 h 30");
        String details = audit.of(id).get(0).details();
        assertThat(details).contains("Objectifs : ", "Tarif : (vide) → « 150,50\u00a0€ »", "Gratuit : ",
                "Référent handicap : (vide) → « Claire Martin »",
                "Courriel du référent handicap : (vide) → « referent@cdg77.fr »").doesNotContain("Durée");

        Document again = organiser.page(form);
        assertThat(again.select("#tarif").val()).isEqualTo("150,5");
        assertThat(again.select("#gratuit").hasAttr("checked")).isTrue();
        assertThat(again.select("#referentTelephone").val()).isEqualTo("01 60 79 74 00");

        fields = fields(again, form);
        fields.put("duree", "7");
        assertThat(organiser.submit(form, form, fields).statusCode()).isEqualTo(302);
        assertThat(audit.of(id).get(0).details()).as("only the duration changed, line endings aside")
                .isEqualTo("Durée : (vide) → « 7 h »");
        assertThat(publicInformation.of(id, days.days(id).orElseThrow()).orElseThrow().isoDuration()).isEqualTo("PT7H");

        String duplicate = "/admin/journees/" + code.slug() + "/dupliquer";
        SessionCode next = new SessionCode("ZQUB " + n);
        assertThat(organiser.submit(duplicate, duplicate, Map.of("code", next.value(), "date", "2032-05-04"))
                .statusCode()).isEqualTo(302);
        assertThat(publicInformation.stored(days.find(next.slug()).orElseThrow().id()))
                .as("a new edition keeps the public information").isEqualTo(publicInformation.stored(id));
    }

    /** The form's fields as a browser posts them: lines ended by CR LF. */
    private static Map<String, String> fields(Document page, String action) {
        FormElement form = (FormElement) page.select("form[action$=" + action + "]").first();
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(kv -> fields.put(kv.key(), kv.value().replace("\r\n", "\n").replace("\n", "\r\n")));
        fields.remove("_csrf");
        return fields;
    }
}
