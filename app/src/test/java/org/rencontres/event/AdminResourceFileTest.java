package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestFiles;
import org.rencontres.WebSession;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Files uploaded as resources: checked by content and size, served safely, reserved ones protected. */
@RencontresIntegrationTest
class AdminResourceFileTest {

    private static final String PASSWORD = "correct horse battery";
    private static final byte[] PDF = TestFiles.pdf();

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired JdbcClient jdbc;

    private WebSession organiser;
    private String base;

    @BeforeEach
    void aPublishedDayAndItsOrganiser() throws Exception {
        SessionCode code = new SessionCode("ZFIL " + System.nanoTime() % 1_000_000);
        long id = days.create(new DayDraft(code, "Journée des fichiers", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 9, 18), LocalTime.of(9, 0), LocalTime.of(17, 0))), null, null, null, null, false, null, "INSET de Test fichiers",
                null, List.of(), List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        base = "/admin/journees/" + code.slug();
        String email = "fichiers." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Orga fichiers", Role.ORGANISER, "INSET de Test fichiers", PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private HttpResponse<String> upload(String title, String visibility, String name, String type, byte[] content)
            throws Exception {
        return organiser.uploadForm(base, base + "/fichiers", Map.of("titreFichier", title, "genreFichier", "DOCUMENT",
                "visibiliteFichier", visibility), "fichier", name, type, content);
    }

    private long storedFiles() {
        return jdbc.sql("SELECT count(*) FROM event_file").query(Long.class).single();
    }

    private String slug() {
        return base.substring("/admin/journees/".length());
    }

    @Test
    void a_new_edition_serves_its_own_copy_of_each_file_and_keeps_its_links() throws Exception {
        upload("Programme détaillé", "PUBLIC", "programme.pdf", "application/pdf", PDF);
        organiser.submit(base, base + "/ressources", Map.of("genre", "LINK", "intitule", "Site de la journée",
                "description", "", "adresse", "https://example.org/journee", "visibilite", "PUBLIC"));
        Day source = days.find(slug()).orElseThrow();
        assertThat(source.resources()).hasSize(2);

        SessionCode editionCode = new SessionCode("ZFIL " + (System.nanoTime() % 1_000_000) + "B");
        HttpResponse<String> done = organiser.submit(base + "/dupliquer", base + "/dupliquer",
                Map.of("code", editionCode.value(), "date", "2032-09-16"));
        assertThat(WebSession.location(done)).isEqualTo("/admin/journees/" + editionCode.slug());
        Day edition = days.find(editionCode.slug()).orElseThrow();
        days.changeStatus(edition.id(), DayStatus.PUBLISHED);

        assertThat(edition.resources()).extracting(Resource::title)
                .containsExactly("Programme détaillé", "Site de la journée");
        assertThat(edition.resources().get(1).url()).isEqualTo("https://example.org/journee");
        String copied = edition.resources().get(0).storedFile();
        assertThat(copied).isNotNull().isNotEqualTo(source.resources().get(0).storedFile());
        HttpResponse<byte[]> file = new WebSession(port).getBytes("/journees/" + editionCode.slug() + "/ressources/" + copied);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
        // The first edition's file is still its own, and is not served under the new edition's address.
        assertThat(new WebSession(port).getBytes("/journees/" + slug() + "/ressources/"
                + source.resources().get(0).storedFile()).statusCode()).isEqualTo(200);
        assertThat(new WebSession(port).getBytes("/journees/" + editionCode.slug() + "/ressources/"
                + source.resources().get(0).storedFile()).statusCode()).isEqualTo(404);
    }

    @Test
    void a_pdf_is_stored_listed_and_served_inline_under_a_safe_name() throws Exception {
        HttpResponse<String> done = upload("Programme détaillé", "PUBLIC", "Programme détaillé \"v2\".pdf",
                "application/pdf", PDF);
        assertThat(WebSession.location(done)).isEqualTo(base + "#ressources");

        Resource resource = days.find(slug()).orElseThrow().resources().get(0);
        assertThat(resource.url()).isNull();
        assertThat(resource.title()).isEqualTo("Programme détaillé");
        String href = Jsoup.parse(new WebSession(port).get("/journees/" + slug()).body())
                .select("#ressources a").attr("href");
        assertThat(href).isEqualTo("/journees/" + slug() + "/ressources/" + resource.storedFile());

        HttpResponse<byte[]> file = new WebSession(port).getBytes(href);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("inline; filename=\"Programme-detaille-v2-.pdf\"");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(file.body()).isEqualTo(PDF);
    }

    @Test
    void an_office_document_is_recognised_by_its_content_and_downloaded_as_an_attachment() throws Exception {
        upload("Compte rendu", "PUBLIC", "compte-rendu.docx", "application/octet-stream", TestFiles.docx());
        Resource resource = days.find(slug()).orElseThrow().resources().get(0);
        HttpResponse<byte[]> file = new WebSession(port).getBytes("/journees/" + slug() + "/ressources/" + resource.storedFile());
        assertThat(file.headers().firstValue("Content-Type"))
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    }

    @Test
    void files_whose_content_is_not_accepted_are_refused_whatever_their_name() throws Exception {
        long before = storedFiles();
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        for (Object[] file : new Object[][] {{"programme.pdf", html}, {"rapport.pdf", exe}, {"image.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8)}}) {
            HttpResponse<String> refused = upload("Piège", "PUBLIC", (String) file[0], "application/pdf", (byte[]) file[1]);
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(refused.body()).select("#fichier-erreur").text()).as((String) file[0])
                    .startsWith("Ce fichier n'est ni un PDF, ni une image, ni un document bureautique");
        }
        HttpResponse<String> noTitle = upload("", "PUBLIC", "ok.pdf", "application/pdf", PDF);
        assertThat(Jsoup.parse(noTitle.body()).select("#titreFichier-erreur").text()).isEqualTo("Indiquez l'intitulé de la ressource.");
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(days.find(slug()).orElseThrow().resources()).isEmpty();
    }

    @Test
    void each_unsound_file_is_refused_with_its_french_message_and_nothing_is_stored() throws Exception {
        long before = storedFiles();
        byte[] random = new byte[2048];
        new java.util.Random(2026).nextBytes(random);
        random[0] = 0x01;
        byte[] oldWord = new byte[1024];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, oldWord, 0, 8);
        Map<String, String> docm = new java.util.LinkedHashMap<>(TestFiles.docxParts());
        docm.put("[Content_Types].xml", docm.get("[Content_Types].xml").replace(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml"));
        Map<String, String> climbing = new java.util.LinkedHashMap<>(TestFiles.docxParts());
        climbing.put("../../etc/cron.d/rencontres", "* * * * * root sh");
        byte[] pdf = TestFiles.pdf();
        Object[][] cases = {
                {"rand.pdf", random, "Ce fichier n'est ni un PDF, ni une image, ni un document bureautique"},
                {"compte-rendu.docx", TestFiles.zip(Map.of("index.html", "<html><script>alert(1)</script></html>")),
                        "Ce fichier n’est pas un vrai document bureautique"},
                {"programme.pdf", ("%PDF-1.7\n" + "x".repeat(2000) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII),
                        "Ce fichier commence comme un PDF mais n’en est pas un lisible"},
                {"tronque.pdf", Arrays.copyOf(pdf, pdf.length - 40), "Ce fichier commence comme un PDF mais n’en est pas un lisible"},
                {"secret.pdf", TestFiles.passwordPdf(), "Ce PDF est protégé par un mot de passe"},
                {"ancien.doc", oldWord, "Ce document est à l’ancien format Office (.doc, .xls, .ppt)"},
                {"macros.docx", TestFiles.zip(docm), "Ce document contient des macros"},
                {"chemin.docx", TestFiles.zip(climbing), "Ce document contient un élément dont le chemin sort du document"},
                {"bombe.docx", TestFiles.zipBomb(201L * 1024 * 1024), "Ce document décompressé dépasserait 200"},
                {"morceaux.docx", TestFiles.docxWithEntries(2_001), "Ce document contient trop d’éléments"},
                {"abime.docx", Arrays.copyOf(TestFiles.docx(), 60), "Ce document est endommagé"},
                {"affiche.png", TestFiles.pngHeader(20_000, 20_000), "Cette image est trop grande (plus de 100"}};
        for (Object[] c : cases) {
            HttpResponse<String> refused = upload("Piège", "PUBLIC", (String) c[0], "application/pdf", (byte[]) c[1]);
            assertThat(refused.statusCode()).as((String) c[0]).isEqualTo(200);
            org.jsoup.nodes.Document page = Jsoup.parse(refused.body());
            assertThat(page.select("#fichier-erreur").text()).as((String) c[0]).startsWith((String) c[2]);
            assertThat(page.select("#fichier").attr("aria-describedby")).as((String) c[0]).contains("fichier-erreur");
        }
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(days.find(slug()).orElseThrow().resources()).isEmpty();
    }

    @Test
    void each_genuine_file_is_accepted_and_served_with_its_type_nosniff_and_the_right_disposition() throws Exception {
        Object[][] cases = {
                {"programme.pdf", TestFiles.pdf(), "application/pdf", "inline; filename=\"programme.pdf\""},
                // The name says PDF, the content says PNG: the content wins, name included.
                {"photo.pdf", TestFiles.png(), "image/png", "inline; filename=\"photo.png\""},
                {"compte-rendu.docx", TestFiles.docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "attachment; filename=\"compte-rendu.docx\""},
                {"participants.xlsx", TestFiles.xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "attachment; filename=\"participants.xlsx\""},
                {"synthese.odt", TestFiles.odt(), "application/vnd.oasis.opendocument.text",
                        "attachment; filename=\"synthese.odt\""}};
        for (int i = 0; i < cases.length; i++) {
            Object[] c = cases[i];
            HttpResponse<String> done = upload("Fichier " + i, "PUBLIC", (String) c[0], "application/octet-stream", (byte[]) c[1]);
            assertThat(WebSession.location(done)).as((String) c[0]).isEqualTo(base + "#ressources");
            Resource resource = days.find(slug()).orElseThrow().resources().get(i);
            HttpResponse<byte[]> file = new WebSession(port).getBytes("/journees/" + slug() + "/ressources/" + resource.storedFile());
            assertThat(file.statusCode()).as((String) c[0]).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).as((String) c[0]).contains((String) c[2]);
            assertThat(file.headers().firstValue("Content-Disposition")).as((String) c[0]).contains((String) c[3]);
            assertThat(file.headers().allValues("X-Content-Type-Options")).as((String) c[0]).containsExactly("nosniff");
            assertThat(file.body()).as((String) c[0]).isEqualTo((byte[]) c[1]);
        }
    }

    @Test
    void files_over_ten_megabytes_are_refused_with_a_message() throws Exception {
        long before = storedFiles();
        // Without the parameter, the session's page shows no alert at all (it once showed it on every visit).
        assertThat(organiser.page(base).select("[role=alert]").text()).doesNotContain("10 Mo");
        assertThat(organiser.page(base + "?autre").select("[role=alert]").text()).doesNotContain("10 Mo");
        byte[] justOver = Arrays.copyOf(PDF, (int) StoredFiles.MAX_BYTES + 1);
        HttpResponse<String> over = upload("Trop gros", "PUBLIC", "gros.pdf", "application/pdf", justOver);
        assertThat(Jsoup.parse(over.body()).select("#fichier-erreur").text()).startsWith("Le fichier dépasse 10 Mo");

        byte[] farOver = Arrays.copyOf(PDF, 12 * 1024 * 1024);
        HttpResponse<String> far = upload("Bien trop gros", "PUBLIC", "enorme.pdf", "application/pdf", farOver);
        // Too large to be read at all: sent back before its body is read, with the same message.
        assertThat(WebSession.location(far)).isEqualTo(base + "?fichier-trop-volumineux#ressources");
        assertThat(organiser.page(base + "?fichier-trop-volumineux").select("[role=alert]").text())
                .startsWith("Le fichier dépasse 10 Mo");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void a_reserved_file_is_refused_to_visitors_with_an_explanation_and_served_to_organisers() throws Exception {
        upload("Liste des participants", "PARTICIPANTS", "liste.pdf", "application/pdf", PDF);
        Resource resource = days.find(slug()).orElseThrow().resources().get(0);
        assertThat(resource.isReserved()).isTrue();
        String path = "/journees/" + slug() + "/ressources/" + resource.storedFile();

        HttpResponse<String> visitor = new WebSession(port).get(path);
        assertThat(visitor.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(visitor.body()).select("h1").text()).isEqualTo("Document réservé aux participants");
        assertThat(Jsoup.parse(new WebSession(port).get("/journees/" + slug()).body()).select("#ressources").text())
                .contains("(réservé aux participants inscrits)");

        HttpResponse<byte[]> mine = organiser.getBytes(path);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(new WebSession(port).get("/journees/" + slug() + "/ressources/pas-un-identifiant").statusCode()).isEqualTo(404);
    }
}
