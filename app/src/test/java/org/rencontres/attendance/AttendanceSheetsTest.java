package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSignatures;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.programme.SlotDraft;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attendance sheets and badges over real HTTP, read back with PDFBox: the header, the people, the
 * captured signature drawn on the filled sheet and "absent(e)" for who did not come, the whole-day
 * variant, badges on 8 or 10 labels a page, another unit's organiser refused, wrong parameters
 * refused. Each test works on a day of its own (drafts in 2016).
 */
@RencontresIntegrationTest
class AttendanceSheetsTest {

    private static final String PASSWORD = "correct horse battery";
    private static final float MM = 72f / 25.4f;

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired Accounts accounts;
    @Autowired org.rencontres.programme.Programmes programmes;
    @Autowired org.rencontres.workshops.Workshops workshops;

    private String unit;
    private String code;
    private String slug;
    private long dayId;
    private WebSession organiser;

    @BeforeEach
    void aDayAndItsOrganiser() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        unit = "INSET des feuilles " + n;
        code = "ZEMA " + n;
        slug = new SessionCode(code).slug();
        dayId = days.create(new DayDraft(new SessionCode(code), "Journée des émargements", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 6, 21), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null,
                null, false, null, unit, null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(dayId, 50, 48, false));
        String email = "emargement." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Émile Émargement", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private long requested(String givenName, String surname, String employer) {
        return registrations.request(dayId, new RequestDraft(surname, givenName,
                givenName.toLowerCase() + "." + System.nanoTime() + "@test.fr", "01 60 79 74 00", "Juriste", null,
                employer, null, null, null, Instant.parse("2016-01-10T10:00:00Z")));
    }

    private long confirmed(String givenName, String surname, String employer) {
        long id = requested(givenName, surname, employer);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.confirm(id, "orga@cnfpt.fr");
        return id;
    }

    private byte[] pdf(String path) throws Exception {
        HttpResponse<byte[]> response = organiser.getBytes(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        return response.body();
    }

    private static String text(PDDocument doc) throws Exception {
        return new PDFTextStripper().getText(doc);
    }

    private static int images(PDDocument doc) throws Exception {
        int count = 0;
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    count++;
                }
            }
        }
        return count;
    }

    private String base() {
        return "/admin/journees/" + slug + "/presences";
    }

    @Test
    void a_blank_sheet_lists_the_expected_people_with_the_header() throws Exception {
        confirmed("Alice", "Martin", "Ville de Lyon");
        confirmed("Bruno", "Zola", "Département du Rhône");
        requested("Carole", "Requise", "Ville de Vienne");
        attendances.checkInWalkIn(dayId, new WalkIn("Durand", "Denis", "Ville de Bron", null),
                CheckIn.plain(HalfDay.MORNING, "orga@cnfpt.fr"));

        try (PDDocument doc = Loader.loadPDF(pdf(base() + "/emargement.pdf?demi=matin&mode=vierge"))) {
            String text = text(doc);
            assertThat(text).contains("Journée des émargements", code, "Matin (9h – 13h)", unit,
                    "Martin Alice", "Ville de Lyon", "Zola Bruno", "Durand Denis", "sans inscription",
                    "Signature du formateur", "page 1 / 1");
            assertThat(text).doesNotContain("Requise", "absent(e)");
            assertThat(text.indexOf("Durand Denis")).isLessThan(text.indexOf("Martin Alice"));
            assertThat(text.indexOf("Martin Alice")).isLessThan(text.indexOf("Zola Bruno"));
            assertThat(images(doc)).isZero();
            // The head shared by the PDFs (fragments/pdf): title and subject written into the metadata.
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("Feuille d'émargement " + code + " du ");
            assertThat(doc.getDocumentInformation().getSubject())
                    .startsWith("Feuille d'émargement de la journée « Journée des émargements » du ");
            assertThat(doc.getDocumentInformation().getAuthor()).isNull();
        }
    }

    @Test
    void a_filled_sheet_shows_the_signature_and_who_was_absent() throws Exception {
        long alice = confirmed("Alice", "Martin", "Ville de Lyon");
        confirmed("Bruno", "Zola", "Département du Rhône");
        CheckInOutcome outcome = attendances.checkIn(dayId, alice,
                new CheckIn(HalfDay.AFTERNOON, "orga@cnfpt.fr", UUID.randomUUID(), true, TestSignatures.png(), null));
        assertThat(outcome.kind()).isEqualTo(CheckInOutcome.Kind.RECORDED);

        try (PDDocument doc = Loader.loadPDF(pdf(base() + "/emargement.pdf?demi=apres-midi&mode=rempli"))) {
            String text = text(doc);
            assertThat(text).contains(code, "Après-midi (13h – 17h)", "Martin Alice", "Zola Bruno", "absent(e)");
            assertThat(text.split("absent\\(e\\)", -1)).hasSize(2);
            assertThat(images(doc)).isEqualTo(1);
        }
        // The same afternoon, blank: no signature drawn, nobody called absent.
        try (PDDocument doc = Loader.loadPDF(pdf(base() + "/emargement.pdf?demi=apres-midi&mode=vierge"))) {
            assertThat(images(doc)).isZero();
            assertThat(text(doc)).doesNotContain("absent(e)");
        }
        // The whole day: both columns; Alice absent in the morning, Bruno absent twice.
        try (PDDocument doc = Loader.loadPDF(pdf(base() + "/emargement.pdf?demi=journee&mode=rempli"))) {
            String text = text(doc);
            assertThat(text).contains("Journée entière", "Signature du matin", "Signature de l'après-midi");
            assertThat(text.split("absent\\(e\\)", -1)).hasSize(4);
            assertThat(images(doc)).isEqualTo(1);
        }
    }

    @Test
    void badges_fill_eight_or_ten_labels_a_page() throws Exception {
        String[] surnames = {"Arnaud", "Bernard", "Chevalier", "Dubois", "Étienne", "Fabre", "Girard", "Hubert"};
        for (String surname : surnames) {
            confirmed("Claude", surname, "Ville de " + surname);
        }
        requested("Carole", "Requise", "Ville de Vienne");
        attendances.checkInWalkIn(dayId, new WalkIn("Imbert", "Inès", "Ville de Bron", null),
                CheckIn.plain(HalfDay.MORNING, "orga@cnfpt.fr"));

        try (PDDocument doc = Loader.loadPDF(pdf(base() + "/badges.pdf?format=8"))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Badges " + code);
            assertThat(doc.getDocumentInformation().getSubject()).isEqualTo("Badges de la journée « Journée des émargements » (9 personnes)");
            String text = text(doc);
            assertThat(text).contains(surnames).contains("Imbert", "Inès", "Ville de Bron").doesNotContain("Requise");
            // Labels of 99.1 mm: the second of a row sits in the right half of the sheet.
            PDFTextStripperByArea right = new PDFTextStripperByArea();
            right.addRegion("droite", new java.awt.geom.Rectangle2D.Float(108 * MM, 0, 100 * MM, 297 * MM));
            right.extractRegions(doc.getPage(0));
            assertThat(right.getTextForRegion("droite")).contains("Bernard", "Dubois").doesNotContain("Arnaud", "Chevalier");
        }
        try (PDDocument doc = Loader.loadPDF(pdf(base() + "/badges.pdf?format=10"))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(text(doc)).contains(surnames).contains("Imbert");
        }
        try (PDDocument doc = Loader.loadPDF(pdf(base() + "/badges.pdf"))) {
            assertThat(doc.getNumberOfPages()).as("8 a page by default").isEqualTo(2);
        }
    }

    @Test
    void another_unit_and_wrong_parameters_are_refused() throws Exception {
        confirmed("Alice", "Martin", "Ville de Lyon");
        String other = "autre." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(other, "Olga Autre", Role.ORGANISER, "Autre unité " + System.nanoTime(), PASSWORD));
        WebSession stranger = new WebSession(port);
        stranger.signIn(other, PASSWORD);
        assertThat(stranger.getBytes(base() + "/emargement.pdf?demi=matin").statusCode()).isEqualTo(403);
        assertThat(stranger.getBytes(base() + "/badges.pdf").statusCode()).isEqualTo(403);

        for (String query : List.of("emargement.pdf?demi=soir", "emargement.pdf?demi=matin&mode=plein",
                "badges.pdf?format=12")) {
            HttpResponse<String> response = organiser.get(base() + "/" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).contains("Demande incorrecte");
        }
        // No parameter at all: the current half-day, blank.
        try (PDDocument doc = Loader.loadPDF(pdf(base() + "/emargement.pdf"))) {
            assertThat(text(doc)).contains("Martin Alice").doesNotContain("absent(e)");
        }
    }

    @Test
    void a_sheet_per_room_lists_the_participants_given_that_workshop() throws Exception {
        long slot = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(14, 0),
                LocalTime.of(16, 0), org.rencontres.programme.SlotKind.WORKSHOP, null, "Ateliers", null, null, false,
                false, List.of(), List.of()));
        workshops.add(dayId, new org.rencontres.workshops.WorkshopDraft(slot, 1, "Le document idéal", null, null, null));
        workshops.add(dayId, new org.rencontres.workshops.WorkshopDraft(slot, 2, "Bright Mirror", null, null, null));
        List<org.rencontres.workshops.Workshop> rooms = workshops.ofDay(dayId);
        for (String[] who : new String[][] {{"Inès", "Ideal", "0"}, {"Bruno", "Miroir", "1"}}) {
            long id = registrations.request(dayId, new RequestDraft(who[1], who[0],
                    "salle." + System.nanoTime() + "@test.fr", "01 60 79 74 00", "Juriste", null, "Commune", null, null,
                    null, Instant.parse("2016-01-10T10:00:00Z")), "fr", null,
                    List.of(rooms.get(Integer.parseInt(who[2])).id()));
            registrations.advance(id, "orga@cnfpt.fr", null);
            registrations.advance(id, "orga@cnfpt.fr", null);
            registrations.confirm(id, "orga@cnfpt.fr");
        }
        confirmed("Sans", "Atelier", "Commune");
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf(base() + "/emargement.pdf?demi=apres-midi&atelier="
                + rooms.get(0).id()))) {
            String text = text(doc);
            assertThat(text).contains("1. Le document idéal", "Ideal").doesNotContain("Miroir", "Atelier Sans");
        }
        assertThat(organiser.getBytes(base() + "/emargement.pdf?atelier=999999999").statusCode()).isEqualTo(400);
        assertThat(organiser.page("/admin/journees/" + slug + "/presences").select("a[href*=atelier=" + rooms.get(1).id() + "]")
                .text()).contains("Bright Mirror");
    }
}
