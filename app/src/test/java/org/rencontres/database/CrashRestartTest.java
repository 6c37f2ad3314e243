package org.rencontres.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * After {@code kill -9} of the application its embedded PostgreSQL lives on; the next start on the
 * same data directory stops that server (fast shutdown) and starts its own, with a fixed port as
 * with any free one, and the data is there. A second application is refused while the first runs.
 * (A clean stop then a start: {@link EmbeddedDatabaseTest}.) One child JVM per start.
 */
class CrashRestartTest {

    @Test
    void the_next_start_after_a_kill_stops_the_server_left_behind_and_a_live_instance_keeps_its_directory()
            throws Exception {
        Path work = Path.of("target", "crash-tests", "restart").toAbsolutePath();
        Path data = work.resolve("postgres");
        ChildApplication.stopServersOn(data);
        ChildApplication.delete(work);
        int fixedPort = ChildApplication.freePort();
        ChildApplication first = null;
        ChildApplication second = null;
        ChildApplication third = null;
        boolean passed = false;
        try {
            first = ChildApplication.start(data, fixedPort, work.resolve("first.log"));
            try (Connection c = ChildApplication.connect(fixedPort); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE crash_marker (what TEXT)");
                s.execute("INSERT INTO crash_marker VALUES ('avant le crash')");
            }
            long firstServer = ChildApplication.postmasterOf(data).orElseThrow();

            // A second application on the same directory, while the first runs: refused, the first untouched.
            try (ChildApplication refused = ChildApplication.launch(data, 0, work.resolve("refused.log"))) {
                assertThat(refused.awaitExit()).isNotZero();
                assertThat(refused.log()).contains("is in use by another running instance (process " + first.pid());
            }
            assertThat(ChildApplication.postmastersOn(data)).containsExactly(firstServer);
            assertThat(marker(fixedPort)).isEqualTo("avant le crash");

            // kill -9 of the JVM alone: its PostgreSQL survives it.
            first.kill();
            assertThat(ChildApplication.postmastersOn(data)).as("the server left behind").containsExactly(firstServer);

            // Started again with the same fixed port: the old server is stopped, not attached to.
            second = ChildApplication.start(data, fixedPort, work.resolve("second.log"));
            long secondServer = ChildApplication.postmasterOf(data).orElseThrow();
            assertThat(secondServer).isNotEqualTo(firstServer);
            assertThat(ChildApplication.postmastersOn(data)).containsExactly(secondServer);
            assertThat(Postmaster.alive(firstServer)).isFalse();
            assertThat(second.log()).contains("left running by an instance that ended without stopping it");
            assertThat(marker(fixedPort)).isEqualTo("avant le crash");

            // The same with any free port.
            second.kill();
            assertThat(ChildApplication.postmastersOn(data)).containsExactly(secondServer);
            third = ChildApplication.start(data, 0, work.resolve("third.log"));
            long thirdServer = ChildApplication.postmasterOf(data).orElseThrow();
            assertThat(ChildApplication.postmastersOn(data)).containsExactly(thirdServer);
            assertThat(Postmaster.alive(secondServer)).isFalse();
            int anyPort = portIn(data);
            assertThat(anyPort).isNotEqualTo(fixedPort);
            assertThat(marker(anyPort)).isEqualTo("avant le crash");

            // A clean stop leaves nothing running and the directory free.
            third.stop();
            assertThat(ChildApplication.postmastersOn(data)).isEmpty();
            assertThat(data.resolve("postmaster.pid")).doesNotExist();
            DataDirectoryLock.acquire(data).close();
            passed = true;
        } finally {
            for (ChildApplication application : new ChildApplication[] {first, second, third}) {
                if (application != null) {
                    application.close();
                }
            }
            ChildApplication.stopServersOn(data);
            if (passed) {
                ChildApplication.delete(work);
            }
        }
    }

    private static String marker(int port) throws Exception {
        try (Connection c = ChildApplication.connect(port); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT what FROM crash_marker")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** The port in postmaster.pid (its fourth line). */
    private static int portIn(Path data) throws Exception {
        List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
        return Integer.parseInt(lines.get(3).strip());
    }
}
