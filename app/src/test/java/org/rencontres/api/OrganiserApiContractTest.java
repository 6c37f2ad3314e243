package org.rencontres.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
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
 * The OpenAPI document says what the organiser API does: the document lists exactly the expected organiser
 * operations, and each is called with a bearer token in the cases that give each status the document lists for it
 * (200/201, 400, 401, 403, 404, 409); every answer's status is one the document lists, a JSON answer has exactly
 * the documented properties, a refusal is a problem detail. Only 429 (600 requests a minute) is not provoked.
 */
@RencontresIntegrationTest
class OrganiserApiContractTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String PREFIX = "/api/v1/organisateur/journees/{slug}";
    /** Statuses documented but not provoked here, with why. */
    private static final Set<String> NOT_PROVOKED = Set.of("429");

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired Days days;
    @Autowired Registrations registrations;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private long dayId;
    private String slug;
    private String otherSlug;
    private long othersRegistration;
    private String write;
    private String read;

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long requested(String givenName, int advances) {
        long id = registrations.request(dayId, new RequestDraft("Contrat", givenName,
                givenName.toLowerCase() + "." + System.nanoTime() + "@ville.fr", "01 60 79 74 00", "Juriste", null,
                "Ville de Test", null, null, null, Instant.parse("2026-06-10T10:00:00Z")));
        for (int i = 0; i < advances; i++) {
            registrations.advance(id, "test", null);
        }
        return id;
    }

    private void setUp() {
        String unit = "Unité contrat " + System.nanoTime();
        String code = "Z27CT " + (System.nanoTime() % 100000);
        dayId = TestSessions.session(days, registrations, new SessionCode(code), "Journée du contrat", unit,
                TestSessions.twoDays());
        slug = SessionCode.slugOf(code);
        String other = "Z27CX " + (System.nanoTime() % 100000);
        long elsewhere = TestSessions.session(days, registrations, new SessionCode(other), "Journée d'une autre unité",
                "Autre unité contrat " + System.nanoTime(), TestSessions.twoDays());
        otherSlug = SessionCode.slugOf(other);
        othersRegistration = TestSessions.confirmed(registrations, elsewhere, "Zoé", "Ailleurs");
        Account account = accounts.create(new NewAccount("api.contrat." + System.nanoTime() + "@cnfpt.fr",
                "Octave Contrat", Role.ORGANISER, unit, TestSessions.PASSWORD));
        LocalDate later = LocalDate.now(PARIS).plusDays(10);
        write = tokens.create(account.id(), "Contrat écriture", ApiTokenScope.WRITE, later).secret();
        read = tokens.create(account.id(), "Contrat lecture", ApiTokenScope.READ, later).secret();
    }

    private String at(String template, String slugValue, Object id) {
        return template.replace("{slug}", slugValue).replace("{id}", String.valueOf(id));
    }

    /** For each documented status an operation can give, a call that gives it. */
    private Map<String, Callable<HttpResponse<String>>> cases(String method, String path) {
        Map<String, Callable<HttpResponse<String>>> cases = new LinkedHashMap<>();
        boolean post = "post".equals(method);
        String token = post ? write : read;
        String verb = method.toUpperCase();
        cases.put("401", () -> call(verb, at(path, slug, 1), null, null));
        cases.put("401 (jeton inconnu)", () -> call(verb, at(path, slug, 1), ApiTokens.PREFIX + "inconnu", null));
        cases.put("404 (session)", () -> call(verb, at(path, "inconnue-0000", 1), token, post ? "{}" : null));
        cases.put("403", () -> call(verb, at(path, otherSlug, othersRegistration), token, post ? "{}" : null));
        String checkIn = "{\"inscription\":%d,\"jour\":\"" + TestSessions.TUESDAY + "\",\"demiJournee\":\"matin\"}";
        switch (path.substring(PREFIX.length()) + " " + method) {
            case "/inscriptions get" -> {
                cases.put("200", () -> call(verb, at(path, slug, 0), token, null));
                cases.put("400", () -> call(verb, at(path, slug, 0) + "?taille=1000", token, null));
            }
            case "/inscriptions.csv get" -> {
                cases.put("200", () -> call(verb, at(path, slug, 0), token, null));
                cases.put("400", () -> call(verb, at(path, slug, 0) + "?etat=PERDU", token, null));
            }
            case "/inscriptions/{id} get" -> {
                long id = requested("Irene", 1);
                cases.put("200", () -> call(verb, at(path, slug, id), token, null));
                cases.put("400", () -> call(verb, at(path, slug, "abc"), token, null));
                cases.put("404", () -> call(verb, at(path, slug, othersRegistration), token, null));
            }
            case "/inscriptions/{id}/avancer post" -> {
                long id = requested("Anne", 1);
                cases.put("200", () -> call(verb, at(path, slug, id), token, null));
                cases.put("403 (jeton en lecture)", () -> call(verb, at(path, slug, id), read, null));
                cases.put("400", () -> call(verb, at(path, slug, id), token, "{"));
                cases.put("404", () -> call(verb, at(path, slug, othersRegistration), token, null));
                long confirmed = TestSessions.confirmed(registrations, dayId, "Clara", "Confirmée");
                cases.put("409", () -> call(verb, at(path, slug, confirmed), token, null));
            }
            case "/inscriptions/{id}/confirmer post" -> {
                long id = requested("Celine", 2);
                cases.put("200", () -> call(verb, at(path, slug, id), token, null));
                cases.put("409", () -> call(verb, at(path, slug, id), token, null));
                cases.put("400", () -> call(verb, at(path, slug, "abc"), token, null));
                cases.put("404", () -> call(verb, at(path, slug, othersRegistration), token, null));
            }
            case "/inscriptions/{id}/refuser post" -> {
                long id = requested("Roch", 2);
                cases.put("400", () -> call(verb, at(path, slug, id), token, "{}"));
                cases.put("200", () -> call(verb, at(path, slug, id), token, "{\"motif\":\"Public non visé\"}"));
                cases.put("409", () -> call(verb, at(path, slug, id), token, "{\"motif\":\"Encore\"}"));
                cases.put("404", () -> call(verb, at(path, slug, othersRegistration), token, "{\"motif\":\"x\"}"));
            }
            case "/presences post" -> {
                long present = TestSessions.confirmed(registrations, dayId, "Paul", "Présent");
                long waiting = requested("Wanda", 2);
                cases.put("201", () -> call(verb, at(path, slug, 0), token, checkIn.formatted(present)));
                cases.put("200", () -> call(verb, at(path, slug, 0), token, checkIn.formatted(present)));
                cases.put("400", () -> call(verb, at(path, slug, 0), token, "{}"));
                cases.put("404", () -> call(verb, at(path, slug, 0), token, checkIn.formatted(othersRegistration)));
                cases.put("409", () -> call(verb, at(path, slug, 0), token, checkIn.formatted(waiting)));
                cases.put("403 (jeton en lecture)", () -> call(verb, at(path, slug, 0), read, checkIn.formatted(present)));
            }
            default -> throw new AssertionError("no cases for " + method + " " + path);
        }
        return cases;
    }

    @Test
    void every_documented_organiser_operation_answers_as_described() throws Exception {
        setUp();
        HttpResponse<String> openApi = call("GET", "/api/v1/openapi.json", null, null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        JsonNode document = json.readTree(openApi.body());
        OpenApiSchemas schemas = new OpenApiSchemas(document);

        Set<String> operations = new TreeSet<>();
        List<String> called = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/organisateur")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey();
                operations.add(method.toUpperCase() + " " + path.getKey());
                JsonNode responses = operation.getValue().get("responses");
                Set<String> inPath = new TreeSet<>();
                operation.getValue().path("parameters").forEach(p -> {
                    assertThat(p.get("in").asString()).as("parameters of %s %s", method, path.getKey())
                            .isIn("path", "query");
                    if ("path".equals(p.get("in").asString())) {
                        inPath.add("{" + p.get("name").asString() + "}");
                    }
                });
                Set<String> placeholders = new TreeSet<>();
                java.util.regex.Pattern.compile("\\{[^}]+}").matcher(path.getKey()).results()
                        .forEach(m -> placeholders.add(m.group()));
                assertThat(inPath).as("path parameters of %s %s", method, path.getKey()).isEqualTo(placeholders);
                assertThat(operation.getValue().has("security")).as("%s %s needs a token", method, path.getKey()).isTrue();
                Set<String> documented = new TreeSet<>(responses.propertyNames());
                Set<String> provoked = new TreeSet<>();
                for (Map.Entry<String, Callable<HttpResponse<String>>> c : cases(method, path.getKey()).entrySet()) {
                    String status = c.getKey().substring(0, 3);
                    String where = method + " " + path.getKey() + " → " + c.getKey();
                    HttpResponse<String> answer = c.getValue().call();
                    called.add(where);
                    assertThat(answer.statusCode()).as(where).isEqualTo(Integer.parseInt(status));
                    assertThat(documented).as("documented statuses of %s", where).contains(status);
                    provoked.add(status);
                    JsonNode content = responses.get(status).path("content");
                    String type = answer.headers().firstValue("Content-Type").orElseThrow();
                    String mediaType = type.split(";")[0].strip();
                    assertThat(content.has(mediaType)).as("%s documented as %s", where, content.propertyNames()).isTrue();
                    if (mediaType.equals("application/json")) {
                        schemas.conforms(json.readTree(answer.body()), content.get(mediaType).get("schema"), where);
                    }
                    if (mediaType.equals("application/problem+json")) {
                        // ProblemDetail's schema documents its extension map as "properties"; the members are RFC 9457's.
                        assertThat(schemas.resolve(content.get(mediaType).get("schema")).get("properties").propertyNames())
                                .as(where).contains("type", "title", "status", "detail", "instance");
                        JsonNode body = json.readTree(answer.body());
                        assertThat(body.propertyNames()).as(where).isSubsetOf("type", "title", "status", "detail", "instance");
                        assertThat(body.get("title").asString()).as(where).isNotBlank();
                        assertThat(body.get("status").asInt()).as(where).isEqualTo(answer.statusCode());
                        assertThat(body.get("detail").asString()).as(where).isNotBlank();
                    }
                }
                Set<String> missing = new TreeSet<>(documented);
                missing.removeAll(provoked);
                missing.removeAll(NOT_PROVOKED);
                assertThat(missing).as("documented statuses of %s %s never provoked", method, path.getKey()).isEmpty();
            }
        }
        assertThat(operations).containsExactlyInAnyOrder(
                "GET " + PREFIX + "/inscriptions",
                "GET " + PREFIX + "/inscriptions.csv",
                "GET " + PREFIX + "/inscriptions/{id}",
                "POST " + PREFIX + "/inscriptions/{id}/avancer",
                "POST " + PREFIX + "/inscriptions/{id}/confirmer",
                "POST " + PREFIX + "/inscriptions/{id}/refuser",
                "POST " + PREFIX + "/presences");
        assertThat(called).hasSizeGreaterThan(40);
        assertThat(schemas.checked()).isGreaterThan(50);
    }
}
