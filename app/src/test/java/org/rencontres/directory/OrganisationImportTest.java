package org.rencontres.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Import of organisations from CSV over HTTP: preview, confirmation, and bad files that change nothing. */
@RencontresIntegrationTest
class OrganisationImportTest {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired OrganisationCatalogue organisations;
    @Autowired TrainingContacts contacts;
    @Autowired OrganisationImports imports;
    @Autowired JdbcClient jdbc;

    WebSession organiser;

    @BeforeEach
    void signIn() throws Exception {
        // An administrator: an organiser's import of existing organisations and addresses waits (DirectoryChangesTest).
        organiser = DirectoryAdminTest.administrator(port, accounts, "import@cnfpt.fr");
    }

    private String snapshot() {
        return jdbc.sql("""
                SELECT coalesce(string_agg(concat_ws('|', id, name, short_name, kind, siren, street, postcode, city, website), E'\\n' ORDER BY id), '')
                FROM organisation""").query(String.class).single()
                + jdbc.sql("""
                SELECT coalesce(string_agg(concat_ws('|', id, organisation_id, label, email), E'\\n' ORDER BY id), '')
                FROM organisation_training_contact""").query(String.class).single();
    }

    @Test
    void a_good_file_is_previewed_then_imported_on_confirmation() throws Exception {
        Organisation agence = organisations.create(new OrganisationForm("Agence de l'import", "", "OTHER", "", "",
                "", "Lyon", "")).value();
        byte[] file = ("Nom;Type;SIREN;Adresse;Code postal;Ville;Site;Courriel formation\r\n"
                + "Mairie d'Évry-Courcouronnes (import);Commune;217 500 016;Place des Droits de l'Homme;91000;Évry-Courcouronnes;;formation@evry-import.fr\r\n"
                + "\"AGENCE DE L'IMPORT\";Association;;\"12, rue de l'Import\";75011;Paris;www.mondecommun.fr;formation@mondecommun.fr | rh@mondecommun.fr\r\n")
                .getBytes(CsvOrganisationImport.WINDOWS_1252);

        HttpResponse<String> uploaded = organiser.upload("/admin/annuaire/import", "fichier", "organisations.csv", file);
        assertThat(WebSession.location(uploaded)).isEqualTo("/admin/annuaire/import/apercu");
        assertThat(organisations.named("Mairie d'Évry-Courcouronnes (import)")).as("nothing before confirmation").isEmpty();

        Document preview = organiser.page("/admin/annuaire/import/apercu");
        assertThat(preview.select("h1").text()).isEqualTo("Aperçu de l’import");
        assertThat(preview.select("main > p").eachText()).anyMatch(p -> p.contains("windows-1252") && p.contains("« ; »"));
        assertThat(preview.select(".import-summary li").eachText()).containsExactly("1 nouvelle organisation",
                "1 mise à jour d’une organisation existante", "Aucune ligne en erreur");
        assertThat(preview.select("tbody tr td:nth-child(2)").eachText())
                .containsExactly("Mairie d'Évry-Courcouronnes (import)", "AGENCE DE L'IMPORT");
        assertThat(preview.select("tbody tr .status").eachText())
                .containsExactly("Nouvelle organisation", "Mise à jour de l’organisation existante");
        String token = preview.select("input[name=jeton]").attr("value");
        assertThat(token).isNotBlank();

        // A forged token is refused: the server trusts only the preview it keeps.
        HttpResponse<String> forged = organiser.submit("/admin/annuaire/import/apercu", "/admin/annuaire/import/confirmer",
                Map.of("jeton", "autre"));
        assertThat(Jsoup.parse(forged.body()).select(".error-summary").text()).contains("Cet aperçu n’est plus disponible");
        assertThat(organisations.named("Mairie d'Évry-Courcouronnes (import)")).isEmpty();

        HttpResponse<String> confirmed = organiser.submit("/admin/annuaire/import/apercu", "/admin/annuaire/import/confirmer",
                Map.of("jeton", token));
        assertThat(WebSession.location(confirmed)).isEqualTo("/admin/annuaire/organisations");
        assertThat(organiser.page("/admin/annuaire/organisations").select("[role=status]").text())
                .isEqualTo("Import terminé : 1 organisation ajoutée, 1 mise à jour, 3 adresses de service formation ajoutées.");

        Organisation evry = organisations.named("Mairie d'Évry-Courcouronnes (import)").orElseThrow();
        assertThat(evry.kind()).isEqualTo(OrganisationKind.COMMUNE);
        assertThat(evry.siren()).isEqualTo("217500016");
        assertThat(evry.city()).isEqualTo("Évry-Courcouronnes");
        assertThat(contacts.of(evry.id())).extracting(TrainingContact::email).containsExactly("formation@evry-import.fr");
        assertThat(contacts.of(evry.id())).extracting(TrainingContact::label).containsExactly("Service formation");
        Organisation updated = organisations.find(agence.id()).orElseThrow();
        assertThat(updated.kind()).isEqualTo(OrganisationKind.ASSOCIATION);
        assertThat(updated.street()).isEqualTo("12, rue de l'Import");
        assertThat(updated.website()).isEqualTo("https://www.mondecommun.fr");
        assertThat(updated.name()).as("the name as recorded").isEqualTo("Agence de l'import");
        assertThat(updated.city()).as("the file's city").isEqualTo("Paris");
        assertThat(contacts.of(agence.id())).extracting(TrainingContact::email)
                .containsExactly("formation@mondecommun.fr", "rh@mondecommun.fr");

        // The preview is used up: confirming again does nothing more.
        HttpResponse<String> again = organiser.post("/admin/annuaire/import/confirmer",
                Map.of("jeton", token, "_csrf", organiser.page("/admin/annuaire/import").select("input[name=_csrf]").attr("value")));
        assertThat(Jsoup.parse(again.body()).select(".error-summary").text()).contains("Cet aperçu n’est plus disponible");
        assertThat(contacts.of(agence.id())).hasSize(2);
    }

    @Test
    void a_file_with_one_bad_line_shows_why_and_changes_nothing() throws Exception {
        String before = snapshot();
        byte[] file = """
                nom,type,siren,code postal,ville
                Ville de Bonne-Ligne,Commune,,54000,Nancy
                Ville Sans Type,,,,
                Ville au SIREN faux,Commune,123456789,,
                Ville au code faux,Commune,,540,
                ville de bonne-ligne,Commune,,,
                Agence du monde commun,Planète,,,
                """.getBytes(StandardCharsets.UTF_8);

        organiser.upload("/admin/annuaire/import", "fichier", "erreurs.csv", file);
        Document preview = organiser.page("/admin/annuaire/import/apercu");
        assertThat(preview.select(".import-summary li").eachText()).containsExactly("1 nouvelle organisation",
                "Aucune mise à jour", "5 lignes en erreur");
        assertThat(preview.select("tbody tr.status-error .problems").eachText()).containsExactly(
                "Type manquant.",
                "SIREN invalide : « 123456789 » (9 chiffres avec une clé de contrôle valide).",
                "Code postal invalide : « 540 » (5 chiffres).",
                "Même nom qu’à la ligne 2.",
                "Type inconnu : « Planète » (attendu : Commune, Intercommunalité, Département, Région, Autre organisme public, Association ou Autre).");
        assertThat(preview.select("tbody tr td:first-child").eachText()).containsExactly("2", "3", "4", "5", "6", "7");
        assertThat(preview.select("input[name=jeton]")).as("no confirmation offered").isEmpty();
        assertThat(preview.select(".error-summary").text()).contains("rien ne sera importé");

        // Confirming anyway is refused: the session's preview has errors, and any other token is unknown.
        HttpResponse<String> forced = organiser.submit("/admin/annuaire/import/apercu", "/admin/annuaire/import/confirmer",
                Map.of("jeton", "deviné"));
        assertThat(Jsoup.parse(forced.body()).select(".error-summary").text()).contains("Cet aperçu n’est plus disponible");
        OrganisationImports.Preview kept = imports.preview("erreurs.csv", file);
        assertThatThrownBy(() -> imports.apply(kept)).isInstanceOfSatisfying(DirectoryRefusal.class,
                r -> assertThat(r.messageKey()).isEqualTo("directory.import.error.notclean"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void an_import_that_fails_half_way_is_rolled_back_as_a_whole() {
        String before = snapshot();
        ImportLine good = new ImportLine(2, "Organisation importée puis annulée", null, "Commune", OrganisationKind.COMMUNE,
                null, null, null, null, null, java.util.List.of("formation@annulee.fr"), java.util.List.of(), ImportStatus.NEW, null);
        // A line the database refuses (no kind: NOT NULL), after a good one.
        ImportLine refused = new ImportLine(3, "Organisation refusée", null, "Commune", null,
                null, null, null, null, null, java.util.List.of(), java.util.List.of(), ImportStatus.NEW, null);
        ImportFile file = new ImportFile("UTF-8", ';', java.util.List.of(good, refused), java.util.List.of(), null);

        assertThatThrownBy(() -> imports.apply(new OrganisationImports.Preview("t", "f.csv", file))).isNotNull();
        assertThat(organisations.named("Organisation importée puis annulée")).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void files_that_cannot_be_read_are_refused_on_the_upload_page() throws Exception {
        String before = snapshot();
        Map<String, byte[]> files = Map.of(
                "vide.csv", new byte[0],
                "entetes.csv", "nom;ville\nA;B\n".getBytes(StandardCharsets.UTF_8),
                "guillemets.csv", "nom;type\n\"A;Commune\nB;Commune\n".getBytes(StandardCharsets.UTF_8),
                // Whatever the name, the content decides: a page, a spreadsheet, a PDF are not CSV text.
                "page.csv", "<!DOCTYPE html><html><body>nom;type</body></html>".getBytes(StandardCharsets.UTF_8),
                "classeur.csv", org.rencontres.TestFiles.xlsx(),
                "liste.csv", org.rencontres.TestFiles.pdf());
        Map<String, String> messages = Map.of(
                "vide.csv", "Le fichier est vide.",
                "entetes.csv", "La première ligne doit nommer au moins les colonnes « nom » et « type ».",
                "guillemets.csv", "Le fichier n’est pas un CSV lisible : des guillemets ne sont pas refermés ou sont mal placés",
                "page.csv", "Ce fichier n’est pas un fichier texte CSV.",
                "classeur.csv", "Ce fichier n’est pas un fichier texte CSV.",
                "liste.csv", "Ce fichier n’est pas un fichier texte CSV.");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            HttpResponse<String> response = organiser.upload("/admin/annuaire/import", "fichier", file.getKey(), file.getValue());
            assertThat(response.statusCode()).as(file.getKey()).isEqualTo(200);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select(".error-summary").text()).as(file.getKey())
                    .contains("Le fichier n’a pas été importé ; rien n’a changé").contains(messages.get(file.getKey()));
            assertThat(page.select("#fichier").attr("aria-invalid")).isEqualTo("true");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_file_too_large_gets_a_clear_message() throws Exception {
        StringBuilder big = new StringBuilder("nom;type\n");
        while (big.length() < 2_200_000) {
            big.append("Ville numéro ").append(big.length()).append(";Commune\n");
        }
        HttpResponse<String> response = organiser.upload("/admin/annuaire/import", "fichier", "enorme.csv",
                big.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(WebSession.location(response)).isEqualTo("/admin/annuaire/import?trop-volumineux");
        assertThat(organiser.page("/admin/annuaire/import?trop-volumineux").select(".error-summary").text())
                .contains("Le fichier dépasse la taille maximale de 2 Mo.");
        assertThat(organiser.get("/admin/annuaire/import/apercu").statusCode()).isEqualTo(302);
    }
}
