package org.rencontres.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every public page is valid HTML according to the Nu HTML Checker (vnu.jar, the W3C's checker).
 * .ci/run installs it; elsewhere the test skips itself when it is missing and CI is not set.
 */
@RencontresIntegrationTest
class HtmlValidityTest {

    private static final List<String> PAGES = List.of("/", "/?du=pas-une-date&au=2020-13-45", "/journees/Z20IN001",
            "/journees/INCONNU", "/accessibilite", "/?lang=en", "/connexion", "/connexion?erreur");

    @LocalServerPort int port;

    @Test
    void public_pages_have_no_html_error_nor_warning() throws Exception {
        File vnu = new File(System.getenv().getOrDefault("VNU_JAR", "../.ci/tools/node_modules/vnu-jar/build/dist/vnu.jar"));
        if (!vnu.isFile()) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI is set: vnu.jar must be installed (" + vnu.getAbsolutePath() + ")");
            }
            Assumptions.abort("No vnu.jar here (" + vnu.getAbsolutePath() + "): run .ci/run once to install it");
        }
        HttpClient http = HttpClient.newHttpClient();
        Path dir = Files.createDirectories(Path.of("target", "html"));
        List<String> files = new ArrayList<>();
        int n = 0;
        for (String page : PAGES) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            Path file = dir.resolve("page-" + n++ + ".html");
            Files.writeString(file, response.body(), StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar", vnu.getPath(), "--format", "json"));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        JsonNode report = JsonMapper.builder().build().readTree(output);
        List<String> messages = new ArrayList<>();
        for (JsonNode message : report.path("messages")) {
            // Errors and warnings count; plain information (such as the trailing slash Thymeleaf
            // writes on the hidden CSRF input) does not.
            if (message.path("type").asString().equals("info") && !message.path("subType").asString().equals("warning")) {
                continue;
            }
            messages.add(message.path("type").asString() + " " + message.path("url").asString() + ":"
                    + message.path("lastLine").asString() + " " + message.path("message").asString());
        }
        assertThat(messages).as("pages %s saved in %s", PAGES, dir.toAbsolutePath()).isEmpty();
    }
}
