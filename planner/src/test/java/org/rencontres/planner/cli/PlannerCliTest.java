package org.rencontres.planner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlannerCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String input, String... args) {
        return PlannerCli.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode output() {
        return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plans_the_issue_example() {
        String problem = """
                {"rounds": 2, "tables": [{"id": "odd", "capacity": 2}, {"id": "even", "capacity": 2}],
                 "participants": [{"id": "p1", "organisation": "grand-paris-sud", "availableRounds": [0, 1]},
                                  {"id": "p2"}, {"id": "p3"}, {"id": "p4"}],
                 "rules": {"tableOnce": true, "separateOrganisations": false},
                 "fixed": [{"round": 0, "table": "odd", "participants": ["p1"]}],
                 "seed": 7, "timeLimitMillis": 2000}
                """;
        assertThat(run(problem, "rotation")).isZero();
        JsonNode plan = output();
        assertThat(plan.get("rounds")).hasSize(2);
        assertThat(plan.get("rounds").get(0).get("tables").get(0).get("table").stringValue()).isEqualTo("odd");
        assertThat(plan.get("rounds").get(0).get("tables").get(0).get("participants").toString()).contains("\"p1\"");
        JsonNode metrics = plan.get("metrics");
        assertThat(metrics.get("hardViolations").intValue()).isZero();
        for (String field : new String[] {"repeatPairs", "repeatExcess", "maxMeetings", "distinctMetMin",
                "distinctMetMean", "lowerBoundRepeatPairs", "upperBoundDistinctMet"}) {
            assertThat(metrics.has(field)).as(field).isTrue();
        }
        assertThat(plan.get("elapsedMillis").isIntegralNumber()).isTrue();
    }

    @Test
    void the_shorthand_plans_numbered_people_and_tables() {
        assertThat(run("", "rotation", "--participants", "30", "--tables", "5", "--rounds", "5", "--table-once",
                "--seed", "7", "--time-limit-ms", "300")).isZero();
        JsonNode plan = output();
        assertThat(plan.get("rounds")).hasSize(5);
        assertThat(plan.get("rounds").get(4).get("tables").get(4).get("table").stringValue()).isEqualTo("t5");
        assertThat(plan.get("metrics").get("hardViolations").intValue()).isZero();
        assertThat(plan.get("metrics").get("upperBoundDistinctMet").intValue()).isEqualTo(25);
    }

    @Test
    void bad_input_exits_2_with_one_line() {
        String[][] cases = {
                {"{\"rounds\": 1, \"tables\": [{\"id\": \"a\", \"capacity\": 2}], \"participants\": [{\"id\": \"p1\"}],"
                        + " \"fixed\": [{\"round\": 0, \"table\": \"b\", \"participants\": [\"p1\"]}]}", "unknown table b"},
                {"{\"rounds\": 1, \"tables\": [{\"id\": \"a\", \"capacity\": 1}],"
                        + " \"participants\": [{\"id\": \"p1\"}, {\"id\": \"p2\"}]}", "capacity too small"},
                {"{\"rounds\": 1, \"tables\": [", "malformed JSON"},
                {"{\"rounds\": -3, \"tables\": [], \"participants\": []}", "rounds must be at least 1"},
                {"{\"rounds\": 1, \"tables\": [{\"id\": \"a\", \"capacity\": -2}], \"participants\": []}", "capacity"},
                {"{\"rounds\": 2, \"tables\": [{\"id\": \"a\", \"capacity\": 2}],"
                        + " \"participants\": [{\"id\": \"p1\", \"availableRounds\": [-1]}]}", "must not be negative"},
                {"", "empty"},
        };
        for (String[] c : cases) {
            out.reset();
            err.reset();
            assertThat(run(c[0], "rotation")).as(c[0]).isEqualTo(2);
            assertThat(error()).contains(c[1]);
            assertThat(error().strip().lines()).hasSize(1);
            assertThat(error()).doesNotContain("Exception");
        }
        err.reset();
        assertThat(run("", "rotation", "--participants", "-5", "--tables", "2", "--rounds", "2")).isEqualTo(2);
        assertThat(error().strip().lines()).hasSize(1);
        err.reset();
        assertThat(run("", "juggle")).isEqualTo(2);
    }

    @Test
    void allocates_workshops_over_two_slots() {
        String problem = """
                {"slots": 2,
                 "workshops": [{"id": "bright-mirror", "capacity": 2}, {"id": "etat-de-l-art", "capacity": 2},
                               {"id": "cooperation", "capacity": 1, "minimum": 1}],
                 "participants": [{"id": "p1", "choices": ["bright-mirror", "etat-de-l-art"]},
                                  {"id": "p2", "choices": ["bright-mirror", "cooperation"]},
                                  {"id": "p3", "choices": ["etat-de-l-art"]}],
                 "rules": {"fairness": true}}
                """;
        assertThat(run(problem, "allocation")).isZero();
        JsonNode plan = output();
        assertThat(plan.get("assignments")).hasSize(3);
        assertThat(plan.get("assignments").get(0).get("workshops")).hasSize(2);
        assertThat(plan.get("optimal").booleanValue()).isTrue();
        assertThat(plan.get("unassigned")).isEmpty();
        assertThat(plan.has("rankProfile")).isTrue();
    }

    @Test
    void allocation_bad_input_exits_2() {
        assertThat(run("{\"workshops\": [{\"id\": \"a\", \"capacity\": 1}], \"participants\": "
                + "[{\"id\": \"p1\", \"choices\": [\"zz\"]}]}", "allocation")).isEqualTo(2);
        assertThat(error()).contains("unknown workshop zz");
    }
}
