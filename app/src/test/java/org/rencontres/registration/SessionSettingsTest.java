package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.registration.questions.Question;
import org.rencontres.registration.questions.Questions;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditEntry;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.Day;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.shared.FrenchTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A session says whether it offers a meal (the request form asks for dietary needs only then), and
 * a new edition keeps the session's settings: the meal, its seats, offer delay, line manager's
 * opinion and registration period moved with the dates.
 */
@RencontresIntegrationTest
class SessionSettingsTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired AuditTrail audit;
    @Autowired Questions questions;

    private final long n = System.nanoTime() % 1_000_000;
    private final String unit = "INSET des réglages " + n;
    private WebSession organiser;
    private long dayId;
    private String slug;

    @BeforeEach
    void aPublishedSessionAndItsOrganiser() throws Exception {
        SessionCode code = new SessionCode("ZSET " + n);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Journée des réglages", null, null,
                List.of(new SessionDayDraft(LocalDate.now().plusMonths(3), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée.", null, null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        String email = "reglages." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Orga réglages", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    /** Back to draft: this test's sessions do not crowd the public catalogue that other tests read. */
    @AfterEach
    void unpublish() {
        days.changeStatus(dayId, DayStatus.DRAFT);
    }

    private String admin() {
        return "/admin/journees/" + slug;
    }

    /** The fields of the page's form as a browser would send them, with some changed. */
    private static Map<String, String> fieldsOf(Document page, String formSelector, Map<String, String> changed) {
        Element form = page.selectFirst(formSelector);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            String value = input.tagName().equals("textarea") ? input.text()
                    : input.tagName().equals("select") ? input.select("option[selected]").attr("value") : input.attr("value");
            fields.put(input.attr("name"), value);
        }
        fields.putAll(changed);
        return fields;
    }

    @Test
    void a_session_without_a_meal_does_not_ask_for_dietary_needs() throws Exception {
        // By default a session offers one, and the form asks; the demo's brochure offers lunch on site.
        assertThat(days.find(slug).orElseThrow().mealOffered()).isTrue();
        assertThat(days.find("Z20IN001").orElseThrow().mealOffered()).isTrue();
        assertThat(new WebSession(port).page("/journees/" + slug + "/inscription").select("textarea#repas")).hasSize(1);
        Document edit = organiser.page(admin() + "/modifier");
        assertThat(edit.select("input#repas-oui[checked]")).hasSize(1);
        assertThat(edit.select("label[for=repas-non]").text()).isEqualTo("Non (repas libre, non pris en charge)");

        HttpResponse<String> saved = organiser.post(admin() + "/modifier",
                fieldsOf(edit, "form[method=post]:has(#repas-oui)", Map.of("repas", "non")));
        assertThat(WebSession.location(saved)).isEqualTo(admin());
        assertThat(days.find(slug).orElseThrow().mealOffered()).isFalse();
        assertThat(audit.of(dayId)).extracting(AuditEntry::details).anyMatch(d -> d.contains("Repas offert : oui → non"));

        Document form = new WebSession(port).page("/journees/" + slug + "/inscription");
        assertThat(form.select("textarea#repas")).isEmpty();
        assertThat(form.text()).doesNotContain("régime");
        assertThat(organiser.page(admin() + "/modifier").select("input#repas-non[checked]")).hasSize(1);

        // A request that still sends dietary needs (an old page) does not record them.
        registrations.setCapacity(new Capacity(dayId, 10, 48, false));
        Map<String, String> request = new LinkedHashMap<>();
        request.put("nom", "Martin");
        request.put("prenom", "Léa");
        request.put("courriel", "lea.martin." + n + "@reglages.test");
        request.put("telephone", "01 60 79 74 00");
        request.put("fonction", "Chargée de formation");
        request.put("employeur", "Commune des réglages " + n);
        request.put("responsable", "");
        request.put("repas", "Sans gluten");
        request.put("accessibilite", "");
        request.put("consentement", "oui");
        request.put("siteWeb", "");
        new WebSession(port).submit("/journees/" + slug + "/inscription", "/journees/" + slug + "/inscription", request);
        assertThat(registrations.ofDay(dayId)).singleElement().satisfies(r -> assertThat(r.dietaryNeeds()).isNull());
    }

    @Test
    void a_session_with_a_meal_records_the_dietary_needs_given() throws Exception {
        registrations.setCapacity(new Capacity(dayId, 10, 48, false));
        Map<String, String> request = new LinkedHashMap<>();
        request.put("nom", "Durand");
        request.put("prenom", "Inès");
        request.put("courriel", "ines.durand." + n + "@reglages.test");
        request.put("telephone", "01 60 79 74 00");
        request.put("fonction", "Juriste");
        request.put("employeur", "Commune des réglages " + n);
        request.put("responsable", "");
        request.put("repas", "Sans gluten");
        request.put("accessibilite", "");
        request.put("consentement", "oui");
        request.put("siteWeb", "");
        new WebSession(port).submit("/journees/" + slug + "/inscription", "/journees/" + slug + "/inscription", request);
        assertThat(registrations.ofDay(dayId)).singleElement().satisfies(r -> assertThat(r.dietaryNeeds()).isEqualTo("Sans gluten"));
    }

    @Test
    void a_new_edition_keeps_the_meal_the_seats_and_the_registration_period_moved_with_its_dates() throws Exception {
        Day source = days.find(slug).orElseThrow();
        LocalDate first = source.days().firstDate();
        Instant opens = first.minusDays(60).atStartOfDay(FrenchTime.PARIS).toInstant();
        Instant closes = first.minusDays(9).atStartOfDay(FrenchTime.PARIS).toInstant();
        registrations.setCapacity(new Capacity(dayId, 40, 72, true, opens, closes));
        Document edit = organiser.page(admin() + "/modifier");
        organiser.post(admin() + "/modifier", fieldsOf(edit, "form[method=post]:has(#repas-oui)", Map.of("repas", "non")));
        String questionsPage = admin() + "/questions";
        assertThat(organiser.submit(questionsPage, questionsPage, Map.of("type", "SINGLE_CHOICE", "libelle",
                "Votre collectivité", "aide", "", "choix", "Commune\nDépartement", "obligatoire", "oui")).statusCode())
                .isEqualTo(302);
        assertThat(organiser.submit(questionsPage, questionsPage, Map.of("type", "SHORT_TEXT", "libelle",
                "Vos attentes", "aide", "En une phrase", "choix", "")).statusCode()).isEqualTo(302);

        LocalDate editionDate = first.plusYears(1);
        SessionCode code = new SessionCode("ZSET " + n + "B");
        HttpResponse<String> done = organiser.submit(admin() + "/dupliquer", admin() + "/dupliquer",
                Map.of("code", code.value(), "date", editionDate.toString()));
        assertThat(WebSession.location(done)).isEqualTo("/admin/journees/" + code.slug());
        Day edition = days.find(code.slug()).orElseThrow();
        assertThat(edition.mealOffered()).isFalse();
        long shift = ChronoUnit.DAYS.between(first, editionDate);
        Capacity copied = registrations.capacity(edition.id()).orElseThrow();
        assertThat(copied).isEqualTo(new Capacity(edition.id(), 40, 72, true,
                first.minusDays(60).plusDays(shift).atStartOfDay(FrenchTime.PARIS).toInstant(),
                first.minusDays(9).plusDays(shift).atStartOfDay(FrenchTime.PARIS).toInstant()));
        assertThat(copied.lastDay()).isEqualTo(editionDate.minusDays(10));
        assertThat(registrations.ofDay(edition.id())).isEmpty();
        assertThat(questions.ofDay(edition.id())).extracting(Question::label, Question::required, Question::choices)
                .containsExactly(tuple("Votre collectivité", true, List.of("Commune", "Département")),
                        tuple("Vos attentes", false, List.of()));
        assertThat(questions.ofDay(dayId)).hasSize(2);
    }

    @Test
    void a_new_edition_of_a_session_without_settings_has_none_and_offers_a_meal() throws Exception {
        SessionCode code = new SessionCode("ZSET " + n + "C");
        organiser.submit(admin() + "/dupliquer", admin() + "/dupliquer",
                Map.of("code", code.value(), "date", LocalDate.now().plusMonths(15).toString()));
        Day edition = days.find(code.slug()).orElseThrow();
        assertThat(edition.mealOffered()).isTrue();
        assertThat(registrations.capacity(edition.id())).isEmpty();
        assertThat(questions.ofDay(edition.id())).isEmpty();
    }
}
