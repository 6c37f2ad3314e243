package org.rencontres.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document says what the public API does: every GET operation of /api/v1/journees* is called as the
 * document describes it, and answers with each documented status it can be made to give (200, 304, 400, 404, 406),
 * a 200's JSON having exactly the documented properties, its required ones filled, down every nested object.
 */
@RencontresIntegrationTest
class PublicApiContractTest {

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private JsonNode document;
    /** Compares answers with the document's schemas (and counts the properties: the walk must find schemas). */
    private OpenApiSchemas schemas;

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_documented_get_operation_answers_as_described() throws Exception {
        HttpResponse<String> openApi = get("/api/v1/openapi.json");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.headers().allValues("Set-Cookie")).isEmpty();
        document = json.readTree(openApi.body());
        schemas = new OpenApiSchemas(document);
        assertThat(document.get("openapi").asString()).startsWith("3.");

        List<String> called = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/journees") || !path.getValue().has("get")) {
                continue;
            }
            JsonNode operation = path.getValue().get("get");
            JsonNode responses = operation.get("responses");
            String url = path.getKey();
            String unknown = path.getKey();
            String badQuery = null;
            for (JsonNode parameter : operation.path("parameters")) {
                String name = parameter.get("name").asString();
                if ("path".equals(parameter.get("in").asString())) {
                    assertThat(parameter.has("example")).as("example of %s in %s", name, path.getKey()).isTrue();
                    url = url.replace("{" + name + "}", parameter.get("example").asString());
                    unknown = unknown.replace("{" + name + "}", "INCONNU0");
                } else if (badQuery == null && "integer".equals(parameter.path("schema").path("type").asString())) {
                    badQuery = "?" + name + "=x";
                }
            }
            called.add(path.getKey());

            HttpResponse<String> ok = get(url, "Accept", "application/json");
            assertThat(ok.statusCode()).as(url).isEqualTo(200);
            JsonNode content = responses.get("200").get("content");
            assertThat(ok.headers().firstValue("Content-Type").orElseThrow()).isIn(iterable(content.propertyNames()));
            schemas.conforms(json.readTree(ok.body()), content.get("application/json").get("schema"), url);

            if (responses.has("304")) {
                assertThat(get(url, "If-None-Match", ok.headers().firstValue("ETag").orElseThrow()).statusCode())
                        .as(url).isEqualTo(304);
            }
            if (responses.has("404")) {
                problem(get(unknown), 404, responses);
            }
            if (responses.has("400")) {
                assertThat(badQuery).as("a parameter to get 400 from %s", path.getKey()).isNotNull();
                problem(get(path.getKey() + badQuery), 400, responses);
            }
            if (responses.has("406")) {
                problem(get(url, "Accept", "application/xml"), 406, responses);
            }
        }
        assertThat(called).contains("/api/v1/journees", "/api/v1/journees/{code}");
        assertThat(schemas.checked()).isGreaterThan(100);
    }

    @Test
    void the_document_has_a_readable_page() throws Exception {
        HttpResponse<String> page = get("/api/v1/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui");
        assertThat(get("/api/v1/docs/inexistant").statusCode()).isEqualTo(404);
    }

    private static Iterable<String> iterable(java.util.Collection<String> names) {
        return names;
    }

    private void problem(HttpResponse<String> response, int status, JsonNode responses) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        String type = response.headers().firstValue("Content-Type").orElseThrow();
        assertThat(type).isEqualTo("application/problem+json");
        assertThat(responses.get(Integer.toString(status)).get("content").has(type)).isTrue();
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
    }
}
