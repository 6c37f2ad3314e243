package org.rencontres.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The directory in the back office, over HTTP: organisations, their training-service contacts, people. */
@RencontresIntegrationTest
class DirectoryAdminTest {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired OrganisationCatalogue organisations;
    @Autowired PeopleCatalogue people;
    @Autowired TrainingContacts contacts;
    @Autowired JdbcClient jdbc;
    @Autowired Days days;

    WebSession organiser;

    /** A signed-in organiser limited to a unit: the directory is shared, so that limit does not matter here. */
    static WebSession signedIn(int port, Accounts accounts, String email) throws Exception {
        if (!accounts.emailTaken(email)) {
            accounts.create(new NewAccount(email, "Organisatrice annuaire", Role.ORGANISER, "INSET de Montpellier", PASSWORD));
        }
        WebSession session = new WebSession(port);
        assertThat(WebSession.location(session.signIn(email, PASSWORD))).isEqualTo("/admin");
        return session;
    }

    /**
     * A signed-in administrator: changes of an organisation's identity and training-service contacts apply
     * at once for them, and wait for their approval when an organiser asks (DirectoryChangesTest).
     */
    static WebSession administrator(int port, Accounts accounts, String email) throws Exception {
        if (!accounts.emailTaken(email)) {
            accounts.create(new NewAccount(email, "Administratrice annuaire", Role.ADMINISTRATOR, null, PASSWORD));
        }
        WebSession session = new WebSession(port);
        assertThat(WebSession.location(session.signIn(email, PASSWORD))).isEqualTo("/admin");
        return session;
    }

    WebSession admin;

    @BeforeEach
    void signIn() throws Exception {
        organiser = signedIn(port, accounts, "annuaire@cnfpt.fr");
        admin = administrator(port, accounts, "admin.annuaire@cnfpt.fr");
    }

    private static Map<String, String> organisation(String name, String kind) {
        Map<String, String> fields = new HashMap<>(Map.of("nom", name, "sigle", "", "type", kind, "siren", "",
                "rue", "", "codepostal", "", "ville", "", "site", ""));
        return fields;
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void anonymous_visitors_are_sent_to_the_sign_in_page() throws Exception {
        WebSession visitor = new WebSession(port);
        for (String path : new String[] {"/admin/annuaire", "/admin/annuaire/organisations", "/admin/annuaire/organisations/nouvelle",
                "/admin/annuaire/personnes", "/admin/annuaire/import"}) {
            HttpResponse<String> response = visitor.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(WebSession.location(response)).isEqualTo("/connexion");
        }
        assertThat(visitor.page("/").select("nav a[href='/admin/annuaire/organisations']")).isEmpty();
    }

    @Test
    void the_navigation_leads_signed_in_organisers_to_the_directory() throws Exception {
        Document home = organiser.page("/admin");
        assertThat(home.select("header nav a[href='/admin/annuaire/organisations']").text()).isEqualTo("Annuaire");
        assertThat(WebSession.location(organiser.get("/admin/annuaire"))).isEqualTo("/admin/annuaire/organisations");
    }

    @Test
    void an_organiser_creates_an_organisation_that_an_administrator_edits_and_deletes() throws Exception {
        Map<String, String> fields = organisation("Mairie de Savigny-sur-Orge", "COMMUNE");
        fields.putAll(Map.of("siren", "219 105 897", "rue", "48 avenue Charles de Gaulle", "codepostal", "91600",
                "ville", "Savigny-sur-Orge", "site", "www.savigny.org"));
        assertThat(Siren.isValid("219105897")).isTrue();

        HttpResponse<String> created = organiser.submit("/admin/annuaire/organisations/nouvelle", "/admin/annuaire/organisations", fields);
        assertThat(created.statusCode()).isEqualTo(302);
        String page = WebSession.location(created);
        assertThat(page).matches("/admin/annuaire/organisations/\\d+");
        Document shown = organiser.page(page);
        assertThat(shown.select("h1").text()).isEqualTo("Mairie de Savigny-sur-Orge");
        assertThat(shown.select("[role=status]").text()).isEqualTo("L’organisation est enregistrée.");
        assertThat(shown.select(".directory-facts").text()).contains("Commune", "219105897", "91600", "https://www.savigny.org");

        fields.put("nom", "Ville de Savigny-sur-Orge");
        fields.put("type", "OTHER");
        HttpResponse<String> updated = admin.submit(page + "/modifier", page + "/modifier", fields);
        assertThat(WebSession.location(updated)).isEqualTo(page);
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        assertThat(organisations.find(id).orElseThrow().name()).isEqualTo("Ville de Savigny-sur-Orge");
        assertThat(organisations.find(id).orElseThrow().kind()).isEqualTo(OrganisationKind.OTHER);

        Document list = organiser.page("/admin/annuaire/organisations?q=savigny");
        assertThat(list.select("tbody tr a").eachText()).containsExactly("Ville de Savigny-sur-Orge");
        assertThat(organiser.page("/admin/annuaire/organisations?q=SAVIGNY&type=COMMUNE").select("tbody tr")).isEmpty();

        Document confirm = admin.page(page + "/supprimer");
        assertThat(confirm.select("main p").first().text()).contains("Ville de Savigny-sur-Orge");
        HttpResponse<String> deleted = admin.submit(page + "/supprimer", page + "/supprimer", Map.of());
        assertThat(WebSession.location(deleted)).isEqualTo("/admin/annuaire/organisations");
        assertThat(admin.page("/admin/annuaire/organisations").select("[role=status]").text())
                .isEqualTo("L’organisation « Ville de Savigny-sur-Orge » est supprimée.");
        assertThat(organisations.find(id)).isEmpty();
        assertThat(organiser.get(page).statusCode()).isEqualTo(404);
    }

    @Test
    void bad_input_gets_french_messages_next_to_the_fields_and_changes_nothing() throws Exception {
        long before = count("organisation");
        Map<String, String> fields = organisation("", "");
        fields.putAll(Map.of("siren", "123456789", "codepostal", "9108", "site", "pas un site"));
        HttpResponse<String> response = organiser.submit("/admin/annuaire/organisations/nouvelle",
                "/admin/annuaire/organisations", fields);

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".error-summary li").eachText()).containsExactly(
                "Indiquez le nom de l’organisation.",
                "Choisissez le type d’organisation.",
                "Le SIREN doit compter 9 chiffres et être valide (clé de contrôle), par exemple 217 500 016.",
                "Le code postal doit compter 5 chiffres, par exemple 91080.",
                "Indiquez l’adresse complète du site, par exemple https://www.collectivite.fr.");
        assertThat(page.select("#siren").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#siren").attr("aria-describedby")).isEqualTo("siren-aide siren-erreur");
        assertThat(page.select("#codepostal").attr("value")).isEqualTo("9108");
        assertThat(page.select("#type").attr("aria-describedby")).isEqualTo("type-erreur");
        assertThat(page.select("#type").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("select#type[name=type][required]")).hasSize(1);
        assertThat(page.select("label[for=type]").text()).isEqualTo("Type (obligatoire)");
        assertThat(page.select("#type-erreur").text()).isEqualTo("Choisissez le type d’organisation.");
        assertThat(page.select("#nom").attr("aria-describedby")).isEqualTo("nom-erreur");
        assertThat(count("organisation")).isEqualTo(before);
    }

    @Test
    void two_organisations_cannot_share_a_name_whatever_its_case() throws Exception {
        organiser.submit("/admin/annuaire/organisations/nouvelle", "/admin/annuaire/organisations",
                organisation("Département de l'Essonne", "DEPARTEMENT"));
        long before = count("organisation");
        HttpResponse<String> twice = organiser.submit("/admin/annuaire/organisations/nouvelle",
                "/admin/annuaire/organisations", organisation("  DÉPARTEMENT DE L'ESSONNE ", "DEPARTEMENT"));
        assertThat(Jsoup.parse(twice.body()).select("#nom-erreur").text())
                .isEqualTo("Une organisation de l’annuaire porte déjà ce nom.");
        assertThat(count("organisation")).isEqualTo(before);

        // Renaming another organisation to that name is refused too.
        long other = organisations.create(new OrganisationForm("Conseil départemental 91", "", "DEPARTEMENT", "", "", "",
                "", "")).value().id();
        String edit = "/admin/annuaire/organisations/" + other + "/modifier";
        HttpResponse<String> renamed = organiser.submit(edit, edit, organisation("département de l'essonne", "DEPARTEMENT"));
        assertThat(Jsoup.parse(renamed.body()).select("#nom-erreur").text())
                .isEqualTo("Une organisation de l’annuaire porte déjà ce nom.");
        assertThat(organisations.find(other).orElseThrow().name()).isEqualTo("Conseil départemental 91");
    }

    @Test
    void the_demo_days_organisations_are_in_use_and_cannot_be_deleted() throws Exception {
        Map<String, String> expected = Map.of(
                "Centre national de la fonction publique territoriale – INSET de Nancy", "Suppression impossible",
                "Communauté d'agglomération Grand Paris Sud Seine-Essonnes-Sénart", "Suppression impossible",
                "Agence du monde commun", "Suppression impossible");
        for (String name : expected.keySet()) {
            Organisation o = organisations.named(name).orElseThrow();
            String page = "/admin/annuaire/organisations/" + o.id();
            HttpResponse<String> refused = admin.submit(page + "/supprimer", page + "/supprimer", Map.of());
            assertThat(WebSession.location(refused)).isEqualTo(page);
            String message = admin.page(page).select("[role=alert]").text();
            assertThat(message).as(name).startsWith("Suppression impossible : ");
            assertThat(organisations.find(o.id())).isPresent();
        }
        Organisation cnfpt = organisations.named("Centre national de la fonction publique territoriale – INSET de Nancy").orElseThrow();
        HttpResponse<String> refused = admin.submit("/admin/annuaire/organisations/" + cnfpt.id() + "/supprimer",
                "/admin/annuaire/organisations/" + cnfpt.id() + "/supprimer", Map.of());
        assertThat(admin.page(WebSession.location(refused)).select("[role=alert]").text())
                .isIn("Suppression impossible : des personnes de l’annuaire sont rattachées à cette organisation. Rattachez-les ailleurs ou supprimez-les d’abord.",
                        "Suppression impossible : cette organisation organise une journée.",
                        "Suppression impossible : cette fiche figure dans le programme d’une journée. Retirez-la d’abord du programme.");
    }

    @Test
    void an_organisation_used_only_by_a_day_says_so() throws Exception {
        Organisation unused = organisations.create(new OrganisationForm("Organisme organisateur de test", "", "PUBLIC_BODY",
                "", "", "", "", "")).value();
        // A draft day in the past, organised by it (never shown in the catalogue), removed afterwards.
        long day = days.create(new DayDraft(new SessionCode("ZDIR " + System.nanoTime() % 100_000_000),
                "Journée de l'organisme", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 5, 10), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, unused.id(), "INSET de l'annuaire", null, List.of(),
                List.of(), List.of()));
        try {
            String page = "/admin/annuaire/organisations/" + unused.id();
            admin.submit(page + "/supprimer", page + "/supprimer", Map.of());
            assertThat(admin.page(page).select("[role=alert]").text())
                    .isEqualTo("Suppression impossible : cette organisation organise une journée.");
        } finally {
            days.deleteDraft(day);
        }
    }

    @Test
    void training_service_contacts_are_added_checked_and_removed() throws Exception {
        Organisation o = organisations.create(new OrganisationForm("Communauté de communes du Val d'Essonne", "CCVE",
                "INTERCOMMUNALITE", "", "", "", "Ballancourt-sur-Essonne", "")).value();
        String page = "/admin/annuaire/organisations/" + o.id();

        HttpResponse<String> added = admin.submit(page, page + "/contacts", Map.of("libelle", "", "courriel", "formation@ccve.fr"));
        assertThat(WebSession.location(added)).isEqualTo(page + "#service-formation");
        admin.submit(page, page + "/contacts", Map.of("libelle", "Ressources humaines", "courriel", "rh@ccve.fr"));
        Document shown = admin.page(page);
        assertThat(shown.select("#service-formation + table tbody tr td:nth-child(2)").eachText())
                .containsExactly("formation@ccve.fr", "rh@ccve.fr");
        assertThat(shown.select("#service-formation + table tbody tr td:first-child").eachText())
                .containsExactly("Service formation", "Ressources humaines");

        HttpResponse<String> bad = admin.submit(page, page + "/contacts", Map.of("libelle", "", "courriel", "formation.ccve.fr"));
        assertThat(Jsoup.parse(bad.body()).select("#courriel-erreur").text())
                .isEqualTo("Indiquez une adresse électronique valide, par exemple formation@collectivite.fr.");
        HttpResponse<String> twice = admin.submit(page, page + "/contacts", Map.of("libelle", "", "courriel", "FORMATION@ccve.fr"));
        assertThat(Jsoup.parse(twice.body()).select("#courriel-erreur").text())
                .isEqualTo("Cette adresse est déjà enregistrée pour ce service formation.");
        assertThat(contacts.of(o.id())).hasSize(2);

        TrainingContact rh = contacts.of(o.id()).get(1);
        String remove = page + "/contacts/" + rh.id() + "/retirer";
        assertThat(admin.page(remove).select("main p").first().text()).contains("rh@ccve.fr");
        admin.submit(remove, remove, Map.of());
        assertThat(contacts.of(o.id())).extracting(TrainingContact::email).containsExactly("formation@ccve.fr");

        // Deleting the organisation takes its contacts along.
        admin.submit(page + "/supprimer", page + "/supprimer", Map.of());
        assertThat(contacts.of(o.id())).isEmpty();
    }

    @Test
    void an_organiser_creates_edits_and_deletes_a_person() throws Exception {
        Organisation agglo = organisations.named("Communauté d'agglomération Grand Paris Sud Seine-Essonnes-Sénart").orElseThrow();
        Map<String, String> fields = new HashMap<>(Map.of("prenom", "Aïcha", "nom", "Benali", "fonction", "chargée de mission Europe",
                "organisation", String.valueOf(agglo.id()), "courriel", "a.benali@grandparissud.fr", "telephone", "01 69 91 58 00"));
        HttpResponse<String> created = organiser.submit("/admin/annuaire/personnes/nouvelle", "/admin/annuaire/personnes", fields);
        assertThat(WebSession.location(created)).isEqualTo("/admin/annuaire/personnes");
        Document list = organiser.page("/admin/annuaire/personnes?q=benali");
        assertThat(list.select("[role=status]").text()).isEqualTo("Aïcha Benali est ajouté(e) à l’annuaire.");
        assertThat(list.select("tbody tr")).hasSize(1);
        assertThat(list.select("tbody tr td").eachText()).contains("chargée de mission Europe",
                "Communauté d'agglomération Grand Paris Sud Seine-Essonnes-Sénart", "a.benali@grandparissud.fr");
        String edit = list.select("tbody tr a").first().attr("href");

        fields.put("fonction", "directrice des relations internationales");
        fields.put("organisation", "");
        HttpResponse<String> updated = organiser.submit(edit, edit, fields);
        assertThat(WebSession.location(updated)).isEqualTo("/admin/annuaire/personnes");
        long id = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));
        Person person = jdbc.sql("SELECT id, given_name, family_name, job_title, organisation_id, email, phone FROM person WHERE id = ?")
                .param(id).query(Person.class).single();
        assertThat(person.jobTitle()).isEqualTo("directrice des relations internationales");
        assertThat(person.organisationId()).isNull();

        organiser.submit(edit + "/supprimer", edit + "/supprimer", Map.of());
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void a_person_needs_names_a_known_organisation_and_an_unused_email() throws Exception {
        long before = count("person");
        HttpResponse<String> bad = organiser.submit("/admin/annuaire/personnes/nouvelle", "/admin/annuaire/personnes",
                Map.of("prenom", "", "nom", " ", "fonction", "", "organisation", "999999", "courriel", "pas-une-adresse",
                        "telephone", "appelez-moi"));
        Document page = Jsoup.parse(bad.body());
        assertThat(page.select(".error-summary li").eachText()).containsExactly("Indiquez le prénom.",
                "Indiquez le nom de famille.", "Indiquez une adresse électronique valide, par exemple formation@collectivite.fr.",
                "Indiquez un numéro de téléphone valide, par exemple 01 23 45 67 89.",
                "Choisissez une organisation de l’annuaire.");
        assertThat(page.select("#organisation").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#organisation").attr("aria-describedby")).isEqualTo("organisation-erreur");
        assertThat(page.select("select#organisation[name=organisation]:not([required]) option").first().text()).isEqualTo("Aucune organisation");

        HttpResponse<String> taken = organiser.submit("/admin/annuaire/personnes/nouvelle", "/admin/annuaire/personnes",
                Map.of("prenom", "Emmanuel", "nom", "Homonyme", "fonction", "", "organisation", "",
                        "courriel", "EMMANUEL.THOUARY@cnfpt.fr", "telephone", ""));
        assertThat(Jsoup.parse(taken.body()).select("#courriel-erreur").text())
                .isEqualTo("Une autre personne de l’annuaire a déjà cette adresse électronique.");
        assertThat(count("person")).isEqualTo(before);
    }

    @Test
    void a_person_is_created_changed_and_refused_when_wrong_or_gone() {
        String email = "personne." + System.nanoTime() + "@cnfpt.fr";
        Saved<Person> created = people.create(new PersonForm("Paule", "Catalogue", "Juriste", "", email, ""));
        assertThat(created.ok()).isTrue();
        long id = created.value().id();
        assertThat(people.find(id)).hasValueSatisfying(p -> assertThat(p.familyName()).isEqualTo("Catalogue"));

        Saved<Person> changed = people.update(id, new PersonForm("Paule", "Annuaire", "Juriste", "", email, ""));
        assertThat(changed.ok()).isTrue();
        assertThat(changed.value().familyName()).isEqualTo("Annuaire");

        // Someone else's address: refused, nothing changed.
        Saved<Person> taken = people.update(id, new PersonForm("Paule", "Homonyme", "", "", "EMMANUEL.THOUARY@cnfpt.fr", ""));
        assertThat(taken.ok()).isFalse();
        assertThat(taken.problems()).extracting(org.rencontres.shared.FieldProblem::field).containsExactly("courriel");
        assertThat(people.find(id).orElseThrow().familyName()).isEqualTo("Annuaire");

        // A person deleted in the meantime is not written again.
        people.delete(id);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> people.update(id, new PersonForm("Paule", "Fantôme", "", "", "", "")))
                .isInstanceOfSatisfying(DirectoryRefusal.class, r -> assertThat(r.messageKey()).isEqualTo("directory.error.gone"));
        assertThat(people.find(id)).isEmpty();
    }

    @Test
    void a_speaker_of_the_demo_day_cannot_be_deleted() throws Exception {
        long id = jdbc.sql("SELECT id FROM person WHERE email = 'emmanuel.thouary@cnfpt.fr'").query(Long.class).single();
        String page = "/admin/annuaire/personnes/" + id;
        HttpResponse<String> refused = organiser.submit(page + "/supprimer", page + "/supprimer", Map.of());
        assertThat(WebSession.location(refused)).isEqualTo(page);
        assertThat(organiser.page(page).select("[role=alert]").text())
                .isEqualTo("Suppression impossible : cette fiche figure dans le programme d’une journée. Retirez-la d’abord du programme.");
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE id = ?").param(id).query(Long.class).single()).isOne();
    }

    @Test
    void the_search_ignores_case_and_accents_and_filters_by_kind() throws Exception {
        String agglo = "Communauté d'agglomération Grand Paris Sud Seine-Essonnes-Sénart";
        assertThat(organiser.page("/admin/annuaire/organisations?q=EVRY").select("tbody a").eachText()).contains(agglo);
        assertThat(organiser.page("/admin/annuaire/organisations?q=communaute+d%27agglo").select("tbody a").eachText()).contains(agglo);
        assertThat(organiser.page("/admin/annuaire/organisations?q=grand+paris+sud&type=INTERCOMMUNALITE").select("tbody a").eachText())
                .containsExactly(agglo);
        assertThat(organiser.page("/admin/annuaire/organisations?q=grand+paris+sud&type=REGION").select("tbody tr")).isEmpty();
        assertThat(organiser.page("/admin/annuaire/organisations?q=100%25").select("main > p").eachText())
                .contains("Aucune organisation ne correspond à cette recherche.");
        Document thouary = organiser.page("/admin/annuaire/personnes?q=THOUARY");
        assertThat(thouary.select("tbody tr td:nth-child(4)").eachText()).containsExactly("emmanuel.thouary@cnfpt.fr");
        // Both lists: the search form (its fields, one button) and a table whose caption counts the results.
        assertThat(thouary.select("table caption").text()).isEqualTo("1 personne");
        assertThat(thouary.select("form[role=search][method=get][action=/admin/annuaire/personnes] input#q").val()).isEqualTo("THOUARY");
        assertThat(thouary.select("form[role=search] button[type=submit]").eachText()).containsExactly("Rechercher");
        Document grandParisSud = organiser.page("/admin/annuaire/organisations?q=grand+paris+sud&type=INTERCOMMUNALITE");
        assertThat(grandParisSud.select("table caption").text()).isEqualTo("1 organisation");
        assertThat(grandParisSud.select("form[role=search][action=/admin/annuaire/organisations] select#type option[selected]").val())
                .isEqualTo("INTERCOMMUNALITE");
        assertThat(organiser.page("/admin/annuaire/personnes?q=personne+inconnue+zz").select("main > p").eachText())
                .contains("Aucune personne ne correspond à cette recherche.");
        assertThat(organiser.page("/admin/annuaire/personnes?q=personne+inconnue+zz").select("table")).isEmpty();
    }

    @Test
    void long_lists_come_in_pages() throws Exception {
        for (int i = 0; i < OrganisationCatalogue.PAGE_SIZE + 1; i++) {
            organisations.create(new OrganisationForm("Syndicat paginé n° " + (100 + i), "", "PUBLIC_BODY", "", "", "", "", ""));
        }
        Document first = organiser.page("/admin/annuaire/organisations?q=pagin%C3%A9");
        assertThat(first.select("tbody tr")).hasSize(OrganisationCatalogue.PAGE_SIZE);
        assertThat(first.select(".pager p").text()).isEqualTo("Page 1 sur 2");
        Document second = organiser.page(first.select(".pager a[rel=next]").attr("href"));
        assertThat(second.select("tbody tr a").eachText()).containsExactly("Syndicat paginé n° 125");
        assertThat(second.select(".pager a[rel=prev]")).hasSize(1);
        assertThat(organiser.page("/admin/annuaire/organisations?q=pagin%C3%A9&page=abc").select("tbody tr"))
                .hasSize(OrganisationCatalogue.PAGE_SIZE);
    }

    @Test
    void unknown_records_give_the_404_page() throws Exception {
        assertThat(organiser.get("/admin/annuaire/organisations/999999").statusCode()).isEqualTo(404);
        assertThat(organiser.get("/admin/annuaire/personnes/999999").statusCode()).isEqualTo(404);
        assertThat(organiser.get("/admin/annuaire/organisations/999999/contacts/1/retirer").statusCode()).isEqualTo(404);
    }
}
