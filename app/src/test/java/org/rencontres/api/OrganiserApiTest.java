package org.rencontres.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.attendance.Attendances;
import org.rencontres.audit.AuditEntry;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Account;
import org.rencontres.security.Accounts;
import org.rencontres.security.ApiTokenScope;
import org.rencontres.security.ApiTokens;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organiser API on the real database: a WRITE token of an organiser of unit A lists, filters, pages, reads and
 * exports the registrations of A's session, advances, confirms and refuses them and checks people in, each act
 * changing the state through the back office's services and audited « via l'API (jeton …) »; a READ token reads
 * only; another unit's session is 403, an unknown registration 404, a refusal without a reason 400.
 */
@RencontresIntegrationTest
class OrganiserApiTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static int sequence;

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired AuditTrail audit;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String unit;
    private long dayId;
    private String base;
    private String write;
    private String read;

    @BeforeEach
    void session() {
        int n = ++sequence;
        unit = "Unité API " + n + " " + System.nanoTime();
        String code = "Z27AP " + String.format("%03d", n) + (System.nanoTime() % 1000);
        dayId = TestSessions.session(days, registrations, new SessionCode(code), "Journée de l'API " + n, unit,
                TestSessions.twoDays());
        base = "/api/v1/organisateur/journees/" + SessionCode.slugOf(code);
        Account account = accounts.create(new NewAccount("api.organisateur." + n + "." + System.nanoTime() + "@cnfpt.fr",
                "Olivia Api", Role.ORGANISER, unit, TestSessions.PASSWORD));
        LocalDate later = LocalDate.now(PARIS).plusDays(10);
        write = tokens.create(account.id(), "Logiciel RH", ApiTokenScope.WRITE, later).secret();
        read = tokens.create(account.id(), "Tableau", ApiTokenScope.READ, later).secret();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long awaitingOrganiser(String givenName) {
        long id = registrations.request(dayId, new RequestDraft("Martin", givenName,
                givenName.toLowerCase() + "." + System.nanoTime() + "@ville.fr", "01 60 79 74 00", "Juriste", null,
                "Ville de Test", null, null, null, Instant.parse("2026-06-10T10:00:00Z")));
        registrations.advance(id, "test", null);
        registrations.advance(id, "test", null);
        return id;
    }

    private AuditEntry lastAudit() {
        return audit.of(dayId).get(0);
    }

    @Test
    void a_write_token_confirms_refuses_and_advances_through_the_back_offices_rules_audited_via_the_api() throws Exception {
        long toConfirm = awaitingOrganiser("Camille");
        HttpResponse<String> confirmed = call("POST", base + "/inscriptions/" + toConfirm + "/confirmer", write, null);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(confirmed.body()).get("etat").asString()).isEqualTo("CONFIRMED");
        assertThat(registrations.find(toConfirm).orElseThrow().state()).isEqualTo(RegistrationState.CONFIRMED);
        assertThat(lastAudit().actor()).isEqualTo("Olivia Api via l'API (jeton Logiciel RH)");
        assertThat(lastAudit().action()).isEqualTo("confirm");
        assertThat(registrations.history(toConfirm).get(registrations.history(toConfirm).size() - 1).actor())
                .isEqualTo("Olivia Api via l'API (jeton Logiciel RH)");

        // Confirming again is a move the chain does not allow: 409, nothing changed.
        HttpResponse<String> again = call("POST", base + "/inscriptions/" + toConfirm + "/confirmer", write, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(again.body()).get("detail").asString())
                .isEqualTo("Cette action n'est pas possible dans l'état actuel de la demande.");

        long toRefuse = awaitingOrganiser("Dominique");
        HttpResponse<String> noReason = call("POST", base + "/inscriptions/" + toRefuse + "/refuser", write, "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noReason.body()).get("detail").asString()).startsWith("Indiquez le motif du refus");
        assertThat(registrations.find(toRefuse).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);
        HttpResponse<String> refused = call("POST", base + "/inscriptions/" + toRefuse + "/refuser", write,
                "{\"motif\":\"Public non visé\"}");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(registrations.find(toRefuse).orElseThrow().state()).isEqualTo(RegistrationState.REFUSED);
        assertThat(lastAudit().actor()).isEqualTo("Olivia Api via l'API (jeton Logiciel RH)");
        assertThat(lastAudit().details()).contains("Public non visé");

        // Advance: a request waiting for its training service is accepted in its place, as the back office does.
        long requested = registrations.request(dayId, new RequestDraft("Petit", "Lou", "lou." + System.nanoTime()
                + "@ville.fr", "01 60 79 74 00", "Juriste", null, "Ville de Test", null, null, null,
                Instant.parse("2026-06-10T10:00:00Z")));
        registrations.advance(requested, "test", null);
        HttpResponse<String> advanced = call("POST", base + "/inscriptions/" + requested + "/avancer", write, null);
        assertThat(advanced.statusCode()).isEqualTo(200);
        assertThat(registrations.find(requested).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);
        assertThat(lastAudit().action()).isEqualTo("accept-in-place");
        assertThat(lastAudit().actor()).endsWith("via l'API (jeton Logiciel RH)");

        // A READ token reads but may not write.
        long other = awaitingOrganiser("Alix");
        assertThat(call("POST", base + "/inscriptions/" + other + "/confirmer", read, null).statusCode()).isEqualTo(403);
        assertThat(registrations.find(other).orElseThrow().state()).isEqualTo(RegistrationState.AWAITING_ORGANISER);
    }

    @Test
    void the_list_filters_by_state_and_pages_the_detail_has_the_history_and_the_csv_exports() throws Exception {
        long a = awaitingOrganiser("Ariane");
        long b = TestSessions.confirmed(registrations, dayId, "Bruno", "Durand");
        long c = TestSessions.confirmed(registrations, dayId, "Chloé", "=cmd|' /C calc'!A0");
        HttpResponse<String> first = call("GET", base + "/inscriptions", read, null);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(first.headers().firstValue("Set-Cookie")).as("no session for a bearer request").isEmpty();
        JsonNode all = json.readTree(first.body());
        assertThat(all.get("total").asInt()).isEqualTo(3);
        HttpResponse<String> second = call("GET", base + "/inscriptions?etat=CONFIRMED&taille=1&page=2", read, null);
        assertThat(second.headers().firstValue("Link").orElseThrow()).contains("page=1").contains("rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
        assertThat(first.headers().firstValue("Link")).isEmpty();
        assertThat(call("GET", base + "/inscriptions?taille=1", read, null).headers().firstValue("Link").orElseThrow())
                .contains("page=2").contains("rel=\"next\"");
        JsonNode confirmed = json.readTree(second.body());
        assertThat(confirmed.get("total").asInt()).isEqualTo(2);
        assertThat(confirmed.get("elements").size()).isEqualTo(1);
        assertThat(confirmed.get("elements").get(0).get("id").asLong()).isEqualTo(c);
        assertThat(call("GET", base + "/inscriptions?etat=PERDU", read, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", base + "/inscriptions?taille=1000", read, null).statusCode()).isEqualTo(400);

        JsonNode detail = json.readTree(call("GET", base + "/inscriptions/" + b, read, null).body());
        assertThat(detail.get("prenom").asString()).isEqualTo("Bruno");
        assertThat(detail.get("historique").size()).isEqualTo(4);
        assertThat(detail.get("historique").get(3).get("vers").asString()).isEqualTo("CONFIRMED");
        assertThat(call("GET", base + "/inscriptions/" + a + "999", read, null).statusCode()).isEqualTo(404);

        HttpResponse<String> csv = call("GET", base + "/inscriptions.csv?etat=CONFIRMED", read, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains("\"Bruno\"").contains("\"'=cmd").doesNotContain("Ariane");
    }

    @Test
    void another_units_session_is_refused_and_a_registration_of_another_session_is_not_found() throws Exception {
        String code = "Z27AX " + (System.nanoTime() % 100000);
        long elsewhere = TestSessions.session(days, registrations, new SessionCode(code), "Journée d'une autre unité",
                "Autre unité " + System.nanoTime(), TestSessions.twoDays());
        long theirs = TestSessions.confirmed(registrations, elsewhere, "Zoé", "Ailleurs");
        String path = "/api/v1/organisateur/journees/" + SessionCode.slugOf(code) + "/inscriptions";
        HttpResponse<String> list = call("GET", path, read, null);
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(json.readTree(list.body()).get("detail").asString())
                .isEqualTo("Cette session appartient à une autre unité organisatrice que celle de votre compte.");
        assertThat(call("POST", path + "/" + theirs + "/confirmer", write, null).statusCode()).isEqualTo(403);
        // Through one's own session, another session's registration does not exist.
        assertThat(call("GET", base + "/inscriptions/" + theirs, read, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", base + "/presences", write,
                "{\"inscription\":" + theirs + ",\"jour\":\"" + TestSessions.TUESDAY + "\",\"demiJournee\":\"matin\"}")
                .statusCode()).isEqualTo(404);
        assertThat(attendances.wasPresent(elsewhere, theirs)).isFalse();
    }

    @Test
    void a_check_in_records_the_presence_once_audited_via_the_api_and_refuses_the_unconfirmed() throws Exception {
        long present = TestSessions.confirmed(registrations, dayId, "Pierre", "Présent");
        String body = "{\"inscription\":" + present + ",\"jour\":\"" + TestSessions.WEDNESDAY + "\",\"demiJournee\":\"matin\"}";
        assertThat(call("POST", base + "/presences", read, body).statusCode()).isEqualTo(403);
        assertThat(attendances.wasPresent(dayId, present)).isFalse();

        HttpResponse<String> recorded = call("POST", base + "/presences", write, body);
        assertThat(recorded.statusCode()).isEqualTo(201);
        assertThat(json.readTree(recorded.body()).get("resultat").asString()).isEqualTo("RECORDED");
        assertThat(attendances.wasPresent(dayId, present)).isTrue();
        assertThat(lastAudit().subject()).isEqualTo("attendance");
        assertThat(lastAudit().actor()).isEqualTo("Olivia Api via l'API (jeton Logiciel RH)");

        HttpResponse<String> twice = call("POST", base + "/presences", write, body);
        assertThat(twice.statusCode()).isEqualTo(200);
        assertThat(json.readTree(twice.body()).get("resultat").asString()).isEqualTo("ALREADY_PRESENT");

        // Wednesday has no afternoon (09:00–12:30); an unconfirmed registration is not checked in.
        assertThat(call("POST", base + "/presences", write, body.replace("matin", "apres-midi")).statusCode())
                .isEqualTo(400);
        long waiting = awaitingOrganiser("Nadia");
        HttpResponse<String> unconfirmed = call("POST", base + "/presences", write,
                "{\"inscription\":" + waiting + ",\"jour\":\"" + TestSessions.TUESDAY + "\",\"demiJournee\":\"matin\"}");
        assertThat(unconfirmed.statusCode()).isEqualTo(409);
        assertThat(json.readTree(unconfirmed.body()).get("detail").asString())
                .contains("l'inscription n'est pas confirmée");
        assertThat(attendances.wasPresent(dayId, waiting)).isFalse();
    }
}
