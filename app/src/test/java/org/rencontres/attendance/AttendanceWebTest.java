package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSignatures;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditEntry;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
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
 * The welcome desk over real HTTP, signed in as the day's organiser: check-in by search, by the QR
 * code of a real convocation (read back from its PDF), every bad input refused in French with
 * nothing recorded, two desks at once, a queued check-in sent twice, walk-ins, signatures and
 * corrections with their audit entry. Each test works on days of its own (drafts in 2016: never in
 * the public catalogue).
 */
@RencontresIntegrationTest
class AttendanceWebTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    private String unit;
    private String email;
    private String slug;
    private long dayId;
    private WebSession organiser;

    @BeforeEach
    void aDayAndItsOrganiser() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        unit = "INSET de l'accueil " + n;
        slug = new SessionCode("ZATT " + n).slug();
        dayId = day("ZATT " + n);
        email = "accueil." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Alice Accueil", Role.ORGANISER, unit, PASSWORD));
        organiser = signedIn();
    }

    private WebSession signedIn() throws Exception {
        WebSession session = new WebSession(port);
        session.signIn(email, PASSWORD);
        return session;
    }

    private long day(String code) {
        long id = days.create(new DayDraft(new SessionCode(code), "Journée de l'accueil", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 6, 14), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null,
                null, false, null, unit, null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(id, 50, 48, false));
        return id;
    }

    private long requested(long day, String givenName, String surname, String employer) {
        return registrations.request(day, new RequestDraft(surname, givenName,
                givenName.toLowerCase() + "." + System.nanoTime() + "@test.fr", "01 60 79 74 00", "Juriste", null,
                employer, null, null, null, Instant.parse("2016-01-10T10:00:00Z")));
    }

    private long confirmed(long day, String givenName, String surname, String employer) {
        long id = requested(day, givenName, surname, employer);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.confirm(id, "orga@cnfpt.fr");
        return id;
    }

    private String desk() {
        return "/admin/journees/" + slug + "/accueil";
    }

    private String desk(String query) {
        return desk() + "?" + query;
    }

    private int rows() {
        return jdbc.sql("SELECT count(*) FROM attendance WHERE day_id = ?").param(dayId).query(Integer.class).single();
    }

    private int rows(long registrationId, String half) {
        return jdbc.sql("SELECT count(*) FROM attendance WHERE registration_id = ? AND half_day = ?")
                .params(registrationId, half).query(Integer.class).single();
    }

    private Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Follows the redirect after a post and reads the page it leads to. */
    private Document after(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return organiser.page(WebSession.location(response));
    }

    /** The QR code of the registration's convocation, as a phone would read it from the PDF. */
    private String qrCode(String daySlug, long registrationId) throws Exception {
        HttpResponse<byte[]> pdf = organiser.getBytes("/admin/journees/" + daySlug + "/inscriptions/" + registrationId
                + "/convocation.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        return org.rencontres.QrInPdf.decode(pdf.body(), 0);
    }

    @Test
    void a_confirmed_person_found_by_name_is_marked_present_once_per_half_day() throws Exception {
        long camille = confirmed(dayId, "Camille", "Durand", "Commune de Test-sur-Seine");
        long requested = requested(dayId, "Dominique", "Durand-Attente", "Commune de Test-sur-Seine");

        Document search = organiser.page(desk("demi=matin&q=durand"));
        assertThat(search.select(".desk-counts").text()).isEqualTo("Aucun présent sur 1 attendu.");
        assertThat(search.select(".desk-results li")).hasSize(2);
        assertThat(search.select(".desk-results li[data-ref=inscription-" + requested + "] .desk-unconfirmed").text())
                .isEqualTo("Inscription non confirmée (demandée) : pas de présence possible.");
        assertThat(search.select(".desk-results li[data-ref=inscription-" + requested + "] form")).isEmpty();
        assertThat(search.select(".desk-results li[data-ref=inscription-" + camille + "] button").text())
                .isEqualTo("Présent : Camille Durand");
        // The search ignores case and accents, and also finds the organisation.
        assertThat(organiser.page(desk("demi=matin&q=TEST-SUR-SEINE")).select(".desk-results li")).hasSize(2);
        assertThat(organiser.page(desk("demi=matin&q=camille+durand")).select(".desk-results li")).hasSize(1);

        Document done = after(organiser.submit(desk("demi=matin&q=durand"), desk() + "/presence",
                fields("demi", "matin", "q", "durand", "personne", String.valueOf(camille))));
        assertThat(done.select(".notice[role=status]").text()).matches("Camille Durand : présence enregistrée à \\d\\d:\\d\\d\\.");
        assertThat(done.select(".desk-results li[data-ref=inscription-" + camille + "] .desk-present").text())
                .matches("Présent à \\d\\d:\\d\\d");
        assertThat(done.select(".desk-counts").text()).isEqualTo("1 présent sur 1 attendu.");
        assertThat(rows(camille, "MORNING")).isEqualTo(1);

        // A second check-in (another desk's stale page) changes nothing and says when the first was.
        Document again = after(organiser.submit(desk("demi=matin"), desk() + "/presence",
                fields("demi", "matin", "personne", String.valueOf(camille))));
        assertThat(again.select("[role=alert]").text()).matches("Camille Durand : déjà enregistré à \\d\\d:\\d\\d\\. Rien n'a changé\\.");
        assertThat(rows(camille, "MORNING")).isEqualTo(1);

        // The afternoon is another half-day.
        after(organiser.submit(desk("demi=apres-midi"), desk() + "/presence",
                fields("demi", "apres-midi", "personne", String.valueOf(camille))));
        assertThat(rows(camille, "AFTERNOON")).isEqualTo(1);

        HtmlChecker.assertValid("attendance-desk", Map.of("search", search.outerHtml(), "done", done.outerHtml(),
                "again", again.outerHtml(), "empty", organiser.get(desk()).body()));
    }

    @Test
    void the_qr_code_of_a_convocation_checks_its_person_in() throws Exception {
        long camille = confirmed(dayId, "Camille", "Scan", "Ville de Code");
        String code = qrCode(slug, camille);
        assertThat(code).startsWith("RENCONTRES:");

        Document done = after(organiser.submit(desk("demi=matin"), desk() + "/code", fields("demi", "matin", "code", code)));
        assertThat(done.select(".notice[role=status]").text()).startsWith("Camille Scan : présence enregistrée à ");
        assertThat(rows(camille, "MORNING")).isEqualTo(1);

        HttpResponse<String> second = organiser.submit(desk("demi=matin"), desk() + "/code",
                fields("demi", "matin", "code", "  " + code + "\n"));
        assertThat(second.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(second.body());
        assertThat(page.select("#code-erreur").text()).matches("Camille Scan : déjà enregistré à \\d\\d:\\d\\d\\. Rien n'a changé\\.");
        assertThat(page.select("#code").attr("aria-describedby")).contains("code-erreur");
        assertThat(page.select("#erreurs a[href=#code]").text()).isEqualTo(page.select("#code-erreur").text());
        assertThat(rows()).isEqualTo(1);
        HtmlChecker.assertValid("attendance-code", Map.of("error", second.body()));
    }

    @Test
    void every_bad_check_in_is_refused_in_french_and_records_nothing() throws Exception {
        long camille = confirmed(dayId, "Camille", "Refus", "Ville de Refus");
        long waiting = requested(dayId, "Dominique", "Attente", "Ville de Refus");
        String code = qrCode(slug, camille);
        long otherDay = day("ZATO " + System.nanoTime() % 100_000_000);
        long elsewhere = confirmed(otherDay, "Eve", "Ailleurs", "Ville d'Ailleurs");
        String otherSlug = days.find(otherDay).orElseThrow().sessionCode().slug();
        String otherCode = qrCode(otherSlug, elsewhere);

        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("", "Scannez ou saisissez le code QR de la convocation.");
        codes.put("n'importe quoi", "Code inconnu ou altéré : ce n'est pas le code QR d'une convocation. Rien n'a été enregistré.");
        String altered = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");
        codes.put(altered, "Code inconnu ou altéré : ce n'est pas le code QR d'une convocation. Rien n'a été enregistré.");
        String[] parts = code.split(":");
        codes.put(parts[0] + ":" + parts[1] + ":" + waiting + ":" + parts[3],
                "Code inconnu ou altéré : ce n'est pas le code QR d'une convocation. Rien n'a été enregistré.");
        codes.put(otherCode, "Eve Ailleurs : ce code QR est celui d'une convocation pour une autre journée. Rien n'a été enregistré.");
        for (Map.Entry<String, String> bad : codes.entrySet()) {
            HttpResponse<String> response = organiser.submit(desk(), desk() + "/code",
                    fields("demi", "matin", "code", bad.getKey()));
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(200);
            assertThat(Jsoup.parse(response.body()).select("#code-erreur").text()).as(bad.getKey()).isEqualTo(bad.getValue());
        }

        Map<String, String> people = new LinkedHashMap<>();
        people.put(String.valueOf(waiting), "Dominique Attente : l'inscription n'est pas confirmée. Rien n'a été enregistré.");
        people.put(String.valueOf(elsewhere), "Eve Ailleurs : ce code QR est celui d'une convocation pour une autre journée. Rien n'a été enregistré.");
        people.put("999999999999", "Cette personne n'est pas inscrite à la journée. Rien n'a été enregistré.");
        people.put("abc", "Cette personne n'est pas inscrite à la journée. Rien n'a été enregistré.");
        for (Map.Entry<String, String> bad : people.entrySet()) {
            Document page = after(organiser.submit(desk(), desk() + "/presence", fields("demi", "matin", "personne", bad.getKey())));
            assertThat(page.select("[role=alert]").text()).as(bad.getKey()).isEqualTo(bad.getValue());
        }

        // A signature was asked and the pad left empty (nothing, or a blank image), or something else was sent.
        for (String signature : List.of("", TestSignatures.png(false), "data:image/png;base64,pas-une-image")) {
            Document page = after(organiser.submit(desk(), desk() + "/presence", fields("demi", "matin",
                    "personne", String.valueOf(camille), "signatureDemandee", "oui", "signature", signature)));
            assertThat(page.select("[role=alert]").text()).startsWith("Camille Refus : la signature ");
        }

        // A walk-in without a name, or with a wrong address: errors next to the fields.
        HttpResponse<String> walkIn = organiser.submit(desk(), desk() + "/sans-inscription",
                fields("demi", "matin", "nom", " ", "prenom", "", "organisation", "", "courriel", "pas une adresse"));
        assertThat(walkIn.statusCode()).isEqualTo(200);
        Document form = Jsoup.parse(walkIn.body());
        assertThat(form.select("#nom-erreur").text()).isEqualTo("Saisissez le nom de la personne.");
        assertThat(form.select("#prenom-erreur").text()).isEqualTo("Saisissez le prénom de la personne.");
        assertThat(form.select("#courriel-erreur").text()).startsWith("Saisissez une adresse électronique valide");
        assertThat(form.select("#courriel").val()).isEqualTo("pas une adresse");
        assertThat(form.select("#erreurs li")).hasSize(3);

        assertThat(rows()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM attendance_walk_in WHERE day_id = ?").param(dayId).query(Integer.class).single()).isZero();
        HtmlChecker.assertValid("attendance-errors", Map.of("walk-in", walkIn.body()));
    }

    @Test
    void two_desks_checking_the_same_person_in_at_once_record_one_presence() throws Exception {
        long camille = confirmed(dayId, "Camille", "Ensemble", "Ville des Deux");
        List<WebSession> desks = List.of(organiser, signedIn(), signedIn(), signedIn());
        List<String> tokens = new ArrayList<>();
        for (WebSession d : desks) {
            tokens.add(d.page(desk()).select("input[name=_csrf]").attr("value"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(desks.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < desks.size(); i++) {
            WebSession d = desks.get(i);
            String token = tokens.get(i);
            sent.add(pool.submit(() -> {
                start.await();
                return d.post(desk() + "/presence", fields("demi", "matin", "personne", String.valueOf(camille),
                        "_csrf", token)).statusCode();
            }));
        }
        start.countDown();
        for (Future<Integer> f : sent) {
            assertThat(f.get()).isEqualTo(302);
        }
        pool.shutdown();
        assertThat(rows(camille, "MORNING")).isEqualTo(1);
    }

    /** Sends the offline queue as checkin.js does: JSON, with the page's CSRF token in a header. */
    private HttpResponse<String> sync(WebSession session, String json, boolean withToken) throws Exception {
        Document page = session.page(desk());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + desk() + "/synchronisation"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Cookie", "JSESSIONID=" + session.sessionId())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withToken) {
            request.header(page.select("meta[name=csrf-header]").attr("content"), page.select("meta[name=csrf-token]").attr("content"));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_queued_check_in_sent_again_with_its_key_is_recorded_once() throws Exception {
        long camille = confirmed(dayId, "Camille", "Hors-Ligne", "Ville du Réseau");
        String key = UUID.randomUUID().toString();
        String walkInKey = UUID.randomUUID().toString();
        String queue = """
                [{"cle":"%s","type":"inscription","personne":"%d","demi":"matin","moment":%d},
                 {"cle":"%s","type":"sans-inscription","demi":"matin","nom":"Sans","prenom":"Réseau","organisation":"Ville"},
                 {"cle":"pas-une-cle","type":"inscription","personne":"%d","demi":"matin"}]"""
                .formatted(key, camille, System.currentTimeMillis() - 60_000, walkInKey, camille);

        assertThat(sync(organiser, queue, false).statusCode()).isEqualTo(403);
        assertThat(rows()).isZero();

        HttpResponse<String> first = sync(organiser, queue, true);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"cle\":\"" + key + "\",\"status\":\"RECORDED\",\"recorded\":true")
                .contains("\"cle\":\"" + walkInKey + "\",\"status\":\"RECORDED\"")
                .contains("\"cle\":\"pas-une-cle\",\"status\":\"INVALID\",\"recorded\":false");
        // The connection dropped before the answer arrived: the desk sends the same queue again, from another session.
        HttpResponse<String> again = sync(signedIn(), queue, true);
        assertThat(again.body()).contains("\"cle\":\"" + key + "\",\"status\":\"REPLAYED\",\"recorded\":true")
                .contains("\"cle\":\"" + walkInKey + "\",\"status\":\"REPLAYED\"");
        assertThat(rows(camille, "MORNING")).isEqualTo(1);
        assertThat(rows()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM attendance_walk_in WHERE day_id = ?").param(dayId).query(Integer.class).single()).isEqualTo(1);

        // The same key through the plain form is answered the same way.
        Document form = after(organiser.submit(desk(), desk() + "/presence",
                fields("demi", "matin", "personne", String.valueOf(camille), "cle", key)));
        assertThat(form.select(".notice[role=status]").text()).startsWith("Camille Hors-Ligne : présence déjà reçue");
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void a_walk_in_is_added_flagged_and_present() throws Exception {
        confirmed(dayId, "Camille", "Inscrite", "Ville Inscrite");
        Document done = after(organiser.submit(desk(), desk() + "/sans-inscription", fields("demi", "apres-midi",
                "nom", "Venue", "prenom", "Sophie", "organisation", "Syndicat des eaux", "courriel", "")));
        assertThat(done.select(".notice[role=status]").text()).startsWith("Sophie Venue : présence enregistrée à ");
        assertThat(done.select(".desk-counts").text()).isEqualTo("1 présent sur 1 attendu (dont 1 sans inscription).");

        Document list = organiser.page("/admin/journees/" + slug + "/presences?demi=apres-midi");
        // One line a person, by name, with their morning and afternoon; the day's counts.
        assertThat(list.select("table[aria-labelledby=liste-titre] tbody th").eachText())
                .containsExactly("Inscrite Camille", "Venue Sophie sans inscription");
        assertThat(list.select("tr[data-ref^=sans-inscription] td.attendance-half").eachText().get(1))
                .startsWith("présent à ");
        assertThat(list.select(".attendance-counts li").eachText().stream().map(t -> t.replace('\u00a0', ' ')))
                .contains("Après-midi (13:00 – 17:00) : 1 présent", "Absents toute la journée : 1", "Sans inscription : 1");
        assertThat(organiser.page(desk("demi=apres-midi&q=syndicat")).select(".desk-results li .flag").text())
                .isEqualTo("sans inscription");
        // attendance/parts :: styles, in the layout's head: once on the list, once on the desk among its own head elements.
        assertThat(list.select("head link[rel=stylesheet][href=/css/attendance.css]")).hasSize(1);
        assertThat(organiser.page(desk()).select("head link[rel=stylesheet][href=/css/attendance.css]")).hasSize(1);
        HtmlChecker.assertValid("attendance-list", Map.of("list", list.outerHtml()));
    }

    @Test
    void a_signature_is_kept_with_its_time() throws Exception {
        long camille = confirmed(dayId, "Camille", "Signe", "Ville Signée");
        Document done = after(organiser.submit(desk(), desk() + "/presence", fields("demi", "matin",
                "personne", String.valueOf(camille), "signatureDemandee", "oui", "signature", TestSignatures.png(true))));
        assertThat(done.select(".notice[role=status]").text()).startsWith("Camille Signe : présence enregistrée");
        long presence = jdbc.sql("SELECT id FROM attendance WHERE registration_id = ? AND signed_at IS NOT NULL")
                .param(camille).query(Long.class).single();

        Document list = organiser.page("/admin/journees/" + slug + "/presences?demi=matin");
        String link = list.select("a[href$=signature.png]").attr("href");
        assertThat(link).endsWith("/presences/" + presence + "/signature.png");
        assertThat(list.select("a[href$=signature.png]").text()).matches("Signature de Camille Signe \\(\\d\\d:\\d\\d\\)");
        HttpResponse<byte[]> image = organiser.getBytes(link);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(image.body())).getWidth()).isEqualTo(300);
    }

    @Test
    void an_organiser_corrects_attendance_with_a_reason_that_goes_to_the_audit_trail() throws Exception {
        long camille = confirmed(dayId, "Camille", "Corrigée", "Ville Corrigée");
        after(organiser.submit(desk(), desk() + "/presence", fields("demi", "matin", "personne", String.valueOf(camille))));
        String list = "/admin/journees/" + slug + "/presences?demi=matin";
        String correction = "/admin/journees/" + slug + "/presences/correction";
        String absentPage = correction + "?demi=matin&personne=inscription-" + camille + "&etat=absent";
        assertThat(organiser.page(list).select("a[href=" + absentPage + "]").text()).isEqualTo("Marquer Camille Corrigée absent le matin");
        Document confirm = organiser.page(absentPage);
        assertThat(confirm.select("h1").text()).isEqualTo("Marquer Camille Corrigée absent");

        HttpResponse<String> noReason = organiser.submit(absentPage, correction,
                fields("demi", "matin", "personne", "inscription-" + camille, "etat", "absent", "motif", "  "));
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(noReason.body()).select("#motif-erreur").text()).isEqualTo("Indiquez le motif de la correction.");
        assertThat(rows(camille, "MORNING")).isEqualTo(1);

        Document done = after(organiser.submit(absentPage, correction, fields("demi", "matin",
                "personne", "inscription-" + camille, "etat", "absent", "motif", "Badge pris pour une collègue")));
        assertThat(done.select(".notice[role=status]").text()).isEqualTo("Camille Corrigée est marqué absent.");
        assertThat(rows(camille, "MORNING")).isZero();
        assertThat(audit.of(dayId)).extracting(AuditEntry::details)
                .contains("Inscription n° " + camille + " (Camille Corrigée), matin marqué absent : Badge pris pour une collègue");

        String presentPage = correction + "?demi=matin&personne=inscription-" + camille + "&etat=present";
        Document back = after(organiser.submit(presentPage, correction, fields("demi", "matin",
                "personne", "inscription-" + camille, "etat", "present", "motif", "Arrivée par l'entrée des intervenants")));
        assertThat(back.select(".notice[role=status]").text()).isEqualTo("Camille Corrigée est marqué présent.");
        assertThat(back.select("table[aria-labelledby=liste-titre] tbody td .desk-correction").text())
                .isEqualTo("(corrigé : Arrivée par l'entrée des intervenants)");
        assertThat(rows(camille, "MORNING")).isEqualTo(1);
        AuditEntry last = audit.of(dayId).get(0);
        assertThat(last.actor()).isEqualTo("Alice Accueil");
        assertThat(last.details()).endsWith("marqué présent : Arrivée par l'entrée des intervenants");

        assertThat(organiser.get(correction + "?demi=matin&personne=inscription-999999999&etat=present").statusCode()).isEqualTo(404);
        assertThat(confirm.select("head link[rel=stylesheet][href=/css/attendance.css]")).hasSize(1);
        HtmlChecker.assertValid("attendance-correction", Map.of("confirm", confirm.outerHtml(), "error", noReason.body(),
                "list", back.outerHtml()));
    }

    @Test
    void the_afternoon_boundary_is_a_setting_of_the_day() throws Exception {
        String list = "/admin/journees/" + slug + "/presences?demi=matin";
        String action = "/admin/journees/" + slug + "/presences/apres-midi";
        HttpResponse<String> wrong = organiser.submit(list, action, fields("demi", "matin", "apresMidi", "18h"));
        assertThat(Jsoup.parse(wrong.body()).select("#apresMidi-erreur").text()).isEqualTo("Saisissez une heure entre 09:00 et 17:00, par exemple 13:30.");
        Document done = after(organiser.submit(list, action, fields("demi", "matin", "apresMidi", "12h30")));
        assertThat(done.select(".notice[role=status]").text()).isEqualTo("L'après-midi commence désormais à 12:30.");
        assertThat(done.select(".attendance-counts li").eachText().stream().map(t -> t.replace('\u00a0', ' ')))
                .contains("Matin (09:00 – 12:30) : aucun présent", "Après-midi (12:30 – 17:00) : aucun présent");
        HtmlChecker.assertValid("attendance-afternoon", Map.of("error", wrong.body()));
    }
}
