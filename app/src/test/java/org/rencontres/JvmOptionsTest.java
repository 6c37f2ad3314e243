package org.rencontres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * deploy/jvm.options, the JVM options the README's packaged command and every benchmark start the jar
 * with: one option a line, each under a comment line saying why, and the JVM of the build takes all of
 * them together, without a warning.
 */
class JvmOptionsTest {

    private static final Path FILE = Path.of("..", "deploy", "jvm.options");

    /** The options as the README's command reads them: every line that does not begin with #. */
    static List<String> options(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("#")).toList();
    }

    /** What the JVM says when started with these options on -version: its exit code and its output. */
    record Run(int exit, String output) {
    }

    static Run javaVersion(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-version");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The problems of the file's lines: blank lines, options without their comment, several options on a line. */
    static List<String> layoutProblems(List<String> lines) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                problems.add("line " + (i + 1) + " is blank (the README's command would pass an empty argument)");
            } else if (!line.startsWith("#")) {
                if (!line.startsWith("-") || line.strip().contains(" ") || !line.equals(line.strip())) {
                    problems.add("line " + (i + 1) + " is not one option: " + line);
                }
                if (i == 0 || !lines.get(i - 1).startsWith("#")) {
                    problems.add("line " + (i + 1) + " has no comment line above it: " + line);
                }
            }
        }
        return problems;
    }

    @Test
    void theFileHasOneCommentedOptionPerLine() throws IOException {
        List<String> lines = Files.readAllLines(FILE);
        assertThat(options(lines)).isNotEmpty();
        assertThat(layoutProblems(lines)).isEmpty();
    }

    @Test
    void theJvmTakesEveryOptionOfTheFileWithoutAWarning() throws Exception {
        Run run = javaVersion(options(Files.readAllLines(FILE)));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("unrecognized")
                .contains("version");
    }

    @Test
    void aMistypedOptionOrAnUncommentedOneIsCaught() throws Exception {
        Run run = javaVersion(List.of("-XX:+UseSerialGC", "-XX:+UseSerailGC"));
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("Unrecognized");
        assertThat(layoutProblems(List.of("# why", "-Xss512k", "-Xmx128m", "", "# two", "-Xms8m -Xmx8m")))
                .containsExactly("line 3 has no comment line above it: -Xmx128m",
                        "line 4 is blank (the README's command would pass an empty argument)",
                        "line 6 is not one option: -Xms8m -Xmx8m");
    }
}
