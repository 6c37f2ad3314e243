package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.event.Contact;
import org.rencontres.event.Day;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.Venue;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registration documents of a day of this test's own, read back: the PDFs' text with PDFBox, the
 * convocation's QR code decoded by ZXing from the rendered page, the calendar file parsed by ical4j.
 */
@RencontresIntegrationTest
class RegistrationDocumentsTest {

    @Autowired RegistrationDocuments documents;
    @Autowired Registrations registrations;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Directory directory;
    @Autowired org.springframework.context.MessageSource messages;

    /** A registration number is an identifier, never grouped by thousands (« 1 001 » once the ids passed 1000). */
    @org.junit.jupiter.api.Test
    void registration_numbers_are_written_without_grouping() {
        java.util.Locale fr = java.util.Locale.FRENCH;
        assertThat(messages.getMessage("documents.convocation.number", new Object[] {1001L}, fr)).isEqualTo("Inscription n° 1001");
        assertThat(messages.getMessage("documents.convocation.qr.alt", new Object[] {123456L}, fr)).contains("n° 123456,");
        assertThat(messages.getMessage("documents.bulletin.request", new Object[] {1001L, "7 décembre 2026"}, fr))
                .startsWith("Demande d'inscription n° 1001 du");
        assertThat(messages.getMessage("registration.trail.pdf.session", new Object[] {"Z27IN 001", 1001L}, fr))
                .isEqualTo("Code session Z27IN 001, inscription n°\u00a01001");
    }

    private Day day;
    private Organisation employer;

    @BeforeEach
    void aDayWithItsProgramme() {
        long n = System.nanoTime() % 100_000_000;
        long id = days.create(new DayDraft(new SessionCode("ZDOC " + n), "Écrire la coopération", "entre collectivités",
                null, List.of(new SessionDayDraft(LocalDate.of(2031, 5, 20), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.",
                null, "Inscription par le service formation.", null, false, null, "INSET de Documents " + n,
                new Venue("Hôtel de l'agglomération", "Salle du conseil", "500 place des Champs-Élysées", "91080",
                        "Évry-Courcouronnes", null, null, null, "En RER : ligne D, gare d'Évry-Courcouronnes.\nEn bus : ligne 402."),
                List.of(new Contact(Contact.Purpose.PROGRAMME, "Emma Conseil", "conseillère formation", "CNFPT",
                                "06 00 00 00 01", "emma.conseil@cnfpt.fr"),
                        new Contact(Contact.Purpose.REGISTRATION, "Magali Secrétaire", "secrétaire de formation", "CNFPT",
                                "03 83 19 22 20", "magali.secretaire@cnfpt.fr")),
                List.of(), List.of()));
        // The programme starts before and ends before the day's announced times: the agent's times follow it.
        programmes.addSlot(id, new SlotDraft(days.days(id).orElseThrow().first().id(), LocalTime.of(8, 45), LocalTime.of(9, 30), SlotKind.WELCOME, null,
                "Accueil", null, null, false, false, List.of(), List.of()));
        programmes.addSlot(id, new SlotDraft(days.days(id).orElseThrow().first().id(), LocalTime.of(15, 0), LocalTime.of(16, 45), SlotKind.CLOSING, null,
                "Clôture", null, null, false, false, List.of(), List.of()));
        day = days.find(new SessionCode("ZDOC " + n).slug()).orElseThrow();
        employer = directory.addOrganisation(new NewOrganisation("Commune de Documents-sur-Test " + n, null,
                OrganisationKind.COMMUNE, null, "1 rue de la Mairie", "91000", "Documents-sur-Test", null));
    }

    private Registration request(Long organisationId, String employerName) {
        long id = registrations.request(day.id(), new RequestDraft("Durand", "Camille", "camille.durand@documents.fr",
                "01 60 79 74 00", "Chargée de mission, service des relations internationales", organisationId,
                employerName, "chef.service@documents.fr", "Végétarien", "Boucle magnétique",
                Instant.parse("2031-01-10T10:00:00Z")));
        return registrations.find(id).orElseThrow();
    }

    private Registration confirmed() {
        Registration r = request(employer.id(), null);
        registrations.setCapacity(new Capacity(day.id(), 10, 48, false));
        registrations.advance(r.id(), "Système", null);
        registrations.advance(r.id(), "formation@documents.fr", null);
        assertThat(registrations.advance(r.id(), "orga@cnfpt.fr", null)).isEqualTo(RegistrationState.CONFIRMED);
        return registrations.find(r.id()).orElseThrow();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            // One space for any run of white space: a line break may fall between two words.
            return stripper.getText(doc).replaceAll("\\s+", " ");
        }
    }

    static String decodeQr(byte[] pdf) throws Exception {
        return org.rencontres.QrInPdf.decode(pdf, 0);
    }

    @Test
    void the_blank_form_names_the_day_and_leaves_every_box_empty() throws Exception {
        request(employer.id(), null);
        byte[] pdf = documents.blankBulletin(day);

        String text = text(pdf);
        assertThat(text).contains("Bulletin d'inscription", day.sessionCode().value(), "Écrire la coopération entre collectivités",
                "mardi 20 mai 2031", "de 8h45 à 16h45", "Hôtel de l'agglomération", "500 place des Champs-Élysées, 91080 Évry-Courcouronnes",
                "Nom", "Prénom", "Adresse électronique", "Téléphone", "Fonction et service", "Collectivité ou établissement",
                "Responsable hiérarchique", "Repas : régime ou allergies", "Besoins d'accessibilité",
                // The privacy notice: the public form's facts, with the organising unit as controller.
                "organiser la journée", "conservées un an après la journée, puis supprimées",
                "Responsable du traitement : " + day.organisingUnit(),
                "Le service formation de l'employeur", "Cachet de la collectivité", "Signature",
                // Where to send it: the day's registration contact.
                "Magali Secrétaire", "magali.secretaire@cnfpt.fr", "03 83 19 22 20");
        assertThat(text).doesNotContain("Durand", "Camille", "camille.durand@documents.fr", "Végétarien",
                employer.name(), "Demande d'inscription n°", "Emma Conseil");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("Bulletin d'inscription");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
        }
    }

    @Test
    void the_filled_in_form_repeats_the_request_with_the_directorys_employer() throws Exception {
        Registration r = request(employer.id(), null);

        String text = text(documents.bulletin(day, r));

        assertThat(text).contains(day.sessionCode().value(), "Écrire la coopération",
                "Demande d'inscription n° " + r.id() + " du " + org.rencontres.shared.FrenchTime.longDate(
                        r.createdAt().atZone(org.rencontres.shared.FrenchTime.PARIS).toLocalDate()),
                "Durand", "Camille", "camille.durand@documents.fr", "01 60 79 74 00",
                "Chargée de mission, service des relations internationales", employer.name(), "1 rue de la Mairie",
                "91000 Documents-sur-Test", "chef.service@documents.fr", "Végétarien", "Boucle magnétique",
                "Le service formation de l'employeur");
    }

    @Test
    void a_typed_employer_is_printed_as_typed() throws Exception {
        Registration r = request(null, "Syndicat intercommunal des eaux de Test");

        assertThat(text(documents.bulletin(day, r))).contains("Syndicat intercommunal des eaux de Test", "Camille");
    }

    @Test
    void the_convocation_holds_the_day_and_a_qr_code_with_exactly_the_payload() throws Exception {
        Registration r = confirmed();
        String payload = "RENCONTRES:" + day.sessionCode().slug() + ":" + r.id() + ":signé-é";

        byte[] pdf = documents.convocation(day, r, List.of("Atelier 2 : écrire l'état de l'art"), payload);

        assertThat(decodeQr(pdf)).isEqualTo(payload);
        String text = text(pdf);
        assertThat(text).contains("Convocation", "Camille Durand", employer.name(), "Écrire la coopération entre collectivités",
                day.sessionCode().value(), "le mardi 20 mai 2031, de 8h45 à 16h45", "Hôtel de l'agglomération",
                "Salle du conseil", "500 place des Champs-Élysées, 91080 Évry-Courcouronnes",
                "En RER : ligne D, gare d'Évry-Courcouronnes.", "En bus : ligne 402.",
                "VOTRE ATELIER", "Atelier 2 : écrire l'état de l'art", "À APPORTER", "Inscription n° " + r.id());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> figures = new ArrayList<>();
            collectFigures(doc.getDocumentCatalog().getStructureTreeRoot(), figures);
            assertThat(figures).anySatisfy(alt -> assertThat(alt).startsWith("Code QR de l'inscription n° " + r.id()));
        }

        assertThat(text(documents.convocation(day, r, List.of(), payload))).doesNotContain("VOTRE ATELIER");
        // One workshop per workshop period: a morning and an afternoon one are both named.
        assertThat(text(documents.convocation(day, r, List.of("9 h 30 – 12 h 00 : 1. État de l'art",
                "14 h 00 – 16 h 00 : 3. Bright Mirror"), payload)))
                .contains("VOS ATELIERS", "9 h 30 – 12 h 00 : 1. État de l'art", "14 h 00 – 16 h 00 : 3. Bright Mirror");
    }

    private static void collectFigures(PDStructureNode node, List<String> alternates) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType()) && element.getAlternateDescription() != null) {
                    alternates.add(element.getAlternateDescription());
                }
                collectFigures(element, alternates);
            }
        }
    }

    @Test
    void the_calendar_file_has_one_event_for_the_agent_in_paris_time() throws Exception {
        Registration r = confirmed();

        String ics = new String(documents.ics(day, r), StandardCharsets.UTF_8);

        assertThat(ics.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        DtStart<Temporal> start = event.getDateTimeStart();
        DtEnd<Temporal> end = event.getDateTimeEnd();
        assertThat(ZonedDateTime.from(start.getDate()).toOffsetDateTime().toString()).isEqualTo("2031-05-20T08:45+02:00");
        assertThat(ZonedDateTime.from(end.getDate()).toOffsetDateTime().toString()).isEqualTo("2031-05-20T16:45+02:00");
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).contains("inscription-" + r.id() + "-");
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("Écrire la coopération entre collectivités");
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Hôtel de l'agglomération, 500 place des Champs-Élysées, 91080 Évry-Courcouronnes");
        assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:camille.durand@documents.fr");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue()).isEqualTo("mailto:magali.secretaire@cnfpt.fr");
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        assertThat(ics).contains("TZID:Europe/Paris");

        // Another registration of the same day is another event for calendars.
        Registration other = registrations.find(registrations.request(day.id(), TestDays.agent("Dominique",
                "dominique@documents.fr"))).orElseThrow();
        VEvent otherEvent = new CalendarBuilder().build(new StringReader(new String(documents.ics(day, other),
                StandardCharsets.UTF_8))).<VEvent>getComponents("VEVENT").get(0);
        assertThat(otherEvent.getProperty(Property.UID).orElseThrow().getValue())
                .isNotEqualTo(event.getProperty(Property.UID).orElseThrow().getValue());
    }

    @Test
    void without_a_programme_or_contacts_the_documents_give_the_days_times_and_say_whom_to_ask() throws Exception {
        String code = "ZDOB " + System.nanoTime() % 100_000_000;
        days.create(new DayDraft(new SessionCode(code), "Journée sans programme", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 6, 3), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null, null, false, null, null,
                null, List.of(), List.of(), List.of()));
        Day bare = days.find(new SessionCode(code).slug()).orElseThrow();

        assertThat(text(documents.blankBulletin(bare))).contains("de 9h à 17h", code,
                "Renvoyez ce bulletin signé à l'organisateur de la journée",
                "Responsable du traitement : la structure du CNFPT qui organise la journée");
    }

    @Test
    void the_documents_bundle_has_the_same_keys_in_french_and_english() throws Exception {
        Properties fr = bundle("messages_fr.properties");
        assertThat(bundle("messages_en.properties").stringPropertyNames()).isEqualTo(fr.stringPropertyNames());
        assertThat(bundle("messages.properties")).isEqualTo(fr);
    }

    private static Properties bundle(String file) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = RegistrationDocumentsTest.class.getResourceAsStream("/i18n/registration/documents/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
