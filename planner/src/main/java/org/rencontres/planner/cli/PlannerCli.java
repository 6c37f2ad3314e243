package org.rencontres.planner.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.rencontres.planner.InvalidProblemException;
import org.rencontres.planner.allocation.AllocationPlanner;
import org.rencontres.planner.rotation.RotationPlanner;
import org.rencontres.planner.rotation.RotationProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line tool: {@code rotation} or {@code allocation}, problem JSON on standard input, plan
 * JSON on standard output. Bad input: exit code 2 and one line on standard error.
 */
public final class PlannerCli {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private static final String USAGE = "usage: rotation [--pretty] < problem.json | rotation --participants N "
            + "--tables G --rounds W [--table-once] [--seed S] [--time-limit-ms T] | allocation [--pretty] < problem.json";

    private PlannerCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new InvalidProblemException(USAGE);
            }
            Options options = Options.parse(args);
            JsonMapper mapper = JsonMapper.builder()
                    .configure(SerializationFeature.INDENT_OUTPUT, options.pretty)
                    .build();
            JsonNode result;
            switch (args[0]) {
                case "rotation" -> {
                    RotationProblem problem = options.participants != null
                            ? options.shorthand()
                            : options.override(RotationJson.readProblem(readJson(mapper, in)));
                    result = RotationJson.writePlan(RotationPlanner.plan(problem));
                }
                case "allocation" -> result = AllocationJson.writePlan(
                        AllocationPlanner.plan(AllocationJson.readProblem(readJson(mapper, in))));
                default -> throw new InvalidProblemException("unknown command " + args[0] + "; " + USAGE);
            }
            out.println(mapper.writeValueAsString(result));
            out.flush();
            return OK;
        } catch (InvalidProblemException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException | Error e) {
            err.println("error: planning failed: " + e);
            return FAILURE;
        }
    }

    private static JsonNode readJson(JsonMapper mapper, InputStream in) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidProblemException("cannot read standard input: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new InvalidProblemException("malformed JSON: standard input is empty");
        }
        try {
            return mapper.readTree(text);
        } catch (JacksonException e) {
            String location = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
            String first = message.lines().findFirst().orElse("").replaceAll("\\s*\\(start marker at .*$", "")
                    .replaceAll("\\s*at \\[Source.*$", "");
            throw new InvalidProblemException("malformed JSON" + location + ": " + first);
        }
    }

    private static final class Options {
        boolean pretty;
        Integer participants;
        Integer tables;
        Integer rounds;
        boolean tableOnce;
        Long seed;
        Long timeLimit;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int k = 1; k < args.length; k++) {
                String arg = args[k];
                switch (arg) {
                    case "--pretty" -> o.pretty = true;
                    case "--table-once" -> o.tableOnce = true;
                    case "--participants" -> o.participants = (int) number(args, ++k, arg, 1, 100_000);
                    case "--tables" -> o.tables = (int) number(args, ++k, arg, 1, 100_000);
                    case "--rounds" -> o.rounds = (int) number(args, ++k, arg, 1, 10_000);
                    case "--seed" -> o.seed = number(args, ++k, arg, Long.MIN_VALUE, Long.MAX_VALUE);
                    case "--time-limit-ms" -> o.timeLimit = number(args, ++k, arg, 1, Long.MAX_VALUE);
                    default -> throw new InvalidProblemException("unknown option " + arg + "; " + USAGE);
                }
            }
            if ((o.participants != null || o.tables != null || o.rounds != null)
                    && (o.participants == null || o.tables == null || o.rounds == null)) {
                throw new InvalidProblemException("--participants, --tables and --rounds go together");
            }
            return o;
        }

        private static long number(String[] args, int k, String option, long min, long max) {
            if (k >= args.length) {
                throw new InvalidProblemException(option + " needs a value");
            }
            long value;
            try {
                value = Long.parseLong(args[k]);
            } catch (NumberFormatException e) {
                throw new InvalidProblemException(option + " must be an integer, was " + args[k]);
            }
            if (value < min || value > max) {
                throw new InvalidProblemException(option + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }

        RotationProblem shorthand() {
            return RotationProblem.simple(participants, tables, rounds, tableOnce,
                    seed == null ? RotationProblem.DEFAULT_SEED : seed,
                    timeLimit == null ? RotationProblem.DEFAULT_TIME_LIMIT_MILLIS : timeLimit);
        }

        RotationProblem override(RotationProblem problem) {
            if (tableOnce) {
                throw new InvalidProblemException("--table-once goes with --participants; in JSON use rules.tableOnce");
            }
            if (seed == null && timeLimit == null) {
                return problem;
            }
            return problem.withSearch(seed == null ? problem.seed() : seed,
                    timeLimit == null ? problem.timeLimitMillis() : timeLimit, problem.workLimit());
        }
    }
}
