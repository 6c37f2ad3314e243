package org.rencontres.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rencontres.web.AccessibilityAudit.Criterion;
import org.rencontres.web.AccessibilityAudit.Result;
import org.rencontres.web.AccessibilityAudit.State;

/**
 * The RGAA audit grid kept in the repository: all 106 criteria of RGAA 4.1 once each, a result each, and every test it
 * names exists (so that the next audit can run them); the rate and the state follow the rules of the statement.
 */
class AccessibilityAuditTest {

    private final AccessibilityAudit audit = new AccessibilityAudit();

    @Test
    void the_grid_holds_the_106_criteria_of_rgaa_4_1_once_each() {
        List<Criterion> criteria = audit.criteria();
        assertThat(criteria).hasSize(106);
        assertThat(criteria.stream().map(Criterion::number).distinct()).hasSize(106);
        int[] perTheme = {9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12};
        for (int theme = 1; theme <= 13; theme++) {
            String prefix = theme + ".";
            assertThat(criteria.stream().filter(c -> c.number().startsWith(prefix))).as("theme %d", theme)
                    .hasSize(perTheme[theme - 1]);
        }
        assertThat(criteria).allSatisfy(c -> {
            assertThat(c.method()).isNotBlank();
            assertThat(c.evidence()).isNotBlank();
            assertThat(c.pages()).isNotBlank();
        });
    }

    @Test
    void every_test_the_grid_names_exists() throws IOException {
        Path tests = Path.of("src/test/java");
        Set<String> missing = new HashSet<>();
        Pattern named = Pattern.compile("\\b([A-Z][A-Za-z]+Test)(?:\\.([a-z_0-9]+))?");
        for (Criterion c : audit.criteria()) {
            Matcher m = named.matcher(c.evidence());
            while (m.find()) {
                Path file;
                try (Stream<Path> files = Files.walk(tests)) {
                    String name = m.group(1) + ".java";
                    file = files.filter(f -> f.getFileName().toString().equals(name)).findFirst().orElse(null);
                }
                if (file == null || (m.group(2) != null && !Files.readString(file).contains("void " + m.group(2) + "("))) {
                    missing.add(c.number() + " " + m.group());
                }
            }
        }
        assertThat(missing).as("tests named by the grid that do not exist").isEmpty();
    }

    @Test
    void the_rate_is_met_over_applicable_and_the_state_follows_it() {
        Criterion met = new Criterion("1.1", "Images", "?", "toutes", Result.C, "m", "e");
        Criterion failed = new Criterion("1.2", "Images", "?", "toutes", Result.NC, "m", "e");
        Criterion none = new Criterion("1.4", "Images", "?", "toutes", Result.NA, "m", "e");
        assertThat(new AccessibilityAudit(List.of(met, met, none)).state()).isEqualTo(State.TOTAL);
        assertThat(new AccessibilityAudit(List.of(met, met, none)).rate()).isEqualTo(100);
        AccessibilityAudit twoThirds = new AccessibilityAudit(List.of(met, met, failed, none));
        assertThat(twoThirds.rate()).isEqualTo(66);
        assertThat(twoThirds.state()).isEqualTo(State.PARTIAL);
        assertThat(twoThirds.failed()).containsExactly(failed);
        assertThat(new AccessibilityAudit(List.of(met, failed, failed)).state()).isEqualTo(State.NONE);
        // 199 met out of 200 is 99 %, never rounded up to 100 %.
        List<Criterion> almost = new java.util.ArrayList<>(java.util.Collections.nCopies(199, met));
        almost.add(failed);
        assertThat(new AccessibilityAudit(almost).rate()).isEqualTo(99);
        assertThat(new AccessibilityAudit(almost).state()).isEqualTo(State.PARTIAL);
    }

    @Test
    void a_line_without_its_seven_fields_or_with_an_unknown_result_is_refused() {
        assertThatThrownBy(() -> AccessibilityAudit.parse("header\n1.1;Images;t;toutes;C;m\n"))
                .hasMessageContaining("7 expected");
        assertThatThrownBy(() -> AccessibilityAudit.parse("header\n1.1;Images;t;toutes;OK;m;e\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
