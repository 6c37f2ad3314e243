package org.rencontres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks pages with the Nu HTML Checker (vnu.jar, the W3C's checker). .ci/run installs it
 * (VNU_JAR); elsewhere a test using it skips itself when it is missing and CI is not set.
 */
public final class HtmlChecker {

    private HtmlChecker() {
    }

    /** Fails on any error or warning in the given pages (name → HTML), saved under target/html/. */
    public static void assertValid(String group, Map<String, String> pages) throws Exception {
        File vnu = new File(System.getenv().getOrDefault("VNU_JAR", "../.ci/tools/node_modules/vnu-jar/build/dist/vnu.jar"));
        if (!vnu.isFile()) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI is set: vnu.jar must be installed (" + vnu.getAbsolutePath() + ")");
            }
            Assumptions.abort("No vnu.jar here (" + vnu.getAbsolutePath() + "): run .ci/run once to install it");
        }
        Path dir = Files.createDirectories(Path.of("target", "html", group));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar", vnu.getPath(), "--format", "json"));
        int n = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = dir.resolve((n++) + "-" + page.getKey().replaceAll("[^A-Za-z0-9]+", "_") + ".html");
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            command.add(file.toString());
        }
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
        assertThat(messages).as("pages %s saved in %s", pages.keySet(), dir.toAbsolutePath()).isEmpty();
    }
}
