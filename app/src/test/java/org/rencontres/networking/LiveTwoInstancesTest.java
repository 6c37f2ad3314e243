package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresApplication;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second application instance on the same database as the tests' one: a pause sent to the first
 * reaches a screen connected to the second (LISTEN/NOTIFY), and the second, started while the
 * session runs, serves the same clock as the first (the state lives in the database).
 */
@RencontresIntegrationTest
class LiveTwoInstancesTest {

    @Autowired DataSource dataSource;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions rotations;
    @Autowired LiveSessions live;

    @Test
    void a_pause_sent_to_one_instance_reaches_the_screens_of_the_other() throws Exception {
        LiveFixture fixture = LiveFixture.create(days, programmes, rotations, live, 600, 60);
        LiveState started = live.start(fixture.sessionId(), new LiveActor(null, "Instance A"));
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (ConfigurableApplicationContext second = new SpringApplication(RencontresApplication.class).run(
                "--server.port=0",
                "--rencontres.demo.enabled=false",
                "--rencontres.jobs.enabled=false",
                "--rencontres.mail.enabled=false",
                "--spring.datasource.url=" + pool.getJdbcUrl(),
                "--spring.datasource.username=" + pool.getUsername(),
                "--spring.datasource.password=" + (pool.getPassword() == null ? "" : pool.getPassword()))) {
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();

            // The second instance takes the running session up where it is.
            LiveState there = second.getBean(LiveSessions.class).state(fixture.sessionId()).orElseThrow();
            assertThat(there.version()).isEqualTo(started.version());
            assertThat(there.endsAt()).isEqualTo(started.endsAt());
            assertThat(there.status()).isEqualTo(LiveStatus.RUNNING);

            String flux = "http://localhost:" + port + "/reseautage/direct/" + fixture.sessionId() + "/flux";
            try (SseClient screen = new SseClient(flux)) {
                assertThat(screen.status()).isEqualTo(200);
                screen.next(d -> d.contains("\"status\":\"RUNNING\""));
                LiveState paused = live.pause(fixture.sessionId(), new LiveActor(null, "Instance A"));
                String event = screen.next(d -> d.contains("\"status\":\"PAUSED\""));
                assertThat(event).contains("\"version\":" + paused.version())
                        .contains("\"remainingMs\":" + paused.remainingMillis());
                // And back: a control on the second reaches the first one's screens.
                String here = "http://localhost:" + ((WebServerApplicationContext) applicationContext()).getWebServer()
                        .getPort() + "/reseautage/direct/" + fixture.sessionId() + "/flux";
                try (SseClient local = new SseClient(here)) {
                    local.next(d -> d.contains("\"status\":\"PAUSED\""));
                    second.getBean(LiveSessions.class).resume(fixture.sessionId(), new LiveActor(null, "Instance B"));
                    local.next(d -> d.contains("\"status\":\"RUNNING\""));
                    screen.next(d -> d.contains("\"status\":\"RUNNING\""));
                }
            }
        }
    }

    @Autowired org.springframework.context.ApplicationContext context;

    private org.springframework.context.ApplicationContext applicationContext() {
        return context;
    }
}
