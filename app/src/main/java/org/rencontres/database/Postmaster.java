package org.rencontres.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server named by a data directory's {@code postmaster.pid}, seen through Linux's
 * {@code /proc}: whether it still runs and serves that directory, and its fast shutdown. Elsewhere
 * (no {@code /proc}) nothing is found and PostgreSQL's own checks decide.
 */
final class Postmaster {

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);
    private static final Path PROC = Path.of("/proc");

    private Postmaster() {
    }

    /**
     * The process id of the server that {@code postmaster.pid} names, when that process is alive, is a
     * {@code postgres} and works in this directory. A stale file (its process gone, or the number
     * reused by another program) gives nothing: PostgreSQL replaces such a file itself.
     */
    static OptionalLong runningOn(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isDirectory(PROC) || !Files.exists(pidFile)) {
            return OptionalLong.empty();
        }
        OptionalLong pid = pidIn(pidFile);
        if (pid.isPresent() && serves(pid.getAsLong(), dataDirectory)) {
            return pid;
        }
        return OptionalLong.empty();
    }

    private static OptionalLong pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (!lines.isEmpty() && lines.get(0).strip().matches("\\d{1,10}")) {
                return OptionalLong.of(Long.parseLong(lines.get(0).strip()));
            }
        } catch (IOException e) {
            // Removed meanwhile (the server stopped) or unreadable: no server to name.
        }
        return OptionalLong.empty();
    }

    /**
     * True when the process runs a {@code postgres} program on this data directory: its first argument
     * is a {@code postgres} executable and its working directory (a postmaster moves into its data
     * directory) or its {@code -D} argument is this directory.
     */
    static boolean serves(long pid, Path dataDirectory) {
        if (!alive(pid)) {
            return false;
        }
        Path proc = PROC.resolve(Long.toString(pid));
        try {
            List<String> args = Arrays.asList(
                    new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
            if (args.isEmpty() || args.get(0).isEmpty() || !Path.of(args.get(0)).getFileName().toString().equals("postgres")) {
                return false;
            }
            if (sameFile(proc.resolve("cwd"), dataDirectory)) {
                return true;
            }
            int d = args.indexOf("-D");
            return d >= 0 && d + 1 < args.size() && sameFile(Path.of(args.get(d + 1)), dataDirectory);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Alive and not a zombie (a finished process its parent has not reaped yet). */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
            int end = stat.lastIndexOf(')');
            char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * Asks the server for a fast shutdown (SIGINT: open transactions are rolled back, everything
     * committed is checkpointed) and waits until it has exited and removed its {@code postmaster.pid}.
     *
     * @throws IllegalStateException if it is still there after {@code wait}
     */
    static void stop(long pid, Path dataDirectory, Duration wait) {
        if (!signalInterrupt(pid)) {
            // No kill(1): SIGTERM, a smart shutdown, which waits for the (dead) clients' sessions to end.
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long deadline = System.nanoTime() + wait.toNanos();
        while (alive(pid) || pidIn(pidFile).orElse(-1) == pid) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The PostgreSQL server " + pid + " left running on " + dataDirectory
                        + " did not stop within " + wait.toSeconds() + " s; stop it (kill -INT " + pid
                        + ") and start again.");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PostgreSQL " + pid + " to stop", e);
            }
        }
    }

    private static boolean signalInterrupt(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (kill.waitFor() != 0) {
                log.warn("kill -INT {} failed: {}", pid, output);
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
