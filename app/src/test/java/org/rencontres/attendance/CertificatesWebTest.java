package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.notification.QueuedMails;
import org.rencontres.notification.QueuedMails.QueuedMail;
import org.rencontres.registration.AgentSpaces;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attendance certificates over real HTTP: hours from the half-days attended, a certificate refused
 * for someone absent all day, the bulk generation (idempotent, e-mails with the PDF attached in the
 * outbox), the PDF read back (text and QR code), the public verification page and the agent's space
 * link. Each test has days of its own, in 2016 (over: certificates can be made).
 */
@RencontresIntegrationTest
class CertificatesWebTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/[^\\s\"<]+)");

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private String unit;
    private String email;
    private String slug;
    private long dayId;
    private WebSession organiser;

    @BeforeEach
    void aDayAndItsOrganiser() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        unit = "INSET des attestations " + n;
        slug = new SessionCode("ZCRT " + n).slug();
        dayId = days.create(new DayDraft(new SessionCode("ZCRT " + n), "Journée des attestations", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 9, 20), LocalTime.of(9, 0), LocalTime.of(16, 30))), "Une journée de test.", null, null,
                null, false, null, unit, null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(dayId, 50, 48, false));
        email = "attestations." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Claude Certif", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private long confirmed(String givenName, String surname, String mail) {
        long id = registrations.request(dayId, new RequestDraft(surname, givenName, mail, "01 60 79 74 00", "Juriste",
                null, "Commune de Test-sur-Seine", null, null, null, Instant.parse("2016-06-10T10:00:00Z")));
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.confirm(id, "orga@cnfpt.fr");
        return id;
    }

    private void present(long registrationId, HalfDay half) {
        assertThat(attendances.checkIn(dayId, registrationId, CheckIn.plain(half, "Accueil")).kind())
                .isEqualTo(CheckInOutcome.Kind.RECORDED);
    }

    private String base() {
        return "/admin/journees/" + slug + "/attestations";
    }

    private static String mail(String who) {
        return who + "." + System.nanoTime() + "@test.fr";
    }

    /** Starts the bulk generation through its confirmation page and waits until the progress page says it is done. */
    private Document generate() throws Exception {
        Document confirm = organiser.page(base() + "/confirmation");
        assertThat(confirm.select("form[action=" + base() + "] button").text()).isEqualTo("Générer et envoyer les attestations");
        HttpResponse<String> started = organiser.submit(base() + "/confirmation", base(), Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(started)).endsWith(base());
        for (int i = 0; i < 600; i++) {
            Document page = organiser.page(base());
            // No timed reload (RGAA 13.1): the page polls quietly while the run goes on, and stops once it is over.
            assertThat(page.select("meta[http-equiv=refresh]")).isEmpty();
            if (!page.select(".certificates-state").text().startsWith("Génération en cours")) {
                assertThat(page.select("[data-hx-trigger]")).isEmpty();
                return page;
            }
            assertThat(page.select("#generation-suivi").attr("data-hx-trigger")).isEqualTo("every 2s");
            Thread.sleep(100);
        }
        throw new AssertionError("The generation did not finish");
    }

    private String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private String qr(byte[] pdf) throws Exception {
        return org.rencontres.QrInPdf.decode(pdf, 0);
    }

    @Test
    void hours_are_those_of_the_half_days_attended_and_someone_absent_all_day_gets_none() throws Exception {
        long morning = confirmed("Camille", "Matin", mail("camille"));
        long both = confirmed("Dominique", "Journée", mail("dominique"));
        long absent = confirmed("Eden", "Absent", mail("eden"));
        present(morning, HalfDay.MORNING);
        present(both, HalfDay.MORNING);
        present(both, HalfDay.AFTERNOON);

        HttpResponse<byte[]> m = organiser.getBytes(base() + "/inscriptions/" + morning + ".pdf");
        assertThat(m.statusCode()).isEqualTo(200);
        String morningText = pdfText(m.body());
        try (PDDocument doc = Loader.loadPDF(m.body())) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Attestation de présence de Camille Matin");
            assertThat(doc.getDocumentInformation().getSubject()).startsWith("Journée des attestations – code session ZCRT");
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo(unit);
        }
        // 09:00 to 13:00 (the default afternoon boundary): 4 hours.
        assertThat(morningText).contains("Camille Matin", "Commune de Test-sur-Seine", "Journée des attestations",
                "ZCRT", unit, "Matin de 09h00 à 13h00 4 h", "Total des heures de présence 4 h")
                .doesNotContain("Après-midi de");
        String both1 = pdfText(organiser.getBytes(base() + "/inscriptions/" + both + ".pdf").body());
        assertThat(both1).contains("Dominique Journée", "Matin de 09h00 à 13h00 4 h",
                "Après-midi de 13h00 à 16h30 3 h 30", "Total des heures de présence 7 h 30");
        assertThat(jdbc.sql("SELECT hours FROM attendance_certificate WHERE registration_id = ?").param(both)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("7.5");

        HttpResponse<byte[]> refused = organiser.getBytes(base() + "/inscriptions/" + absent + ".pdf");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Eden Absent n&#39;a été présent(e) à aucune demi-journée de cette journée");
        assertThat(jdbc.sql("SELECT count(*) FROM attendance_certificate WHERE registration_id = ?").param(absent)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void bulk_generation_is_idempotent_and_queues_one_email_per_participant_with_the_pdf() throws Exception {
        String camilleMail = mail("camille");
        long camille = confirmed("Camille", "Durand", camilleMail);
        long dominique = confirmed("Dominique", "Martin", mail("dominique"));
        long absent = confirmed("Eden", "Absent", mail("eden"));
        present(camille, HalfDay.MORNING);
        present(camille, HalfDay.AFTERNOON);
        present(dominique, HalfDay.AFTERNOON);

        Document status = organiser.page(base());
        assertThat(status.select(".certificates-counts").text())
                .isEqualTo("2 participant(s) présent(s), 0 attestation(s) délivrée(s), 2 à créer ou envoyer.");
        Document confirm = organiser.page(base() + "/confirmation");
        Document done = generate();
        assertThat(done.select(".certificates-state").text()).isEqualTo("Génération terminée : 2 sur 2.");
        HtmlChecker.assertValid("attendance-certificates", Map.of("status", status.outerHtml(),
                "confirm", confirm.outerHtml(), "done", done.outerHtml()));

        assertThat(jdbc.sql("SELECT count(*) FROM attendance_certificate WHERE event_day_id = ? AND emailed_at IS NOT NULL")
                .param(dayId).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM attendance_certificate WHERE registration_id = ?").param(absent)
                .query(Integer.class).single()).isZero();

        // The e-mail to Camille: the PDF attached, which names her, her hours and the certificate's code.
        String code = jdbc.sql("SELECT code FROM attendance_certificate WHERE registration_id = ?").param(camille)
                .query(String.class).single();
        assertThat(code).matches("[A-Za-z0-9_-]{24}");
        QueuedMails queued = new QueuedMails(jdbc);
        List<QueuedMail> outbox = queued.to(camilleMail, "Votre attestation");
        assertThat(outbox).hasSize(1);
        byte[] attached = queued.attachment(outbox.get(0).id(), "application/pdf");
        String text = pdfText(attached);
        assertThat(text).contains("Camille Durand", "Total des heures de présence 7 h 30", code);
        String body = outbox.get(0).text();
        assertThat(body).contains("7 h 30", "/attestations/verifier/" + code, "/attestations/" + code + ".pdf");

        // The QR code leads to the verification page, which says it is genuine.
        String url = qr(attached);
        assertThat(url).endsWith("/attestations/verifier/" + code);
        Matcher path = LINK.matcher(url);
        assertThat(path.matches()).isTrue();
        WebSession visitor = new WebSession(port);
        Document genuine = visitor.page(path.group(1));
        assertThat(genuine.select(".verify-genuine").text()).isEqualTo("Cette attestation de présence est authentique.");
        assertThat(genuine.select(".verify-details").text()).contains("Camille Durand", "Journée des attestations",
                "7 h 30", "matin, après-midi");

        // A second run adds nothing and sends nothing again.
        Document again = generate();
        assertThat(again.select(".certificates-state").text()).isEqualTo("Génération terminée : 0 sur 0.");
        assertThat(jdbc.sql("SELECT count(*) FROM attendance_certificate WHERE event_day_id = ?").param(dayId)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(queued.to(camilleMail, "Votre attestation")).hasSize(1);

        // Someone marked present afterwards: the next run makes only theirs.
        String edenMail = registrations.find(absent).orElseThrow().email();
        present(absent, HalfDay.MORNING);
        Document third = generate();
        assertThat(third.select(".certificates-state").text()).isEqualTo("Génération terminée : 1 sur 1.");
        assertThat(queued.to(edenMail, "Votre attestation")).hasSize(1);
        assertThat(queued.to(camilleMail, "Votre attestation")).hasSize(1);
    }

    @Test
    void walk_ins_who_gave_an_e_mail_get_a_certificate_like_registrants_and_those_who_gave_none_do_not() throws Exception {
        long camille = confirmed("Camille", "Durand", mail("camille"));
        present(camille, HalfDay.MORNING);
        String ninaMail = mail("nina");
        assertThat(attendances.checkInWalkIn(dayId, new WalkIn("Nouvel", "Nina", "Commune d'Ailleurs", ninaMail),
                CheckIn.plain(HalfDay.AFTERNOON, "Accueil")).kind()).isEqualTo(CheckInOutcome.Kind.RECORDED);
        assertThat(attendances.checkInWalkIn(dayId, new WalkIn("Sansmail", "Sam", "Commune d'Ici", ""),
                CheckIn.plain(HalfDay.MORNING, "Accueil")).kind()).isEqualTo(CheckInOutcome.Kind.RECORDED);

        Document status = organiser.page(base());
        assertThat(status.select(".certificates-counts").text())
                .isEqualTo("2 participant(s) présent(s), 0 attestation(s) délivrée(s), 2 à créer ou envoyer.");
        assertThat(status.select("ul[aria-labelledby=participants-titre] a").eachText())
                .anySatisfy(t -> assertThat(t).contains("Nina Nouvel"))
                .noneSatisfy(t -> assertThat(t).contains("Sam Sansmail"));
        Document done = generate();
        assertThat(done.select(".certificates-state").text()).isEqualTo("Génération terminée : 2 sur 2.");

        // Nina's e-mail, with her PDF: her name, her organisation, her afternoon (13h to 16h30).
        QueuedMails queued = new QueuedMails(jdbc);
        List<QueuedMail> sent = queued.to(ninaMail, "Votre attestation");
        assertThat(sent).hasSize(1);
        String code = jdbc.sql("SELECT code FROM attendance_certificate WHERE event_day_id = ? AND walk_in_id IS NOT NULL")
                .param(dayId).query(String.class).single();
        String text = pdfText(queued.attachment(sent.get(0).id(), "application/pdf"));
        assertThat(text).contains("Nina Nouvel", "Commune d'Ailleurs", "Total des heures de présence 3 h 30", code);
        assertThat(sent.get(0).text()).contains("3 h 30", "/attestations/verifier/" + code);
        Document genuine = new WebSession(port).page("/attestations/verifier/" + code);
        assertThat(genuine.select(".verify-genuine").text()).isEqualTo("Cette attestation de présence est authentique.");
        assertThat(genuine.select(".verify-details").text()).contains("Nina Nouvel", "après-midi");
        assertThat(new WebSession(port).getBytes("/attestations/" + code + ".pdf").statusCode()).isEqualTo(200);
        // The walk-in who gave no address has none.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM attendance_certificate c JOIN attendance_walk_in w ON w.id = c.walk_in_id
                WHERE w.day_id = ? AND w.surname = 'Sansmail'""").param(dayId).query(Integer.class).single()).isZero();

        // Her certificate from the organiser's list is the same one; a second run sends nothing again.
        String href = organiser.page(base()).select("ul[aria-labelledby=participants-titre] a:contains(Nina Nouvel)").attr("href");
        assertThat(href).contains("/sans-inscription/").endsWith(".pdf");
        HttpResponse<byte[]> one = organiser.getBytes(href);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(pdfText(one.body())).contains(code);
        assertThat(generate().select(".certificates-state").text()).isEqualTo("Génération terminée : 0 sur 0.");
        assertThat(queued.to(ninaMail, "Votre attestation")).hasSize(1);
    }

    @Test
    void an_unknown_code_is_not_a_certificate() throws Exception {
        HttpResponse<String> unknown = new WebSession(port).get("/attestations/verifier/AbCdEfGhIjKlMnOpQrStUvWx");
        assertThat(unknown.statusCode()).isEqualTo(404);
        Document page = org.jsoup.Jsoup.parse(unknown.body());
        assertThat(page.select(".verify-unknown").text())
                .isEqualTo("Aucune attestation ne correspond au code AbCdEfGhIjKlMnOpQrStUvWx.");
        assertThat(new WebSession(port).getBytes("/attestations/AbCdEfGhIjKlMnOpQrStUvWx.pdf").statusCode()).isEqualTo(404);
        HtmlChecker.assertValid("attendance-certificate-verify", Map.of("unknown", unknown.body()));
    }

    @Test
    void the_agents_space_offers_the_certificate_once_issued() throws Exception {
        String agentMail = mail("camille");
        long camille = confirmed("Camille", "Espace", agentMail);
        present(camille, HalfDay.AFTERNOON);
        String space = AgentSpaces.pathOf(jdbc, agentMail);
        // (This test's day is in 2016, so its links have expired: give them a day more.)
        AgentSpaces.keepOpen(jdbc, camille);
        WebSession agent = new WebSession(port);
        assertThat(agent.page(space).select("a:contains(Télécharger mon attestation de présence)")).isEmpty();

        generate();
        String code = jdbc.sql("SELECT code FROM attendance_certificate WHERE registration_id = ?").param(camille)
                .query(String.class).single();
        Document withCertificate = agent.page(space);
        assertThat(withCertificate.select("a:contains(Télécharger mon attestation de présence)").attr("href"))
                .isEqualTo("/attestations/" + code + ".pdf");
        HttpResponse<byte[]> pdf = agent.getBytes("/attestations/" + code + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdfText(pdf.body())).contains("Camille Espace", "Après-midi de 13h00 à 16h30 3 h 30", code);
    }
}
