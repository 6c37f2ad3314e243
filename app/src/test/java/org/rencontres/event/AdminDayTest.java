package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditTrail;
import org.rencontres.networking.NetworkingSessions;
import org.rencontres.programme.Programmes;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Organisers create, edit, publish, cancel, archive, delete and duplicate days in the back office. */
@RencontresIntegrationTest
class AdminDayTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired AuditTrail audit;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions networking;
    @Autowired Workshops workshops;

    private WebSession organiser(String email, String unit) throws Exception {
        if (!accounts.emailTaken(email)) {
            accounts.create(new NewAccount(email, "Orga " + email, Role.ORGANISER, unit, PASSWORD));
        }
        WebSession session = new WebSession(port);
        assertThat(WebSession.location(session.signIn(email, PASSWORD))).isEqualTo("/admin");
        return session;
    }

    private static Map<String, String> dayForm(String code, String title) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("titre", title);
        form.put("soustitre", "");
        form.put("theme", "Numérique");
        form.put("date", "2031-05-15");
        form.put("debut", "09:00");
        form.put("fin", "17:00");
        form.put("contexte", "Premier paragraphe avec *emphase*.\n\nSecond paragraphe.");
        form.put("publicVise", "Agents des services numériques");
        form.put("inscription", "Voir avec votre service formation.");
        form.put("lienInscription", "https://www.cnfpt.fr");
        form.put("previsionnel", "true");
        form.put("organisateur", "CNFPT – INSET de Dunkerque");
        form.put("unite", "INSET de Dunkerque");
        form.put("lieuNom", "Halle aux sucres");
        form.put("lieuBatiment", "");
        form.put("lieuRue", "9003 route du Quai Freycinet 3");
        form.put("lieuCodePostal", "59140");
        form.put("lieuVille", "Dunkerque");
        form.put("lieuAdressePostale", "");
        form.put("lieuLatitude", "51.0344");
        form.put("lieuLongitude", "2.3768");
        form.put("lieuAcces", "Tram ligne C1");
        return form;
    }

    @Test
    void a_form_with_errors_saves_nothing_and_says_what_is_wrong_next_to_each_field() throws Exception {
        WebSession session = organiser("form.errors@cnfpt.fr", null);
        Map<String, String> form = dayForm("ZADM/001", "");
        form.put("fin", "08:00");
        form.put("lieuCodePostal", "5914");
        form.put("lieuLatitude", "95");

        HttpResponse<String> response = session.submit("/admin/journees/nouvelle", "/admin/journees/nouvelle", form);

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".error-summary li").eachText()).containsExactly(
                "Indiquez un code session fait de lettres et de chiffres, par exemple Z20IN 001.",
                "Indiquez le titre.", "L'heure de fin doit suivre l'heure de début.",
                "Indiquez un code postal à 5 chiffres.",
                "Indiquez une coordonnée en degrés décimaux (6 décimales au plus), par exemple 48.6245.");
        assertThat(page.select("#fin-erreur").text()).isEqualTo("L'heure de fin doit suivre l'heure de début.");
        assertThat(page.select("#fin").attr("aria-describedby")).isEqualTo("fin-erreur");
        assertThat(page.select("#code").attr("value")).isEqualTo("ZADM/001");
        assertThat(page.select("#contexte").text()).contains("Premier paragraphe");
        assertThat(days.forOrganisers(null)).noneMatch(d -> d.title().isEmpty());
    }

    @Test
    void create_edit_publish_cancel_archive() throws Exception {
        WebSession session = organiser("cycle@cnfpt.fr", null);
        HttpResponse<String> created = session.submit("/admin/journees/nouvelle", "/admin/journees/nouvelle",
                dayForm("ZADM 101", "Journée du numérique responsable"));
        assertThat(WebSession.location(created)).isEqualTo("/admin/journees/ZADM101");
        Day day = days.find("ZADM101").orElseThrow();
        assertThat(day.status()).isEqualTo(DayStatus.DRAFT);
        assertThat(day.venue().latitude()).isEqualByComparingTo("51.0344");
        assertThat(session.page("/admin/journees/ZADM101").select("[role=status]").text()).isEqualTo("La journée est créée (en brouillon).");
        assertThat(new WebSession(port).get("/journees/ZADM101").statusCode()).isEqualTo(404);

        Map<String, String> edit = dayForm("ZADM 101", "Journée du numérique responsable et sobre");
        edit.put("version", String.valueOf(day.version()));
        HttpResponse<String> saved = session.submit("/admin/journees/ZADM101/modifier", "/admin/journees/ZADM101/modifier", edit);
        assertThat(WebSession.location(saved)).isEqualTo("/admin/journees/ZADM101");
        assertThat(audit.of(day.id())).first().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("Orga cycle@cnfpt.fr");
            assertThat(e.details()).isEqualTo("Titre : « Journée du numérique responsable » → « Journée du numérique responsable et sobre »");
        });

        Document confirm = session.page("/admin/journees/ZADM101/etat?vers=PUBLISHED");
        assertThat(confirm.select("main p").first().text()).startsWith("Publier « Journée du numérique responsable et sobre » ?");
        session.submit("/admin/journees/ZADM101/etat?vers=PUBLISHED", "/admin/journees/ZADM101/etat?vers=PUBLISHED", Map.of());
        assertThat(new WebSession(port).get("/journees/ZADM101").statusCode()).isEqualTo(200);

        HttpResponse<String> noMessage = session.submit("/admin/journees/ZADM101/etat?vers=CANCELLED",
                "/admin/journees/ZADM101/etat?vers=CANCELLED", Map.of("message", " "));
        assertThat(Jsoup.parse(noMessage.body()).select("#message-erreur").text())
                .isEqualTo("Indiquez le message qui expliquera l'annulation au public.");
        assertThat(days.find("ZADM101").orElseThrow().status()).isEqualTo(DayStatus.PUBLISHED);
        session.submit("/admin/journees/ZADM101/etat?vers=CANCELLED", "/admin/journees/ZADM101/etat?vers=CANCELLED",
                Map.of("message", "Reportée à l'automne en raison des travaux."));
        Document cancelled = new WebSession(port).page("/journees/ZADM101");
        assertThat(cancelled.select("[role=alert]").text()).contains("Journée annulée", "Reportée à l'automne");

        session.submit("/admin/journees/ZADM101/etat?vers=ARCHIVED", "/admin/journees/ZADM101/etat?vers=ARCHIVED", Map.of());
        assertThat(days.find("ZADM101").orElseThrow().status()).isEqualTo(DayStatus.ARCHIVED);
        assertThat(session.get("/admin/journees/ZADM101/etat?vers=PUBLISHED").statusCode()).isEqualTo(409);
        assertThat(session.get("/admin/journees/ZADM101/supprimer").statusCode()).isEqualTo(409);
        assertThat(audit.of(day.id())).extracting(e -> e.action())
                .contains("created", "updated", "status.published", "status.cancelled", "status.archived");
    }

    @Test
    void the_second_of_two_concurrent_saves_gets_a_conflict_and_overwrites_nothing() throws Exception {
        WebSession first = organiser("premiere@cnfpt.fr", null);
        WebSession second = organiser("seconde@cnfpt.fr", null);
        first.submit("/admin/journees/nouvelle", "/admin/journees/nouvelle", dayForm("ZADM 102", "Titre d'origine"));
        String version = first.page("/admin/journees/ZADM102/modifier").select("input[name=version]").attr("value");
        assertThat(second.page("/admin/journees/ZADM102/modifier").select("input[name=version]").attr("value")).isEqualTo(version);

        Map<String, String> mine = dayForm("ZADM 102", "Titre de la première");
        mine.put("version", version);
        first.submit("/admin/journees/ZADM102/modifier", "/admin/journees/ZADM102/modifier", mine);
        Map<String, String> theirs = dayForm("ZADM 102", "Titre de la seconde");
        theirs.put("version", version);
        HttpResponse<String> conflict = second.submit("/admin/journees/ZADM102/modifier", "/admin/journees/ZADM102/modifier", theirs);

        Document page = Jsoup.parse(conflict.body());
        assertThat(page.select("#conflit").text()).startsWith("Quelqu'un d'autre a enregistré cette journée");
        assertThat(page.select("#titre").attr("value")).isEqualTo("Titre de la seconde");
        assertThat(days.find("ZADM102").orElseThrow().title()).isEqualTo("Titre de la première");
    }

    @Test
    void a_session_code_already_used_is_refused() throws Exception {
        WebSession session = organiser("doublon@cnfpt.fr", null);
        HttpResponse<String> response = session.submit("/admin/journees/nouvelle", "/admin/journees/nouvelle",
                dayForm("z20in001", "Copie"));
        assertThat(Jsoup.parse(response.body()).select("#code-erreur").text()).isEqualTo("Une autre journée porte déjà ce code session.");
    }

    @Test
    void a_draft_is_deleted_after_confirmation() throws Exception {
        WebSession session = organiser("suppression@cnfpt.fr", null);
        session.submit("/admin/journees/nouvelle", "/admin/journees/nouvelle", dayForm("ZADM 103", "À supprimer"));
        Document confirm = session.page("/admin/journees/ZADM103/supprimer");
        assertThat(confirm.text()).contains("Cette action ne peut pas être annulée");
        assertThat(confirm.select("form[method=post][action=/admin/journees/ZADM103/supprimer] button.button-danger")).hasSize(1);
        assertThat(confirm.select("a[href=/admin/journees/ZADM103]").text()).isEqualTo("Annuler");
        assertThat(days.find("ZADM103")).isPresent();
        HttpResponse<String> deleted = session.submit("/admin/journees/ZADM103/supprimer", "/admin/journees/ZADM103/supprimer", Map.of());
        assertThat(WebSession.location(deleted)).isEqualTo("/admin");
        assertThat(days.find("ZADM103")).isEmpty();
        assertThat(session.page("/admin").select("[role=status]").text()).isEqualTo("Le brouillon ZADM 103 est supprimé.");
    }

    @Test
    void duplicating_the_demo_day_copies_everything_to_the_new_date_as_a_draft() throws Exception {
        WebSession session = organiser("edition@cnfpt.fr", "INSET de Nancy");
        HttpResponse<String> bad = session.submit("/admin/journees/Z20IN001/dupliquer", "/admin/journees/Z20IN001/dupliquer",
                Map.of("code", "Z20IN 001", "date", "demain"));
        assertThat(Jsoup.parse(bad.body()).select(".error-summary li").eachText())
                .containsExactly("Une autre journée porte déjà ce code session.", "Indiquez une date valide (JJ/MM/AAAA).");

        HttpResponse<String> done = session.submit("/admin/journees/Z20IN001/dupliquer", "/admin/journees/Z20IN001/dupliquer",
                Map.of("code", "Z21IN 001", "date", "2021-06-24"));
        assertThat(WebSession.location(done)).isEqualTo("/admin/journees/Z21IN001");

        Day source = days.find("Z20IN001").orElseThrow();
        Day copy = days.find("Z21IN001").orElseThrow();
        assertThat(copy.status()).isEqualTo(DayStatus.DRAFT);
        assertThat(copy.days().firstDate()).isEqualTo(LocalDate.of(2021, 6, 24));
        assertThat(copy.title()).isEqualTo(source.title());
        assertThat(copy.venue()).isEqualTo(source.venue());
        assertThat(copy.contacts()).isEqualTo(source.contacts());
        assertThat(copy.resources()).isEqualTo(source.resources());
        assertThat(copy.partners()).isEqualTo(source.partners());
        assertThat(copy.organisingUnit()).isEqualTo("INSET de Nancy");
        assertThat(programmes.programmeOf(copy.id()).slots()).hasSize(14)
                .extracting(s -> s.startsAt().toString() + " " + s.title())
                .isEqualTo(programmes.programmeOf(source.id()).slots().stream()
                        .map(s -> s.startsAt().toString() + " " + s.title()).toList());
        assertThat(programmes.programmeOf(copy.id()).slots().get(1).people()).hasSize(2);
        assertThat(networking.ofDay(copy.id())).singleElement().satisfies(n -> assertThat(n.themes()).hasSize(5));
        assertThat(workshops.ofDay(copy.id())).hasSize(2);
        assertThat(audit.of(copy.id())).extracting(e -> e.action()).containsExactly("duplicated");
    }

    @Test
    void contacts_resources_and_partners_are_added_and_removed_one_at_a_time() throws Exception {
        WebSession session = organiser("contacts@cnfpt.fr", null);
        session.submit("/admin/journees/nouvelle", "/admin/journees/nouvelle", dayForm("ZADM 104", "Journée des contacts"));
        String base = "/admin/journees/ZADM104";

        HttpResponse<String> bad = session.submit(base, base + "/contacts", Map.of("objet", "REGISTRATION", "nom", "",
                "courriel", "pas-un-courriel", "telephone", "abc"));
        assertThat(Jsoup.parse(bad.body()).select(".error-summary li").eachText()).containsExactly(
                "Indiquez le nom du contact.", "Indiquez une adresse électronique valide.",
                "Indiquez un numéro de téléphone valide, par exemple 03 83 19 22 20.");
        assertThat(days.find("ZADM104").orElseThrow().contacts()).isEmpty();

        session.submit(base, base + "/contacts", Map.of("objet", "REGISTRATION", "nom", "Magali Belot",
                "fonction", "secrétaire de formation", "courriel", "magali.belot@cnfpt.fr", "telephone", "03 83 19 22 20"));
        session.submit(base, base + "/ressources", Map.of("genre", "COMMUNITY_LINK", "intitule", "E-communauté",
                "adresse", "https://e-communaut.es.cnfpt.fr/"));
        HttpResponse<String> badLink = session.submit(base, base + "/ressources", Map.of("genre", "LINK", "intitule", "X",
                "adresse", "javascript:alert(1)"));
        assertThat(Jsoup.parse(badLink.body()).select("#adresse-erreur").text()).startsWith("Indiquez une adresse web complète");
        session.submit(base, base + "/partenaires", Map.of("partenaire", "Ville de Dunkerque", "contribution", "prête la salle"));

        Day day = days.find("ZADM104").orElseThrow();
        assertThat(day.contacts()).extracting(Contact::email).containsExactly("magali.belot@cnfpt.fr");
        assertThat(day.resources()).extracting(Resource::url).containsExactly("https://e-communaut.es.cnfpt.fr/");
        assertThat(day.partners()).hasSize(1);

        Document confirm = session.page(base + "/retirer?quoi=CONTACT&rang=0");
        assertThat(confirm.select("h1").text()).isEqualTo("Retirer : Magali Belot");
        assertThat(confirm.select("form[method=post][action='" + base + "/retirer?quoi=CONTACT&rang=0'] button.button-danger").text())
                .isEqualTo("Retirer");
        session.submit(base + "/retirer?quoi=CONTACT&rang=0", base + "/retirer?quoi=CONTACT&rang=0", Map.of());
        assertThat(days.find("ZADM104").orElseThrow().contacts()).isEmpty();
        assertThat(session.get(base + "/retirer?quoi=CONTACT&rang=0").statusCode()).isEqualTo(404);
        assertThat(audit.of(day.id())).extracting(e -> e.details()).contains("Contact retiré : Magali Belot",
                "Ressource ajoutée : E-communauté", "Partenaire ajouté : Ville de Dunkerque");
    }

    @Test
    void organisers_of_another_unit_and_anonymous_visitors_reach_no_route_of_a_day() throws Exception {
        WebSession other = organiser("autre.unite@cnfpt.fr", "INSET de Montpellier");
        WebSession anonymous = new WebSession(port);
        String[] routes = {"/admin/journees/Z20IN001", "/admin/journees/Z20IN001/modifier",
                "/admin/journees/Z20IN001/etat?vers=CANCELLED", "/admin/journees/Z20IN001/dupliquer",
                "/admin/journees/Z20IN001/supprimer", "/admin/journees/Z20IN001/retirer?quoi=CONTACT&rang=0"};
        for (String route : routes) {
            assertThat(other.get(route).statusCode()).as(route).isEqualTo(403);
            assertThat(anonymous.get(route).statusCode()).as(route).isEqualTo(302);
        }
        Map<String, String> posts = new HashMap<>();
        posts.put("/admin/journees/Z20IN001/etat?vers=CANCELLED", "message");
        posts.put("/admin/journees/Z20IN001/contacts", "nom");
        posts.put("/admin/journees/Z20IN001/dupliquer", "code");
        for (String action : posts.keySet()) {
            assertThat(other.submit("/admin", action, Map.of(posts.get(action), "x")).statusCode()).as(action).isEqualTo(403);
        }
        assertThat(days.find("Z20IN001").orElseThrow().status()).isEqualTo(DayStatus.PUBLISHED);
        assertThat(other.get("/admin/journees/INCONNU").statusCode()).isEqualTo(404);
    }

    @Test
    void back_office_pages_are_valid_html() throws Exception {
        WebSession session = organiser("html@cnfpt.fr", null);
        session.submit("/admin/journees/nouvelle", "/admin/journees/nouvelle", dayForm("ZADM 105", "Journée valide"));
        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : new String[] {"/admin", "/admin/journees/nouvelle", "/admin/journees/ZADM105",
                "/admin/journees/ZADM105/modifier", "/admin/journees/ZADM105/etat?vers=PUBLISHED",
                "/admin/journees/ZADM105/dupliquer", "/admin/journees/ZADM105/supprimer"}) {
            pages.put(path, session.get(path).body());
        }
        Map<String, String> invalid = dayForm("", "");
        pages.put("form with errors", session.submit("/admin/journees/nouvelle", "/admin/journees/nouvelle", invalid).body());
        HtmlChecker.assertValid("admin-days", pages);
    }

    @Test
    void a_contacts_address_and_number_follow_the_shared_rules() throws Exception {
        WebSession session = organiser("contacts@cnfpt.fr", null);
        session.submit("/admin/journees/nouvelle", "/admin/journees/nouvelle", dayForm("ZADM 190", "Journée des règles"));
        String base = "/admin/journees/ZADM190";

        // The rule of the registration form and of every other form: no accent in the local part, 6 digits at least.
        HttpResponse<String> bad = session.submit(base, base + "/contacts", Map.of("objet", "PROGRAMME",
                "nom", "Jérôme Petit", "courriel", "jérôme@mairie.fr", "telephone", "------"));
        assertThat(Jsoup.parse(bad.body()).select(".error-summary li").eachText()).containsExactly(
                "Indiquez une adresse électronique valide.",
                "Indiquez un numéro de téléphone valide, par exemple 03 83 19 22 20.");
        assertThat(days.find("ZADM190").orElseThrow().contacts()).isEmpty();

        session.submit(base, base + "/contacts", Map.of("objet", "PROGRAMME", "nom", "Jérôme Petit",
                "courriel", " jerome.petit@mairie.fr ", "telephone", "+33 (0)3 83 19 22 20"));
        assertThat(days.find("ZADM190").orElseThrow().contacts()).extracting(Contact::email, Contact::phone)
                .containsExactly(tuple("jerome.petit@mairie.fr", "+33 (0)3 83 19 22 20"));
    }
}
