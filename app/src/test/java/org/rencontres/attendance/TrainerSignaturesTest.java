package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import org.rencontres.TestSessions;
import org.rencontres.TestSignatures;
import org.rencontres.WebSession;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewPerson;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.programme.SlotPersonDraft;
import org.rencontres.programme.SlotRole;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trainers sign the attendance sheet per half-day (issue 17, point 6), over real HTTP on the real
 * PostgreSQL: at the welcome desk (only a trainer of that half-day, once), from their own e-mailed link
 * (valid, expired, another session's refused), and on the sheet PDF read back with PDFBox (the trainer
 * on the half-day they work, not on the other; a session without trainers keeps its one box to sign).
 */
@RencontresIntegrationTest
class TrainerSignaturesTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired Programmes programmes;
    @Autowired Attendances attendances;
    @Autowired TrainerSignatures trainers;
    @Autowired JdbcClient jdbc;

    private long n;
    private String unit;
    private WebSession organiser;

    @BeforeEach
    void anOrganiser() throws Exception {
        n = System.nanoTime() % 100_000_000;
        unit = "INSET des intervenants " + n;
        organiser = TestSessions.organiser(accounts, port, "intervenants." + n + "@cnfpt.fr", "Inès Intervenants", unit);
    }

    private record Session(long id, String slug, long sessionDayId) {
    }

    private Session session(String prefix, SessionDayDraft day) {
        SessionCode code = new SessionCode(prefix + " " + n);
        long id = TestSessions.session(days, registrations, code, "Journée des intervenants", unit, day);
        TestSessions.confirmed(registrations, id, "Camille", "Stagiaire");
        return new Session(id, code.slug(), days.days(id).orElseThrow().first().id());
    }

    private long trainer(String givenName, String familyName) {
        return directory.addPerson(new NewPerson(givenName, familyName + " " + n, "Juriste", null,
                givenName.toLowerCase() + "." + n + "@intervenant.fr", null)).id();
    }

    private void slot(Session s, LocalTime from, LocalTime to, long person, SlotRole role) {
        programmes.addSlot(s.id(), new SlotDraft(s.sessionDayId(), from, to, SlotKind.TALK, null, "Exposé " + from,
                null, null, false, false, List.of(), List.of(new SlotPersonDraft(person, role, null, null, null))));
    }

    private int signatures(long dayId, Long personId) {
        return jdbc.sql("SELECT count(*) FROM attendance_trainer_signature WHERE day_id = ? AND (?::bigint IS NULL OR person_id = ?)")
                .params(dayId, personId, personId).query(Integer.class).single();
    }

    private String sheet(Session s, String demi) throws Exception {
        HttpResponse<byte[]> response = organiser.getBytes("/admin/journees/" + s.slug() + "/presences/emargement.pdf?demi="
                + demi + "&mode=rempli");
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** A 2016 day: the morning speaker signs at the desk; the afternoon host may not sign the morning. */
    @Test
    void aTrainerSignsAtTheDeskAndTheSheetShowsThemOnTheirHalfDayOnly() throws Exception {
        Session s = session("ZINT", new SessionDayDraft(LocalDate.of(2016, 6, 21), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        long morning = trainer("Mathilde", "Matinale");
        long afternoon = trainer("Paul", "Vespéral");
        slot(s, LocalTime.of(9, 30), LocalTime.of(11, 0), morning, SlotRole.SPEAKER);
        slot(s, LocalTime.of(14, 0), LocalTime.of(16, 0), afternoon, SlotRole.HOST);
        String desk = "/admin/journees/" + s.slug() + "/accueil?demi=matin";

        Document page = organiser.page(desk);
        assertThat(page.select(".desk-trainers li").eachText()).singleElement().asString().contains("Mathilde Matinale");
        assertThat(page.select(".desk-trainers form.trainer-form button").text()).contains("Faire signer");

        HttpResponse<String> refused = organiser.submit(desk, "/admin/journees/" + s.slug() + "/accueil/intervenant",
                Map.of("demi", "matin", "personne", String.valueOf(afternoon), "signature", TestSignatures.png()));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(signatures(s.id(), null)).isZero();

        organiser.submit(desk, "/admin/journees/" + s.slug() + "/accueil/intervenant",
                Map.of("demi", "matin", "personne", String.valueOf(morning), "signature", ""));
        assertThat(signatures(s.id(), null)).as("an empty signature is refused").isZero();

        HttpResponse<String> signed = organiser.submit(desk, "/admin/journees/" + s.slug() + "/accueil/intervenant",
                Map.of("demi", "matin", "personne", String.valueOf(morning), "signature", TestSignatures.png()));
        assertThat(signed.statusCode()).isEqualTo(302);
        assertThat(signatures(s.id(), morning)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT via || ' ' || recorded_by FROM attendance_trainer_signature WHERE day_id = ?")
                .param(s.id()).query(String.class).single()).isEqualTo("DESK Inès Intervenants");
        assertThat(organiser.page(desk).select(".desk-trainers li").text()).contains("a signé à");

        organiser.submit(desk, "/admin/journees/" + s.slug() + "/accueil/intervenant",
                Map.of("demi", "matin", "personne", String.valueOf(morning), "signature", TestSignatures.png()));
        assertThat(signatures(s.id(), morning)).as("once per half-day").isEqualTo(1);

        String am = sheet(s, "matin");
        assertThat(am).contains("Intervenants").contains("Mathilde Matinale " + n).contains("signé à")
                .doesNotContain("Paul Vespéral");
        String pm = sheet(s, "apres-midi");
        assertThat(pm).contains("Intervenants").contains("Paul Vespéral " + n).doesNotContain("Mathilde Matinale");
        assertThat(pm).as("the afternoon host has not signed").doesNotContain("signé à");
        assertThat(sheet(s, "journee")).as("the whole-day sheet has both, each under their half-day")
                .contains("Mathilde Matinale " + n).contains("Paul Vespéral " + n);
    }

    @Test
    void aSessionWithoutTrainersKeepsItsOneBoxToSign() throws Exception {
        Session s = session("ZSANS", new SessionDayDraft(LocalDate.of(2016, 6, 22), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        String text = sheet(s, "matin");
        assertThat(text).contains("Signature du formateur ou de l").contains("Stagiaire Camille")
                .doesNotContain("Intervenants");
        assertThat(organiser.page("/admin/journees/" + s.slug() + "/accueil?demi=matin").select(".desk-trainers").text())
                .contains("Aucun intervenant");
    }

    /** Today's session: the link e-mailed to the trainer signs the half-day in progress, once. */
    @Test
    void aTrainerSignsFromTheLinkTheyWereSent() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Session s = session("ZLIEN", new SessionDayDraft(today, LocalTime.of(0, 0), LocalTime.of(23, 59)));
        long speaker = trainer("Lina", "Lien");
        slot(s, LocalTime.of(0, 0), LocalTime.of(23, 59), speaker, SlotRole.SPEAKER);

        HttpResponse<String> sent = organiser.submit("/admin/journees/" + s.slug() + "/accueil",
                "/admin/journees/" + s.slug() + "/accueil/liens-intervenants", Map.of());
        assertThat(sent.statusCode()).isEqualTo(302);
        String body = jdbc.sql("SELECT text_body FROM notification_outbox WHERE recipient = ?")
                .param("lina." + n + "@intervenant.fr").query(String.class).single();
        Matcher m = Pattern.compile("https?://\\S+(/emargement/\\S+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        String link = m.group(1);
        assertThat(jdbc.sql("SELECT count(*) FROM attendance_trainer_link WHERE key_sha256 LIKE '%' || ? || '%'")
                .param(link.substring(link.lastIndexOf('/') + 1)).query(Integer.class).single())
                .as("only the key's digest is stored").isZero();

        WebSession trainerBrowser = new WebSession(port);
        Document page = trainerBrowser.page(link);
        assertThat(page.select(".trainer-who").text()).contains("Lina Lien");
        assertThat(page.select("form.trainer-sign canvas")).hasSize(1);
        trainerBrowser.submit(link, link, Map.of("signature", TestSignatures.png()));
        SessionHalfDay now = trainers.halfDayNow(s.id()).orElseThrow();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM attendance_trainer_signature WHERE day_id = ? AND person_id = ? AND half_day = ?
                AND via = 'LINK'""").params(s.id(), speaker, now.half().name()).query(Integer.class).single()).isEqualTo(1);
        assertThat(trainerBrowser.page(link).select("form.trainer-sign")).isEmpty();
        assertThat(trainerBrowser.page(link).text()).contains("déjà signé");
    }

    @Test
    void anExpiredLinkAndAnotherSessionsLinkSignNothing() throws Exception {
        Session past = session("ZFINI", new SessionDayDraft(LocalDate.of(2016, 6, 23), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        long speaker = trainer("Éloi", "Expiré");
        slot(past, LocalTime.of(9, 0), LocalTime.of(17, 0), speaker, SlotRole.MODERATOR);
        String key = trainers.issueLink(past.id(), speaker);
        WebSession browser = new WebSession(port);
        HttpResponse<String> expired = browser.get(TrainerSignatures.path(past.slug(), key));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expiré");

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Session other = session("ZAUTRE", new SessionDayDraft(today, LocalTime.of(0, 0), LocalTime.of(23, 59)));
        slot(other, LocalTime.of(0, 0), LocalTime.of(23, 59), speaker, SlotRole.SPEAKER);
        String otherPath = TrainerSignatures.path(other.slug(), key);
        assertThat(browser.get(otherPath).statusCode()).as("a key is bound to its session").isEqualTo(404);
        String valid = trainers.issueLink(other.id(), speaker);
        String csrf = browser.page(TrainerSignatures.path(other.slug(), valid)).select("input[name=_csrf]").attr("value");
        HttpResponse<String> posted = browser.post(otherPath, Map.of("_csrf", csrf, "signature", TestSignatures.png()));
        assertThat(posted.statusCode()).isEqualTo(404);
        assertThat(browser.get(TrainerSignatures.path(other.slug(), "A".repeat(24))).statusCode()).isEqualTo(404);
        assertThat(signatures(other.id(), null)).isZero();
        assertThat(signatures(past.id(), null)).isZero();

        assertThat(browser.get(TrainerSignatures.path(other.slug(), valid)).statusCode()).isEqualTo(200);
        assertThat(trainers.link(other.id(), valid)).hasValueSatisfying(l -> assertThat(l.expired()).isFalse());
    }

    @Test
    void theDeskAndTheSigningPageAreValidHtml() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Session s = session("ZHTML", new SessionDayDraft(today, LocalTime.of(0, 0), LocalTime.of(23, 59)));
        long speaker = trainer("Hugo", "Valide");
        slot(s, LocalTime.of(0, 0), LocalTime.of(23, 59), speaker, SlotRole.SPEAKER);
        String link = TrainerSignatures.path(s.slug(), trainers.issueLink(s.id(), speaker));
        HtmlChecker.assertValid("trainers", Map.of(
                "desk", organiser.get("/admin/journees/" + s.slug() + "/accueil").body(),
                "signing page", new WebSession(port).get(link).body()));
    }
}
