package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.rencontres.QrInPdf;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.security.Accounts;
import org.rencontres.shared.FrenchTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval trail of a registration over real HTTP: every decision with its author, role, date and
 * reason in the PDF; downloadable by the agent's space, by the employer's training service and by the
 * session's organiser, refused to the others; verifiable on the public page by its code (a tampered
 * code refused), the same code as long as the trail does not change.
 */
@RencontresIntegrationTest
class ApprovalTrailWebTest {

    private static final Pattern CODE = Pattern.compile("Code de vérification[\\s\\u00a0]*:[\\s\\u00a0]*([A-Za-z0-9_-]{24})");

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired Links links;
    @Autowired TransactionTemplate transaction;

    private long n;
    private String slug;
    private long dayId;
    private long employer;
    private long otherEmployer;
    private WebSession organiser;

    @BeforeEach
    void aSessionWithTheManagersOpinionAsked() throws Exception {
        n = System.nanoTime() % 100_000_000;
        String unit = "INSET des parcours " + n;
        SessionCode code = new SessionCode("ZTRL " + n);
        slug = code.slug();
        dayId = TestSessions.session(days, registrations, code, "Journée des parcours", unit, TestSessions.halfDay());
        registrations.setCapacity(new Capacity(dayId, 50, 48, true));
        organiser = TestSessions.organiser(accounts, port, "parcours." + n + "@cnfpt.fr", "Claude Parcours", unit);
        employer = directory.addOrganisation(NewOrganisation.named("Commune des Parcours " + n, OrganisationKind.COMMUNE)).id();
        otherEmployer = directory.addOrganisation(NewOrganisation.named("Commune Voisine " + n, OrganisationKind.COMMUNE)).id();
    }

    /** A request of an agent of the employer through the whole chain: manager, training service, organiser. */
    private long throughTheChain(String givenName, String surname) {
        long id = registrations.request(dayId, new RequestDraft(surname, givenName,
                mail(givenName), "01 60 79 74 00", "Juriste", employer,
                "Commune des Parcours " + n, "chef." + n + "@parcours.fr", null, null, Instant.parse("2027-01-10T10:00:00Z")),
                "fr", null, java.util.List.of());
        assertThat(registrations.advance(id, "Claude Parcours", null)).isEqualTo(RegistrationState.AWAITING_MANAGER);
        String manager = issue(Links.Purpose.MANAGER, id, "chef." + n + "@parcours.fr", later());
        registrations.managerOpinion(manager, true, "Utile au poste de juriste");
        String service = issue(Links.Purpose.TRAINING_SERVICE, id, "rh." + n + "@parcours.fr", later());
        registrations.trainingServiceDecision(service, true, "Plan de formation 2027");
        assertThat(registrations.confirm(id, "Claude Parcours")).isEqualTo(RegistrationState.CONFIRMED);
        return id;
    }

    private String issue(Links.Purpose purpose, long id, String recipient, Instant expires) {
        return transaction.execute(s -> links.issue(purpose, id, recipient, expires));
    }

    private String issueForService(long organisation, String recipient, Instant expires) {
        return transaction.execute(s -> links.issueForService(organisation, recipient, expires));
    }

    /** The agent's address: their given name without accents. */
    private String mail(String givenName) {
        return java.text.Normalizer.normalize(givenName, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
                .toLowerCase() + "." + n + "@parcours.fr";
    }

    private static Instant later() {
        return Instant.now().plus(7, ChronoUnit.DAYS);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // Spaces as one (a no-break space too), and none inside an e-mail address the layout broke at its dot.
            return new PDFTextStripper().getText(doc).replaceAll("[\\s\\u00a0]+", " ").replaceAll("\\. (?=\\d+@)", ".");
        }
    }

    private static String code(String text) {
        Matcher m = CODE.matcher(text);
        assertThat(m.find()).as("a verification code in: %s", text).isTrue();
        return m.group(1);
    }

    @Test
    void the_trail_lists_each_decision_with_its_author_role_date_and_reason() throws Exception {
        long id = throughTheChain("Camille", "Parcours");
        String agentSpace = "/inscription/espace/" + issue(Links.Purpose.AGENT_SPACE, id, mail("Camille"), later());

        HttpResponse<byte[]> pdf = new WebSession(port).getBytes(agentSpace + "/parcours.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        String text = text(pdf.body());
        String today = FrenchTime.longDate(LocalDate.now(FrenchTime.PARIS));
        assertThat(text).contains("Parcours d'approbation de l'inscription", "Camille Parcours", "Journée des parcours",
                "Demande d'inscription", "Demande transmise au responsable hiérarchique pour avis",
                "Avis favorable du responsable hiérarchique", "Responsable hiérarchique (chef." + n + "@parcours.fr)",
                "Utile au poste de juriste", "Accord du service formation", "Service formation (rh." + n + "@parcours.fr)",
                "Plan de formation 2027", "Inscription confirmée", "Claude Parcours", "Organisateur",
                "Camille Parcours (" + mail("Camille") + ") Agent",
                today + " à ");
        // The steps in their order.
        assertThat(text.indexOf("Demande d'inscription")).isLessThan(text.indexOf("Avis favorable"));
        assertThat(text.indexOf("Avis favorable")).isLessThan(text.indexOf("Accord du service formation"));
        assertThat(text.indexOf("Accord du service formation")).isLessThan(text.indexOf("Inscription confirmée"));
        String code = code(text);
        assertThat(QrInPdf.decode(pdf.body(), 0)).endsWith("/inscription/parcours/verifier/" + code);

        // The same trail, the same code.
        assertThat(code(text(new WebSession(port).getBytes(agentSpace + "/parcours.pdf").body()))).isEqualTo(code);
        // The space links it.
        assertThat(new WebSession(port).page(agentSpace).select("a[href$=/parcours.pdf]")).hasSize(1);
    }

    @Test
    void the_trail_is_the_agents_the_employers_and_the_organisers_and_no_one_elses() throws Exception {
        long id = throughTheChain("Dominique", "Sentier");
        long other = throughTheChain("Eden", "Chemin");
        String otherSpace = issue(Links.Purpose.AGENT_SPACE, other, mail("Eden"), later());
        String service = issueForService(employer, "rh." + n + "@parcours.fr", later());
        String neighbour = issueForService(otherEmployer, "rh.voisine." + n + "@parcours.fr", later());
        WebSession anyone = new WebSession(port);

        // The employer's training service, from its space that links it.
        String servicePath = "/service-formation/espace/" + service + "/inscriptions/" + id + "/parcours.pdf";
        HttpResponse<byte[]> ofService = anyone.getBytes(servicePath);
        assertThat(ofService.statusCode()).isEqualTo(200);
        assertThat(text(ofService.body())).contains("Dominique Sentier", "Accord du service formation");
        assertThat(anyone.page("/service-formation/espace/" + service).select("a[href=" + servicePath + "]")).hasSize(1);
        // Another employer's service, a tampered token: nothing.
        assertThat(anyone.getBytes("/service-formation/espace/" + neighbour + "/inscriptions/" + id + "/parcours.pdf")
                .statusCode()).isEqualTo(404);
        assertThat(anyone.getBytes("/service-formation/espace/" + service + "x/inscriptions/" + id + "/parcours.pdf")
                .statusCode()).isEqualTo(404);
        // Another agent's space gives that agent's trail, never this one; a tampered token nothing.
        String ofOther = text(anyone.getBytes("/inscription/espace/" + otherSpace + "/parcours.pdf").body());
        assertThat(ofOther).contains("Eden Chemin").doesNotContain("Dominique Sentier");
        assertThat(anyone.getBytes("/inscription/espace/" + otherSpace.substring(1) + "A/parcours.pdf").statusCode())
                .isEqualTo(404);

        // The session's organiser; an organiser of another unit is refused; a registration of another session is not found.
        String admin = "/admin/journees/" + slug + "/inscriptions/" + id + "/parcours.pdf";
        assertThat(organiser.getBytes(admin).statusCode()).isEqualTo(200);
        assertThat(organiser.page("/admin/journees/" + slug + "/inscriptions/" + id).select("a[href$=/" + id + "/parcours.pdf]"))
                .hasSize(1);
        WebSession stranger = TestSessions.organiser(accounts, port, "ailleurs." + n + "@cnfpt.fr", "Alex Ailleurs",
                "INSET d'ailleurs " + n);
        assertThat(stranger.getBytes(admin).statusCode()).isEqualTo(403);
        long elsewhere = TestSessions.session(days, registrations, new SessionCode("ZTRM " + n), "Autre session",
                "INSET des parcours " + n, TestSessions.halfDay());
        long ofElsewhere = TestSessions.confirmed(registrations, elsewhere, "Fanny", "Ailleurs");
        assertThat(organiser.getBytes("/admin/journees/" + slug + "/inscriptions/" + ofElsewhere + "/parcours.pdf")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void the_code_verifies_the_trail_as_it_was_and_a_tampered_code_is_refused() throws Exception {
        long id = throughTheChain("Gaël", "Vérifié");
        String code = code(text(organiser.getBytes("/admin/journees/" + slug + "/inscriptions/" + id + "/parcours.pdf").body()));
        WebSession anyone = new WebSession(port);

        HttpResponse<String> genuine = anyone.get("/inscription/parcours/verifier/" + code);
        assertThat(genuine.statusCode()).isEqualTo(200);
        Document page = org.jsoup.Jsoup.parse(genuine.body());
        assertThat(page.select(".verify-genuine").text()).startsWith("Ce parcours d'approbation est authentique");
        assertThat(page.select(".verify-details").text()).contains("Gaël Vérifié", "Journée des parcours", code);
        assertThat(page.select("tbody tr")).hasSize(5);
        assertThat(page.select("tbody").text()).contains("Avis favorable du responsable hiérarchique",
                "Utile au poste de juriste", "Inscription confirmée");

        char last = code.charAt(code.length() - 1);
        String tampered = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
        HttpResponse<String> refused = anyone.get("/inscription/parcours/verifier/" + tampered);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(org.jsoup.Jsoup.parse(refused.body()).select(".verify-unknown").text())
                .isEqualTo("Aucun parcours d'approbation ne correspond au code " + tampered + ".");
        assertThat(anyone.get("/inscription/parcours/verifier/x'y").statusCode()).isEqualTo(404);

        // A later step gives a new code; the old one still shows the trail as it was then.
        registrations.withdraw(id, "Agent (" + mail("Gaël") + ")", "Mutation");
        String newer = code(text(organiser.getBytes("/admin/journees/" + slug + "/inscriptions/" + id + "/parcours.pdf").body()));
        assertThat(newer).isNotEqualTo(code);
        assertThat(org.jsoup.Jsoup.parse(anyone.get("/inscription/parcours/verifier/" + code).body()).select("tbody").text())
                .doesNotContain("Désistement");
        Document now = org.jsoup.Jsoup.parse(anyone.get("/inscription/parcours/verifier/" + newer).body());
        assertThat(now.select("tbody tr")).hasSize(6);
        assertThat(now.select("tbody tr").last().text()).contains("Désistement", "Gaël Vérifié (" + mail("Gaël") + ")",
                "Agent", "Mutation");

        HtmlChecker.assertValid("approval-trail", Map.of("genuine", genuine.body(), "unknown", refused.body()));
    }
}
