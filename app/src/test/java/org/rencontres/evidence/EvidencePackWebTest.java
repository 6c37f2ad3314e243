package org.rencontres.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.TestSignatures;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.CheckInOutcome;
import org.rencontres.attendance.HalfDay;
import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewPerson;
import org.rencontres.event.Days;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.PublicInformation;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.programme.SlotPersonDraft;
import org.rencontres.programme.SlotRole;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.shared.Secrets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The evidence pack of a session over real HTTP, unpacked and read back: the public information, one
 * convocation per confirmed registration, the filled sheet of each half-day naming who was present and
 * the trainer who signed, the certificates, the approval trail of every registration, the e-mail log,
 * and a manifest whose SHA-256 match the files and which says what is missing; a session with nothing
 * yet still gives a pack that says so; another unit's organiser is refused; each download is audited.
 */
@RencontresIntegrationTest
class EvidencePackWebTest {

    private static final Pattern LINE = Pattern.compile("^([0-9a-f]{64})  (.+)$", Pattern.MULTILINE);

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Attendances attendances;
    @Autowired Directory directory;
    @Autowired Programmes programmes;
    @Autowired PublicInformation publicInformation;
    @Autowired AuditTrail audit;

    private long n;
    private String unit;
    private WebSession organiser;

    @BeforeEach
    void anOrganiser() throws Exception {
        n = System.nanoTime() % 100_000_000;
        unit = "INSET des preuves " + n;
        organiser = TestSessions.organiser(accounts, port, "preuves." + n + "@cnfpt.fr", "Paule Preuves", unit);
    }

    private record Session(long id, String slug) {
    }

    /** A session on Tuesday 21 June 2016 (over), 9h–17h. */
    private Session session(String prefix) {
        SessionCode code = new SessionCode(prefix + " " + n);
        long id = TestSessions.session(days, registrations, code, "Journée des preuves", unit,
                new SessionDayDraft(LocalDate.of(2016, 6, 21), LocalTime.of(9, 0), LocalTime.of(17, 0)));
        return new Session(id, code.slug());
    }

    private Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private Map<String, byte[]> pack(Session s) throws Exception {
        HttpResponse<byte[]> response = organiser.getBytes("/admin/journees/" + s.slug() + "/preuves.zip");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("dossier-de-preuves-" + s.slug() + ".zip");
        return unzip(response.body());
    }

    /** The manifest lists every other file once with its SHA-256, and each digest is that of the file. */
    private String checkedManifest(Map<String, byte[]> files) {
        String manifest = new String(files.get("manifeste.txt"), StandardCharsets.UTF_8);
        Map<String, String> listed = new LinkedHashMap<>();
        Matcher m = LINE.matcher(manifest);
        while (m.find()) {
            listed.put(m.group(2), m.group(1));
        }
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(files.keySet().stream()
                .filter(name -> !name.equals("manifeste.txt")).toList());
        listed.forEach((path, sha) -> assertThat(Secrets.sha256Hex(files.get(path))).as(path).isEqualTo(sha));
        return manifest;
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[\\s\\u00a0]+", " ");
        }
    }

    private static List<String> under(Map<String, byte[]> files, String folder) {
        return files.keySet().stream().filter(name -> name.startsWith(folder)).toList();
    }

    @Test
    void the_pack_holds_every_proof_and_its_manifest_matches_the_files() throws Exception {
        Session s = session("ZPRV");
        publicInformation.save(s.id(), new PublicInfo("Comprendre les nouveaux mandats " + n, null, "Exposés et ateliers",
                null, null, null, true, "pour les agents territoriaux", null, "Roxane Référente", null, null));
        long trainer = directory.addPerson(new NewPerson("Mathilde", "Matinale " + n, "Juriste", null,
                "mathilde." + n + "@intervenant.fr", null)).id();
        long sessionDay = days.days(s.id()).orElseThrow().first().id();
        programmes.addSlot(s.id(), new SlotDraft(sessionDay, LocalTime.of(9, 30), LocalTime.of(11, 0), SlotKind.TALK, null,
                "Exposé d'ouverture " + n, null, null, false, false, List.of(),
                List.of(new SlotPersonDraft(trainer, SlotRole.SPEAKER, null, null, null))));
        long morning = TestSessions.confirmed(registrations, s.id(), "Camille", "Matin" + n);
        long afternoon = TestSessions.confirmed(registrations, s.id(), "Dominique", "Soir" + n);
        long refused = registrations.request(s.id(), new org.rencontres.registration.RequestDraft("Refus" + n, "Eden",
                "eden." + n + "@test.fr", "01 60 79 74 00", "Juriste", null, "Commune de Test-sur-Seine", null, null, null,
                java.time.Instant.parse("2016-06-01T10:00:00Z")), "fr", null, List.of());
        registrations.refuse(refused, "Paule Preuves", "Session complète pour ce service");
        assertThat(attendances.checkIn(s.id(), morning, CheckIn.plain(HalfDay.MORNING, "Accueil")).kind())
                .isEqualTo(CheckInOutcome.Kind.RECORDED);
        assertThat(attendances.checkIn(s.id(), afternoon, CheckIn.plain(HalfDay.AFTERNOON, "Accueil")).kind())
                .isEqualTo(CheckInOutcome.Kind.RECORDED);
        String desk = "/admin/journees/" + s.slug() + "/accueil?demi=matin";
        assertThat(organiser.submit(desk, "/admin/journees/" + s.slug() + "/accueil/intervenant",
                Map.of("demi", "matin", "personne", String.valueOf(trainer), "signature", TestSignatures.png())).statusCode()).isEqualTo(302);
        assertThat(organiser.getBytes("/admin/journees/" + s.slug() + "/attestations/inscriptions/" + morning + ".pdf")
                .statusCode()).isEqualTo(200);

        String survey = "/admin/journees/" + s.slug() + "/evaluation";
        organiser.submit(survey, survey + "/habituelles", Map.of());

        Map<String, byte[]> files = pack(s);
        String manifest = checkedManifest(files);
        assertThat(manifest).contains("Dossier de preuves de la session ZPRV " + n, "par Paule Preuves",
                "Évaluation\u00a0: aucun courriel d'évaluation (invitation ou relance) envoyé.")
                .doesNotContain("aucune présence enregistrée", "aucun questionnaire");
        String results = new String(files.get("05-evaluation/resultats.csv"), StandardCharsets.UTF_8);
        assertThat(results).contains("\"Réponses\";0;\"Présents\";2", "\"Question\";\"Répondants\";\"Moyenne\";\"Réponse\";\"Nombre\"",
                "\"Satisfaction générale\";0;\"\";\"5\";0");

        assertThat(text(files.get("01-information-publique/information-publique-et-programme.pdf")))
                .contains("Comprendre les nouveaux mandats " + n, "Roxane Référente", "Exposé d'ouverture " + n);
        assertThat(under(files, "02-convocations/")).hasSize(2);
        assertThat(under(files, "02-convocations/").stream().filter(p -> p.contains("-" + refused + ".pdf"))).isEmpty();

        List<String> sheets = under(files, "03-emargement/");
        assertThat(sheets).containsExactly("03-emargement/emargement-" + s.slug() + "-2016-06-21-matin.pdf",
                "03-emargement/emargement-" + s.slug() + "-2016-06-21-apres-midi.pdf");
        String am = text(files.get(sheets.get(0)));
        String pm = text(files.get(sheets.get(1)));
        assertThat(am).contains("Matin" + n, "Mathilde Matinale " + n, "signé à");
        assertThat(am).containsPattern("Soir" + n + " Dominique .{0,80}?absent");
        assertThat(pm).containsPattern("Matin" + n + " Camille .{0,80}?absent").doesNotContain("Mathilde Matinale");

        assertThat(under(files, "04-attestations/")).singleElement().asString().contains("Matin" + n);
        List<String> trails = under(files, "06-parcours-approbation/");
        assertThat(trails).hasSize(3);
        String ofRefused = text(files.get(trails.stream().filter(p -> p.contains("-" + refused + "-")).findFirst().orElseThrow()));
        assertThat(ofRefused).contains("Eden Refus" + n, "Demande d'inscription", "Refus", "Paule Preuves",
                "Session complète pour ce service", "Code de vérification");
        String mails = new String(files.get("07-courriels/courriels-de-la-session.csv"), StandardCharsets.UTF_8);
        assertThat(mails).contains("eden." + n + "@test.fr");

        assertThat(audit.of(s.id())).anySatisfy(e -> assertThat(e.toString()).contains("evidence", "download", "Paule Preuves"));
    }

    @Test
    void a_session_with_nothing_yet_gives_a_pack_that_says_so() throws Exception {
        Session s = session("ZPRW");
        Map<String, byte[]> files = pack(s);
        String manifest = checkedManifest(files);
        assertThat(files.keySet()).containsExactlyInAnyOrder("01-information-publique/information-publique-et-programme.pdf",
                "07-courriels/courriels-de-la-session.csv", "manifeste.txt");
        assertThat(manifest).contains("Ce qui manque",
                "Émargement\u00a0: aucune présence enregistrée pour cette session",
                "Convocations\u00a0: aucune inscription confirmée.",
                "Attestations\u00a0: aucune attestation de présence délivrée.",
                "Évaluation\u00a0: aucun questionnaire d'évaluation pour cette session.",
                "Parcours d'approbation\u00a0: aucune inscription.");
        assertThat(text(files.get("01-information-publique/information-publique-et-programme.pdf")))
                .contains("Aucune information publique n'a été saisie", "Aucun programme n'a été saisi");
    }

    @Test
    void the_session_page_links_the_pack_and_another_units_organiser_is_refused() throws Exception {
        Session s = session("ZPRX");
        assertThat(organiser.page("/admin/journees/" + s.slug()).select("a[href=/admin/journees/" + s.slug() + "/preuves.zip]")
                .text()).isEqualTo("Dossier de preuves (ZIP)");
        WebSession stranger = TestSessions.organiser(accounts, port, "autre.preuves." + n + "@cnfpt.fr", "Alex Autre",
                "INSET d'ailleurs " + n);
        assertThat(stranger.getBytes("/admin/journees/" + s.slug() + "/preuves.zip").statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).getBytes("/admin/journees/" + s.slug() + "/preuves.zip").statusCode())
                .isIn(302, 401);
        assertThat(audit.of(s.id())).noneSatisfy(e -> assertThat(e.toString()).contains("evidence"));
    }
}
