package org.rencontres.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.rencontres.RencontresApplication;

/**
 * The whole application in a child JVM (the test's classpath), on a kept embedded cluster in its
 * own data directory, with its own HTTP port; no e-mail is sent (they stay in the outbox) and no job
 * runs. For the tests of what a crash leaves behind, which must kill a JVM.
 */
final class ChildApplication implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /** Should the test JVM end early (a time-out, Ctrl-C), its children end with it. */
    private static final List<Process> LAUNCHED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LAUNCHED.forEach(Process::destroyForcibly)));
    }

    private final Process process;
    private final int httpPort;
    private final Path log;

    private ChildApplication(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /** Starts it without waiting; {@code postgresPort} 0 lets the embedded server take any free port. */
    static ChildApplication launch(Path dataDirectory, int postgresPort, Path log) throws IOException {
        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                RencontresApplication.class.getName(),
                "--server.port=" + httpPort,
                "--rencontres.embedded-database.ephemeral=false",
                "--rencontres.embedded-database.data-directory=" + dataDirectory.toAbsolutePath(),
                "--rencontres.embedded-database.port=" + postgresPort,
                "--rencontres.mail.enabled=false",
                "--rencontres.jobs.enabled=false",
                "--logging.level.org.rencontres.database=INFO",
                "--logging.level.io.zonky=INFO"));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        LAUNCHED.add(process);
        return new ChildApplication(process, httpPort, log);
    }

    static ChildApplication start(Path dataDirectory, int postgresPort, Path log) throws IOException {
        ChildApplication application = launch(dataDirectory, postgresPort, log);
        application.awaitUp();
        return application;
    }

    /** Waits until its health endpoint answers UP; fails with the end of its log if it stops first. */
    void awaitUp() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The application stopped (exit " + process.exitValue() + ") before it was up:\n"
                        + logTail());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            pause(250);
        }
        throw new AssertionError("The application was not up within " + START_TIMEOUT + ":\n" + logTail());
    }

    /** Waits for it to end by itself and gives its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(START_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("Still running after " + START_TIMEOUT + ":\n" + logTail());
        }
        return process.exitValue();
    }

    int httpPort() {
        return httpPort;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: the JVM dies at once, running nothing (no shutdown hook, no stop of its PostgreSQL). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: Spring closes the application, which stops its PostgreSQL. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
            throw new AssertionError("Did not stop within 2 minutes:\n" + logTail());
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String logTail() {
        String all = log();
        return all.length() > 6000 ? "…" + all.substring(all.length() - 6000) : all;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    // ---- the PostgreSQL servers of a data directory, seen from outside ----

    /** Every live postmaster whose data directory is this one (the server processes' titles differ). */
    static List<Long> postmastersOn(Path dataDirectory) throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.map(p -> p.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .map(Long::valueOf).filter(pid -> Postmaster.serves(pid, dataDirectory)).sorted().toList();
        }
    }

    /** The process id in postmaster.pid, if that process runs. */
    static OptionalLong postmasterOf(Path dataDirectory) {
        return Postmaster.runningOn(dataDirectory);
    }

    static Connection connect(int postgresPort) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "");
    }

    /**
     * Leaves nothing running: every postmaster on the directory gets a fast shutdown, or SIGKILL with
     * its children if that does not end it.
     */
    static void stopServersOn(Path dataDirectory) throws IOException {
        for (long pid : postmastersOn(dataDirectory)) {
            try {
                Postmaster.stop(pid, dataDirectory, Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                ProcessHandle.of(pid).ifPresent(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
            }
        }
    }

    static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> all = Files.walk(directory)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
