package org.rencontres.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.rencontres.WebSession;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the exchange tests share: an organiser, the export as JSON, the import through its pages. */
final class ExchangeFixture {

    static final String PASSWORD = "correct horse battery";
    static final String IMPORT = "/admin/journees/importer";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private ExchangeFixture() {
    }

    /** An organiser of the demo day's unit (INSET de Nancy), signed in. */
    static WebSession organiser(Accounts accounts, int port, String email, String unit) throws Exception {
        if (!accounts.emailTaken(email)) {
            accounts.create(new NewAccount(email, "Orga échanges", Role.ORGANISER, unit, PASSWORD));
        }
        WebSession session = new WebSession(port);
        assertThat(WebSession.location(session.signIn(email, PASSWORD))).isEqualTo("/admin");
        return session;
    }

    static ObjectNode export(WebSession organiser, String slug) throws Exception {
        HttpResponse<byte[]> response = organiser.getBytes("/admin/journees/" + slug + "/export.json");
        assertThat(response.statusCode()).as("export of %s", slug).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment").contains("session-" + slug + ".json"));
        return (ObjectNode) JSON.readTree(response.body());
    }

    /** The document without what an import changes by design: its code. */
    static JsonNode withoutCode(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("code");
        return copy;
    }

    /** Uploads a document: the answer (a redirect to the preview, or the page with its problems). */
    static HttpResponse<String> upload(WebSession organiser, String fileName, byte[] content) throws Exception {
        return organiser.uploadForm(IMPORT, IMPORT, Map.of(), "fichier", fileName, "application/json", content);
    }

    static HttpResponse<String> upload(WebSession organiser, JsonNode document) throws Exception {
        return upload(organiser, "session.json", JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
    }

    /** Confirms the preview with that code: the answer (a redirect to the new session, or the preview again). */
    static HttpResponse<String> confirm(WebSession organiser, String code) throws Exception {
        Document preview = organiser.page(IMPORT + "/apercu");
        return organiser.submit(IMPORT + "/apercu", IMPORT + "/confirmer",
                Map.of("jeton", preview.select("input[name=jeton]").attr("value"), "code", code));
    }

    /** Uploads and confirms; the new session's slug. */
    static String importAs(WebSession organiser, JsonNode document, String code) throws Exception {
        HttpResponse<String> uploaded = upload(organiser, document);
        assertThat(WebSession.location(uploaded)).as("upload answered %s: %s", uploaded.statusCode(),
                Jsoup.parse(uploaded.body()).select(".error-summary").text()).isEqualTo(IMPORT + "/apercu");
        HttpResponse<String> confirmed = confirm(organiser, code);
        String slug = code.replace(" ", "");
        assertThat(WebSession.location(confirmed)).as("confirmation answered %s: %s", confirmed.statusCode(),
                Jsoup.parse(confirmed.body()).select(".error-summary").text()).isEqualTo("/admin/journees/" + slug);
        return slug;
    }
}
