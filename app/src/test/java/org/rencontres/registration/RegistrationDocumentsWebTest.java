package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registration documents over real HTTP: the public blank form of a published day, the back
 * office's filled-in form and convocation, their 404s and who may read them. Days of its own, in
 * 2016: published, they are past editions, never among the catalogue's upcoming days.
 */
@RencontresIntegrationTest
class RegistrationDocumentsWebTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Convocations convocations;

    private long n;
    private String unit;
    private String slug;
    private long dayId;
    private WebSession organiser;

    @BeforeEach
    void aPublishedDayAndItsOrganiser() throws Exception {
        n = System.nanoTime() % 100_000_000;
        unit = "INSET des documents " + n;
        slug = new SessionCode("ZDWB " + n).slug();
        dayId = day("ZDWB " + n, DayStatus.PUBLISHED);
        String email = "orga.documents." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Organisatrice des documents", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private long day(String code, DayStatus status) {
        long id = days.create(new DayDraft(new SessionCode(code), "Journée des documents", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 9, 15), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null,
                null, false, null, unit, null, List.of(), List.of(), List.of()));
        if (status != DayStatus.DRAFT) {
            days.changeStatus(id, status);
        }
        return id;
    }

    private long request(long day, String givenName) {
        return registrations.request(day, TestDays.agent(givenName, ascii(givenName) + "." + n + "@documents.fr"));
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
    }

    private long confirmed(String givenName) {
        long id = request(dayId, givenName);
        registrations.setCapacity(new Capacity(dayId, 5, 48, false));
        registrations.advance(id, "Système", null);
        registrations.advance(id, "formation@documents.fr", null);
        assertThat(registrations.advance(id, "orga@cnfpt.fr", null)).isEqualTo(RegistrationState.CONFIRMED);
        return id;
    }

    private static byte[] pdf(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(response.body(), 0, 5)).isEqualTo("%PDF-");
        return response.body();
    }

    private String admin(long id, String document) {
        return "/admin/journees/" + slug + "/inscriptions/" + id + "/" + document;
    }

    @Test
    void anyone_downloads_the_blank_form_of_a_published_day_whatever_the_case_of_its_code() throws Exception {
        request(dayId, "Agathe");
        WebSession visitor = new WebSession(port);

        byte[] pdf = pdf(visitor.getBytes("/journees/" + slug.toLowerCase() + "/bulletin-inscription.pdf"));

        String text = RegistrationDocumentsTest.text(pdf);
        assertThat(text).contains("Bulletin d'inscription", "ZDWB " + n, "Journée des documents", "jeudi 15 septembre 2016");
        assertThat(text).doesNotContain("Agathe", "agathe." + n, "Commune de Test-sur-Seine");
    }

    @Test
    void the_blank_form_of_a_draft_or_unknown_day_is_not_found() throws Exception {
        String draft = new SessionCode("ZDWD " + n).slug();
        day("ZDWD " + n, DayStatus.DRAFT);
        WebSession visitor = new WebSession(port);

        assertThat(visitor.getBytes("/journees/" + draft + "/bulletin-inscription.pdf").statusCode()).isEqualTo(404);
        assertThat(visitor.getBytes("/journees/NEXISTEPAS/bulletin-inscription.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void the_organiser_prints_a_requests_filled_in_form() throws Exception {
        long id = request(dayId, "Bérénice");

        String text = RegistrationDocumentsTest.text(pdf(organiser.getBytes(admin(id, "bulletin.pdf"))));

        assertThat(text).contains("ZDWB " + n, "Journée des documents", "Demande d'inscription n° " + id,
                "Agent", "Bérénice", "berenice." + n + "@documents.fr", "Commune de Test-sur-Seine");
    }

    @Test
    void the_convocation_of_a_confirmed_registration_holds_its_check_in_code() throws Exception {
        long id = confirmed("Clément");

        byte[] pdf = pdf(organiser.getBytes(admin(id, "convocation.pdf")));

        String code = RegistrationDocumentsTest.decodeQr(pdf);
        assertThat(code).startsWith("RENCONTRES:" + slug + ":" + id + ":");
        assertThat(convocations.registrationOf(code)).hasValue(id);
        // A made-up or altered code is not one of ours.
        assertThat(convocations.registrationOf("RENCONTRES:" + slug + ":" + (id + 1) + code.substring(code.lastIndexOf(':'))))
                .isEmpty();
        assertThat(convocations.registrationOf("RENCONTRES:" + slug + ":" + id)).isEmpty();
        assertThat(RegistrationDocumentsTest.text(pdf)).contains("Convocation", "Clément Agent", "ZDWB " + n);
    }

    @Test
    void no_convocation_before_confirmation_and_no_document_of_another_days_registration() throws Exception {
        long waiting = request(dayId, "Denise");
        assertThat(organiser.getBytes(admin(waiting, "convocation.pdf")).statusCode()).isEqualTo(404);

        // Another day of the same unit: its registration is not reachable through this day's address.
        long otherDay = day("ZDWO " + n, DayStatus.PUBLISHED);
        long elsewhere = request(otherDay, "Étienne");
        assertThat(organiser.getBytes(admin(elsewhere, "bulletin.pdf")).statusCode()).isEqualTo(404);
        assertThat(organiser.getBytes(admin(999_999_999L, "bulletin.pdf")).statusCode()).isEqualTo(404);
        assertThat(organiser.getBytes("/admin/journees/NEXISTEPAS/inscriptions/" + waiting + "/bulletin.pdf").statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_back_offices_documents_need_a_signed_in_organiser_of_the_days_unit() throws Exception {
        long id = confirmed("Fanny");
        WebSession visitor = new WebSession(port);
        for (String document : List.of("bulletin.pdf", "convocation.pdf")) {
            HttpResponse<byte[]> anonymous = visitor.getBytes(admin(id, document));
            assertThat(anonymous.statusCode()).isEqualTo(302);
            assertThat(WebSession.location(anonymous)).isEqualTo("/connexion");
        }

        String email = "autre.unite.documents." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Autre unité", Role.ORGANISER, "INSET d'ailleurs " + n, PASSWORD));
        WebSession other = new WebSession(port);
        other.signIn(email, PASSWORD);
        assertThat(other.getBytes(admin(id, "bulletin.pdf")).statusCode()).isEqualTo(403);
        assertThat(other.getBytes(admin(id, "convocation.pdf")).statusCode()).isEqualTo(403);
    }
}
