package org.rencontres.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.Resource;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Venue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public API over real HTTP: the catalogue's filters and pages, a session whole, caching, problems and CORS. */
@RencontresIntegrationTest
class PublicApiTest {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(\\w+)\"");

    @LocalServerPort int port;
    @Autowired Days days;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path
                : "http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        return json.readTree(response.body());
    }

    private static String word() {
        return "Apimot" + Long.toString(System.nanoTime(), 36);
    }

    /** A session whose title holds {@code word}, on {@code date}, in {@code city}, moved to {@code status}. */
    private long session(String word, String code, LocalDate date, String city, DayStatus status, String tag,
                         List<Resource> resources) {
        long id = days.create(new DayDraft(new SessionCode(code), "Journée " + word, null, null,
                List.of(new SessionDayDraft(date, LocalTime.of(9, 0), LocalTime.of(17, 0))), "Contexte.", null, null,
                null, false, null, "Unité API", new Venue("Salle", null, "1 rue de la Paix", "91000", city, null, null,
                        null, "RER D : gare d'Évry"), List.of(), List.of(), resources, false));
        if (tag != null) {
            days.tag(id, List.of(tag));
        }
        if (status != DayStatus.DRAFT) {
            days.moveTo(id, DayStatus.PUBLISHED, null);
            if (status != DayStatus.PUBLISHED) {
                days.moveTo(id, status, "Annulée faute de salle.");
            }
        }
        return id;
    }

    private static String code(String word, int n) {
        return "API" + word.substring(word.length() - 6).toUpperCase() + " " + n;
    }

    private static Map<String, String> links(HttpResponse<String> response) {
        Map<String, String> links = new LinkedHashMap<>();
        Matcher m = LINK.matcher(response.headers().firstValue("Link").orElse(""));
        while (m.find()) {
            links.put(m.group(2), m.group(1));
        }
        return links;
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(i -> codes.add(i.get("code").asString()));
        return codes;
    }

    @Test
    void the_catalogue_lists_upcoming_published_sessions_by_filter_and_page_never_a_draft() throws Exception {
        String w = word();
        String city = "Villeapi" + w.substring(w.length() - 6);
        session(w, code(w, 3), LocalDate.of(2031, 5, 3), city, DayStatus.PUBLISHED, null, List.of());
        session(w, code(w, 1), LocalDate.of(2031, 5, 1), city, DayStatus.PUBLISHED, "Thème " + w, List.of());
        session(w, code(w, 2), LocalDate.of(2031, 5, 2), "Ailleurs", DayStatus.PUBLISHED, null, List.of());
        session(w, code(w, 4), LocalDate.of(2031, 5, 4), city, DayStatus.DRAFT, null, List.of());
        session(w, code(w, 9), LocalDate.of(2019, 5, 9), city, DayStatus.ARCHIVED, null, List.of());

        HttpResponse<String> all = get("/api/v1/journees?q=" + w);
        JsonNode page = ok(all);
        assertThat(codes(page)).containsExactly(code(w, 1), code(w, 2), code(w, 3));
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(all.headers().firstValue("X-Total-Count")).hasValue("3");
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("firstDate").asString()).isEqualTo("2031-05-01");
        assertThat(first.get("city").asString()).isEqualTo(city);
        assertThat(first.get("url").asString()).endsWith("/api/v1/journees/" + code(w, 1).replace(" ", ""));

        assertThat(codes(ok(get("/api/v1/journees?q=" + w + "&city=" + city.toLowerCase()))))
                .containsExactly(code(w, 1), code(w, 3));
        assertThat(codes(ok(get("/api/v1/journees?q=" + w + "&theme=" + URLEncoder.encode("thème " + w,
                StandardCharsets.UTF_8))))).containsExactly(code(w, 1));
        // A date range reaches the past: upcoming first, then past editions.
        assertThat(codes(ok(get("/api/v1/journees?q=" + w + "&from=2019-01-01"))))
                .containsExactly(code(w, 1), code(w, 2), code(w, 3), code(w, 9));
        assertThat(codes(ok(get("/api/v1/journees?q=" + w + "&to=2019-12-31")))).containsExactly(code(w, 9));

        HttpResponse<String> one = get("/api/v1/journees?q=" + w + "&size=2");
        assertThat(codes(ok(one))).containsExactly(code(w, 1), code(w, 2));
        Map<String, String> links = links(one);
        assertThat(links).containsOnlyKeys("first", "next", "last");
        assertThat(links.get("next")).contains("q=" + w).contains("size=2").endsWith("page=2");
        HttpResponse<String> two = get(links.get("next"));
        JsonNode second = ok(two);
        assertThat(codes(second)).containsExactly(code(w, 3));
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("pages").asInt()).isEqualTo(2);
        assertThat(links(two)).containsOnlyKeys("first", "prev", "last");
        assertThat(links(two).get("prev")).endsWith("page=1");
    }

    @Test
    void a_session_reads_whole_as_its_public_page_shows_it() throws Exception {
        JsonNode day = ok(get("/api/v1/journees/z20in001"));
        assertThat(day.get("code").asString()).isEqualTo("Z20IN 001");
        assertThat(day.get("title").asString()).startsWith("Nouveaux mandats, nouvelles perspectives");
        assertThat(day.get("days").get(0).get("start").asString()).isEqualTo("2020-06-25T09:30:00+02:00");
        assertThat(day.get("venue").get("city").asString()).isNotBlank();
        assertThat(day.get("contacts").size()).isPositive();
        JsonNode programme = day.get("programme");
        assertThat(programme.get(0).get("start").asString()).isEqualTo("2020-06-25T09:30:00+02:00");
        List<String> people = new ArrayList<>();
        programme.forEach(s -> s.get("people").forEach(p -> people.add(p.get("name").asString())));
        assertThat(people).isNotEmpty();
        assertThat(day.get("networking").get(0).get("themes").size()).isPositive();
        assertThat(day.get("workshops").size()).isPositive();
        assertThat(day.get("page").asString()).endsWith("/journees/Z20IN001");
        // The same whatever the spacing and case of the code.
        assertThat(ok(get("/api/v1/journees/Z20IN%20001")).get("code").asString()).isEqualTo("Z20IN 001");
    }

    @Test
    void only_the_resources_open_to_all_are_listed() throws Exception {
        String w = word();
        session(w, code(w, 1), LocalDate.of(2031, 6, 1), "Évry", DayStatus.PUBLISHED, null, List.of(
                new Resource(Resource.Kind.LINK, "Pour tous", null, "https://example.org/tous", null,
                        Resource.Visibility.PUBLIC),
                new Resource(Resource.Kind.LINK, "Pour les participants", null, "https://example.org/secret", null,
                        Resource.Visibility.PARTICIPANTS)));
        JsonNode day = ok(get("/api/v1/journees/" + code(w, 1).replace(" ", "")));
        assertThat(day.get("resources").size()).isEqualTo(1);
        assertThat(day.get("resources").get(0).get("url").asString()).isEqualTo("https://example.org/tous");
        assertThat(day.toString()).doesNotContain("example.org/secret");
        assertThat(day.get("venue").get("access").get(0).asString()).isEqualTo("RER D : gare d'Évry");
    }

    @Test
    void an_unchanged_answer_is_not_sent_again_and_a_change_gives_a_new_etag() throws Exception {
        String w = word();
        long id = session(w, code(w, 1), LocalDate.of(2031, 7, 1), "Évry", DayStatus.PUBLISHED, null, List.of());
        String path = "/api/v1/journees/" + code(w, 1).replace(" ", "");
        HttpResponse<String> first = get(path);
        ok(first);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=30, stale-while-revalidate=60");

        HttpResponse<String> again = get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get(path, "If-None-Match", "\"autre\"").statusCode()).isEqualTo(200);

        days.moveTo(id, DayStatus.CANCELLED, "Annulée faute de salle.");
        HttpResponse<String> changed = get(path, "If-None-Match", etag);
        assertThat(ok(changed).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);

        HttpResponse<String> list = get("/api/v1/journees?q=" + w);
        HttpResponse<String> listAgain = get("/api/v1/journees?q=" + w, "If-None-Match",
                list.headers().firstValue("ETag").orElseThrow());
        assertThat(listAgain.statusCode()).isEqualTo(304);
    }

    @Test
    void a_draft_or_unknown_session_is_a_french_problem() throws Exception {
        String w = word();
        session(w, code(w, 1), LocalDate.of(2031, 8, 1), "Évry", DayStatus.DRAFT, null, List.of());
        for (String code : List.of(code(w, 1).replace(" ", ""), "INCONNU999")) {
            HttpResponse<String> response = get("/api/v1/journees/" + code);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("status").asInt()).isEqualTo(404);
            assertThat(problem.get("title").asString()).isEqualTo("Journée introuvable");
            assertThat(problem.get("detail").asString())
                    .isEqualTo("Aucune journée publiée ne porte le code «\u00a0" + code + "\u00a0».");
        }
        assertThat(codes(ok(get("/api/v1/journees?q=" + w + "&from=2000-01-01")))).isEmpty();
    }

    @Test
    void a_bad_filter_is_a_400_problem_naming_each_parameter() throws Exception {
        HttpResponse<String> response = get("/api/v1/journees?from=16/03/2027&size=500&page=0");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Requête incorrecte");
        List<String> parameters = new ArrayList<>();
        problem.get("errors").forEach(e -> parameters.add(e.get("parameter").asString()));
        assertThat(parameters).containsExactly("from", "page", "size");
        assertThat(problem.get("errors").get(0).get("detail").asString()).contains("AAAA-MM-JJ");

        JsonNode range = json.readTree(get("/api/v1/journees?from=2027-03-16&to=2027-03-01").body());
        assertThat(range.get("errors").get(0).get("parameter").asString()).isEqualTo("to");
        String w = word();
        HttpResponse<String> beyond = get("/api/v1/journees?q=" + w + "&page=2");
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(json.readTree(beyond.body()).get("errors").get(0).get("detail").asString())
                .contains("la dernière est la page 1");
        assertThat(get("/api/v1/journees?q=" + w + "&page=1").statusCode()).isEqualTo(200);
    }

    @Test
    void a_client_that_does_not_take_json_gets_a_406_problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/journees/Z20IN001", "Accept", "application/xml");
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("application/json");
        assertThat(get("/api/v1/journees/Z20IN001", "Accept", "application/json, */*;q=0.1").statusCode())
                .isEqualTo(200);
    }

    @Test
    void any_origin_may_read_but_not_write_nor_send_credentials() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/journees?q=x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://intranet.example.fr")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,HEAD");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(preflight.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> write = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/journees/Z20IN001"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://intranet.example.fr")
                .header("Access-Control-Request-Method", "DELETE").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> read = get("/api/v1/journees/Z20IN001", "Origin", "https://intranet.example.fr");
        ok(read);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(read.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("ETag", "Link");
    }
}
