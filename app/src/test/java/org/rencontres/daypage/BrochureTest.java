package org.rencontres.daypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rencontres.programme.SlotDraft;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The printable brochure of a day, over real HTTP, read back with PDFBox. */
@RencontresIntegrationTest
class BrochureTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired org.rencontres.programme.Programmes programmes;
    @Autowired org.rencontres.workshops.Workshops workshops;
    @Autowired org.springframework.context.ApplicationEventPublisher events;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private byte[] brochure(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return response.body();
    }

    @Test
    void the_demo_brochure_is_an_accessible_a4_pdf() throws Exception {
        HttpResponse<byte[]> response = get("/journees/z20in001/plaquette.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"plaquette-Z20IN001.pdf\"");

        // Kept for a look: target/plaquette-Z20IN001.pdf.
        Files.write(Path.of("target", "plaquette-Z20IN001.pdf"), response.body());
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            for (PDPage page : pdf.getPages()) {
                assertThat(Math.round(page.getMediaBox().getWidth())).isEqualTo(595);
                assertThat(Math.round(page.getMediaBox().getHeight())).isEqualTo(842);
            }
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(
                    "Nouveaux mandats, nouvelles perspectives pour l'action internationale des collectivités territoriales (AICT)");
            assertThat(pdf.getDocumentInformation().getSubject())
                    .isEqualTo("Plaquette de la journée d'actualité du jeudi 25 juin 2020, Évry-Courcouronnes (code session Z20IN 001)");
            assertThat(pdf.getDocumentInformation().getAuthor())
                    .isEqualTo("Centre national de la fonction publique territoriale – INSET de Nancy");
            // Tagged (PDF/UA): marked content, a structure tree, the language, the title shown.
            assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(pdf.getDocumentCatalog().getDocumentOutline()).isNotNull();
            // The head's own elements after the shared ones (fragments/pdf): the theme as keywords, the bookmarks.
            assertThat(pdf.getDocumentInformation().getKeywords()).isEqualTo("Europe et international");
            assertThat(pdf.getDocumentCatalog().getDocumentOutline().getFirstChild().getTitle()).isNotBlank();
            // The structure a screen reader walks: headings, the programme as a table, lists, links.
            List<String> structure = new ArrayList<>();
            structureTypes(pdf.getDocumentCatalog().getStructureTreeRoot().getKids(), structure);
            assertThat(structure).contains("H1", "H2", "H3", "Table", "TH", "TD", "L", "LI", "Link");
            assertThat(structure.stream().filter("H2"::equals).count()).isGreaterThanOrEqualTo(10);

            List<PDFont> fonts = fonts(pdf);
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            assertThat(fonts).extracting(PDFont::getName)
                    .anySatisfy(name -> assertThat(name).endsWith("DejaVuSans-Bold"))
                    .anySatisfy(name -> assertThat(name).endsWith("DejaVuSans-Oblique"));

            assertThat(uris(pdf)).contains("https://e-communaut.es.cnfpt.fr/", "mailto:emmanuel.thouary@cnfpt.fr",
                    "mailto:magali.belot@cnfpt.fr", "http://localhost:" + port + "/journees/Z20IN001");
        }
    }

    @Test
    void the_demo_brochure_carries_everything_the_seed_brochure_carries() throws Exception {
        Text text = text(brochure("/journees/Z20IN001/plaquette.pdf"));

        text.carries("jeudi 25 juin 2020", "ÉVRY-COURCOURONNES", "JOURNÉE D'ACTUALITÉ",
                "Nouveaux mandats, nouvelles perspectives",
                "pour l'action internationale des collectivités territoriales (AICT)",
                "Code session : Z20IN 001", "Organisé par Centre national de la fonction publique territoriale",
                "Avec le concours de : Communauté d'agglomération Grand Paris Sud Seine-Essonnes-Sénart",
                "Lieu de la manifestation : Communauté d'agglomération Grand Paris Sud Seine-Essonnes-Sénart");
        // The sections, in the order of the seed brochure.
        text.carriesInOrder("CONTEXTE", "PUBLIC VISÉ", "PROGRAMME PRÉVISIONNEL",
                "LE SPEED DATING DE L'AICT", "ATELIERS PARTICIPATIFS", "RESSOURCES DOCUMENTAIRES", "CONTACT",
                "INFORMATION ET INSCRIPTION", "ACCÈS", "ORGANISATION");
        text.carries("2020, année électorale pour les municipalités",
                "l'international en collectivité est aujourd'hui l'objet d'une nouvelle vague de recrutements",
                "Directeurs et directrices de l'action internationale", "jumelages, jeunesse, culture, etc.");

        // The programme: every time, in order, with formats, people and their roles.
        text.carriesInOrder("9h30", "10h", "10h15", "11h15", "12h15", "12h30", "12h45", "14h",
                "14h30", "16h", "16h15", "16h30");
        text.carries("Accueil des participants et participantes", "Allocutions d'ouverture",
                "Dominique PORNET RIVOIRE, directrice Grand Est - Délégation de Lorraine, directrice par intérim de l'INSET de Nancy ou son représentant",
                "Michel BISSON, président de la Communauté d'agglomération Grand Paris Sud Seine-Essonnes-Sénart ou son représentant",
                "Présentation du programme", "Emmanuel THOUARY, chef du service Communication et ressources formatives",
                "Exposés introductifs", "Nouveaux enjeux de l'AICT pour l'année 2020", "Le diagnostic de mondialité",
                "Expertise territoriale et expatriation", "Interaction", "L'AICT dans ma collectivité en 2020",
                "Mise en partage des expériences", "Modération : Yannick LECHEVALLIER, directeur de l'Agence du monde commun",
                "Déjeuner", "Sur place et offert par la Communauté d'agglomération de Grand Paris Sud.",
                "ACTIVITÉS EN PARALLÈLE", "Speed dating – en parallèle à partir de 12h45",
                "Présentation du « Diagnostic territorial de mondialité » de Grand Paris Sud",
                "Atelier n°1", "Atelier n°2", "Mise en partage des travaux en ateliers", "Mot de clôture",
                "Fin de la journée d'actualité");
        assertThat(text.count("Modération : Yannick LECHEVALLIER")).isEqualTo(2);
        // Cross-references to the detail sections carry their page number.
        assertThat(text.squeezed()).containsPattern("Détailspage\\d");

        // Networking.
        text.carries("Horaire : de 12h45 à 14h", "Taille des groupes : 6 personnes",
                "Rotation : toutes les 10 à 12 minutes", "ODD, FICOL, Cadre juridique et AICT", "Formation AICT et CNFPT",
                "Associations de migrants en Île-de-France", "Expatriation et territoriaux", "Déclaration de l'APD",
                "Sujets sous réserve.");
        // Workshops.
        text.carries(
                "Le document idéal (bilan, diagnostic de mondialité, etc.) à produire et proposer aux futur(e)s élu(e)s.",
                "Expertise territoriale et expatriation, mobilité internationale : les nouveaux territoires de l'AICT.",
                "de 14h30 à 16h", "Écriture collective « Bright Mirror »");
        // Resources, with their addresses printed.
        text.carries("Communauté en ligne : E-communauté Action internationale des collectivités territoriales",
                "https://e-communaut.es.cnfpt.fr/", "Plaquette du « Diagnostic territorial de mondialité » de Grand Paris Sud");
        // Contacts.
        text.carries("Emmanuel Thouary, chef du service Communication et ressources formatives",
                "Tél. : 06 16 95 88 75 – Courriel : emmanuel.thouary@cnfpt.fr",
                "Magali Belot, secrétaire de formation", "Tél. : 03 83 19 22 20 – Courriel : magali.belot@cnfpt.fr");
        // Registration.
        text.carries("Pour vous inscrire, merci de vous rapprocher du service formation de votre collectivité",
                "Inscription en ligne : https://www.cnfpt.fr", "Code session à indiquer : Z20IN 001",
                "Page de la journée en ligne : http://localhost:" + port + "/journees/Z20IN001");
        // Access.
        text.carries("Siège administratif de l'Agglomération Grand Paris Sud", "500 place des Champs-Élysées",
                "91080 Évry-Courcouronnes", "Adresse postale : 500 place des Champs Élysées, 91054 Évry-Courcouronnes",
                "En RER : ligne D, gare d'Évry-Courcouronnes.", "https://www.openstreetmap.org/search?query=");
        // Page footers from page 2 on.
        text.carries("– code session Z20IN 001");
    }

    @Test
    void emphasis_and_the_session_code_keep_their_type() throws Exception {
        List<Run> runs = runs(brochure("/journees/Z20IN001/plaquette.pdf"));

        assertThat(runs).filteredOn(r -> r.text().equals("Z20IN 001"))
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(r -> assertThat(r.font()).endsWith("DejaVuSans-Bold"));
        assertThat(runs).filteredOn(r -> r.text().contains("l'art et la manière"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.font()).endsWith("DejaVuSans-Oblique"));
        assertThat(runs).filteredOn(r -> r.text().contains("ou son représentant"))
                .hasSize(2).allSatisfy(r -> assertThat(r.font()).endsWith("DejaVuSans-Oblique"));
        assertThat(runs).filteredOn(r -> r.text().contains("PORNET RIVOIRE"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.font()).endsWith("DejaVuSans-Bold"));
    }

    @Test
    void the_day_page_links_to_its_brochure() throws Exception {
        String html = new String(get("/journees/Z20IN001").body(), StandardCharsets.UTF_8);
        Element link = Jsoup.parse(html, "http://localhost:" + port + "/journees/Z20IN001")
                .selectFirst(".day-actions a[href$=plaquette.pdf]");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo("Télécharger la plaquette (PDF)");
        assertThat(brochure(URI.create(link.absUrl("href")).getPath())).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void the_brochure_follows_changes_of_the_programme() throws Exception {
        long id = days.create(new DayDraft(new SessionCode("ZPLAQ 002"), "Journée au programme changeant", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 3, 10), LocalTime.of(9, 0), LocalTime.of(12, 0))), null, null, null, null,
                false, null, null, null, List.of(), List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        assertThat(text(brochure("/journees/ZPLAQ002/plaquette.pdf")).squeezed()).doesNotContain("Accueilcafé");

        programmes.addSlot(id, new SlotDraft(days.days(id).orElseThrow().first().id(), LocalTime.of(9, 0), LocalTime.of(9, 30),
                org.rencontres.programme.SlotKind.WELCOME, null, "Accueil café", null, null, false, false, List.of(), List.of()));
        events.publishEvent(new org.rencontres.programme.ProgrammeChanged(id));

        text(brochure("/journees/ZPLAQ002/plaquette.pdf")).carries("Accueil café");

        // A workshop's room and facilitators are printed with it.
        long slot = programmes.addSlot(id, new SlotDraft(days.days(id).orElseThrow().first().id(), LocalTime.of(10, 0), LocalTime.of(11, 30),
                org.rencontres.programme.SlotKind.WORKSHOP, null, "Ateliers", null, null, false, false, List.of(), List.of()));
        long workshop = workshops.add(id, new org.rencontres.workshops.WorkshopDraft(slot, 1, "Le document idéal", null,
                null, 12, "Salle Seine"));
        workshops.addFacilitator(workshop, "Fanny Animatrice", "fanny.brochure@cnfpt.fr");
        events.publishEvent(new org.rencontres.programme.ProgrammeChanged(id));
        var withWorkshop = text(brochure("/journees/ZPLAQ002/plaquette.pdf"));
        withWorkshop.carries("Salle : Salle Seine");
        withWorkshop.carries("Animation : Fanny Animatrice");
    }

    @Test
    void the_brochure_follows_the_status_of_its_day() throws Exception {
        assertThat(get("/journees/INCONNU/plaquette.pdf").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> unknown = get("/journees/INCONNU/plaquette.pdf");
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("Page introuvable");

        long id = days.create(new DayDraft(new SessionCode("ZPLAQ 001"), "Journée « R&D » <plaquette> & co", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 5, 15), LocalTime.of(9, 0), LocalTime.of(12, 30))), "Une *matinée*.", null, null, null,
                false, null, null, null, List.of(), List.of(), List.of()));
        assertThat(get("/journees/ZPLAQ001/plaquette.pdf").statusCode()).isEqualTo(404);

        days.changeStatus(id, DayStatus.PUBLISHED);
        Text published = text(brochure("/journees/zplaq001/plaquette.pdf"));
        // What organisers type stays text, even where it looks like markup.
        published.carries("Journée « R&D » <plaquette> & co", "ZPLAQ 001", "jeudi 15 mai 2031",
                "Le programme n'est pas encore publié.");
        assertThat(published.squeezed()).doesNotContain("Journéeannulée", "ACCÈS");

        days.changeStatus(id, DayStatus.CANCELLED);
        text(brochure("/journees/ZPLAQ001/plaquette.pdf")).carries("Journée annulée");

        days.changeStatus(id, DayStatus.DRAFT);
        assertThat(get("/journees/ZPLAQ001/plaquette.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void the_brochure_is_in_english_when_the_visitor_chose_english() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/journees/Z20IN001/plaquette.pdf?lang=en")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
            new Text(new PDFTextStripper().getText(pdf))
                    .carries("PROVISIONAL PROGRAMME", "Moderator: Yannick LECHEVALLIER", "Session code to give: Z20IN 001");
        }
    }

    private static Text text(byte[] bytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return new Text(stripper.getText(pdf));
        }
    }

    /**
     * The text of a PDF, compared without its blanks: lines wrap where the layout decides, after a
     * hyphen or inside an address as well as between words.
     */
    private record Text(String text) {

        String squeezed() {
            return squeeze(text);
        }

        void carries(String... parts) {
            assertThat(squeezed()).as(text).contains(Arrays.stream(parts).map(Text::squeeze).toList());
        }

        void carriesInOrder(String... parts) {
            assertThat(squeezed()).as(text).containsSubsequence(Arrays.stream(parts).map(Text::squeeze).toList());
        }

        int count(String part) {
            return squeezed().split(java.util.regex.Pattern.quote(squeeze(part)), -1).length - 1;
        }

        private static String squeeze(String s) {
            return s.replaceAll("\\s+", "");
        }
    }

    private static List<PDFont> fonts(PDDocument pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (var name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }

    private static void structureTypes(List<Object> kids, List<String> types) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                types.add(element.getStructureType());
                structureTypes(element.getKids(), types);
            }
        }
    }

    private static List<String> uris(PDDocument pdf) throws IOException {
        List<String> uris = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                    uris.add(uri.getURI());
                }
            }
        }
        return uris;
    }

    private record Run(String text, String font) {
    }

    /** Pieces of text set in one font, as PDFBox reads them line by line. */
    private static List<Run> runs(byte[] bytes) throws IOException {
        List<Run> runs = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    StringBuilder run = new StringBuilder();
                    String font = null;
                    for (TextPosition position : positions) {
                        String next = position.getFont().getName();
                        if (font != null && !font.equals(next)) {
                            runs.add(new Run(run.toString().strip(), font));
                            run.setLength(0);
                        }
                        font = next;
                        run.append(position.getUnicode());
                    }
                    if (font != null) {
                        runs.add(new Run(run.toString().strip(), font));
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.getText(pdf);
        }
        return runs;
    }
}
