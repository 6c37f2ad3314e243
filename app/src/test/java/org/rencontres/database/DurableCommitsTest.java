package org.rencontres.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rencontres.WebSession;

/**
 * A registration whose confirmation page was shown is never lost, even when the application and its
 * embedded PostgreSQL die together (SIGKILL, as in a power cut of the processes) in the middle of a
 * burst of public requests: after a restart on the same data directory every acknowledged request
 * is there, with its e-mail waiting in the outbox. (With the embedded library's default,
 * synchronous_commit off, the last commits before the kill are lost: 14 of 305 in one run.)
 *
 * <p>Rerun alone: {@code ./mvnw -B -q -pl app -am -Dtest=DurableCommitsTest
 * -Dsurefire.failIfNoSpecifiedTests=false verify}; the figures are printed on standard output.
 */
class DurableCommitsTest {

    private static final String FORM = "/journees/Z20IN001/inscription";
    private static final int CLIENTS = 8;
    private static final int ENOUGH = 300;
    private static final long BURST_MILLIS = 30_000;

    @Test
    void every_acknowledged_registration_survives_a_crash_of_the_application_and_its_database() throws Exception {
        Path work = Path.of("target", "crash-tests", "durable").toAbsolutePath();
        Path data = work.resolve("postgres");
        ChildApplication.stopServersOn(data);
        ChildApplication.delete(work);
        int postgresPort = ChildApplication.freePort();
        ChildApplication first = null;
        ChildApplication second = null;
        boolean passed = false;
        try {
            first = ChildApplication.start(data, postgresPort, work.resolve("first.log"));
            try (Connection c = ChildApplication.connect(postgresPort); Statement s = c.createStatement()) {
                assertThat(show(s, "fsync")).isEqualTo("on");
                assertThat(show(s, "synchronous_commit")).isEqualTo("on");
                assertThat(show(s, "full_page_writes")).isEqualTo("on");
                // The demo day took place in 2020: its form takes requests only for a day to come.
                s.executeUpdate("""
                        UPDATE event_session_day SET day_date = day_date + (current_date + 365 - d.first_date)
                        FROM event_day d WHERE d.id = event_session_day.event_day_id AND d.session_code = 'Z20IN 001'""");
                s.executeUpdate("""
                        UPDATE event_day SET first_date = current_date + 365, last_date = last_date + (current_date + 365 - first_date)
                        WHERE session_code = 'Z20IN 001'""");
            }

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Set<String> confirmationShown = ConcurrentHashMap.newKeySet();
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch ready = new CountDownLatch(CLIENTS);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            int port = first.httpPort();
            for (int t = 0; t < CLIENTS; t++) {
                int client = t;
                clients.submit(() -> {
                    try {
                        WebSession visitor = new WebSession(port);
                        Map<String, String> fields = formFields(visitor.page(FORM));
                        ready.countDown();
                        for (int n = 0; ; n++) {
                            String email = "agent." + client + "." + n + "@crash-test.fr";
                            fields.put("courriel", email);
                            try {
                                HttpResponse<String> sent = visitor.post(FORM, fields);
                                if (sent.statusCode() != 302
                                        || !String.valueOf(WebSession.location(sent)).contains("/inscription/confirmation?")) {
                                    if (!killed.get()) {
                                        refused.incrementAndGet();
                                    }
                                    continue;
                                }
                                acknowledged.add(email);
                                HttpResponse<String> page = visitor.get(WebSession.location(sent));
                                if (page.statusCode() == 200 && page.body().contains("registration-state")) {
                                    confirmationShown.add(email);
                                }
                            } catch (IOException e) {
                                if (killed.get()) {
                                    inFlight.incrementAndGet();
                                    return;
                                }
                                throw e;
                            }
                        }
                    } catch (Throwable e) {
                        ready.countDown();
                        unexpected.add(e);
                    }
                });
            }
            assertThat(ready.await(2, TimeUnit.MINUTES)).isTrue();
            long until = System.currentTimeMillis() + BURST_MILLIS;
            while (acknowledged.size() < ENOUGH && System.currentTimeMillis() < until && unexpected.isEmpty()) {
                Thread.sleep(20);
            }
            assertThat(unexpected).as("errors before the crash").isEmpty();

            // The crash: the JVM, the postmaster and its server processes, SIGKILL at once.
            long postmaster = ChildApplication.postmasterOf(data).orElseThrow();
            List<Long> victims = new ArrayList<>(List.of(first.pid(), postmaster));
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> victims.add(d.pid())));
            killed.set(true);
            Process kill = new ProcessBuilder(Stream.concat(Stream.of("kill", "-KILL"), victims.stream().map(String::valueOf))
                    .toList()).inheritIO().start();
            kill.waitFor();
            first.kill();
            clients.shutdown();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            assertThat(unexpected).isEmpty();
            assertThat(refused.get()).as("requests answered with the form again").isZero();
            assertThat(acknowledged).as("requests acknowledged before the crash").hasSizeGreaterThanOrEqualTo(20);
            assertThat(inFlight.get()).as("requests in flight when it crashed").isPositive();
            assertThat(ChildApplication.postmastersOn(data)).isEmpty();

            second = ChildApplication.start(data, postgresPort, work.resolve("second.log"));
            Set<String> registered = new HashSet<>();
            Set<String> mailed = new HashSet<>();
            try (Connection c = ChildApplication.connect(postgresPort); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT r.email FROM registration r JOIN event_day d"
                        + " ON d.id = r.event_day_id WHERE d.session_code = 'Z20IN 001'")) {
                    while (rs.next()) {
                        registered.add(rs.getString(1));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT recipient FROM notification_outbox"
                        + " WHERE recipient LIKE '%@crash-test.fr'")) {
                    while (rs.next()) {
                        mailed.add(rs.getString(1));
                    }
                }
            }
            Set<String> lost = acknowledged.stream().filter(e -> !registered.contains(e)).collect(Collectors.toSet());
            Set<String> unmailed = acknowledged.stream().filter(e -> !mailed.contains(e)).collect(Collectors.toSet());
            System.out.printf("DurableCommitsTest: %d requests acknowledged (%d confirmation pages shown), %d in flight"
                            + " at the crash; after restart %d of them registered (%d registrations in all), %d with"
                            + " their e-mail in the outbox%n", acknowledged.size(), confirmationShown.size(),
                    inFlight.get(), acknowledged.size() - lost.size(), registered.size(),
                    acknowledged.size() - unmailed.size());
            assertThat(lost).as("acknowledged, then lost").isEmpty();
            assertThat(unmailed).as("acknowledged, e-mail lost").isEmpty();
            // What was not acknowledged may or may not be there, but nothing else is.
            assertThat(registered).allMatch(e -> e.endsWith("@crash-test.fr"));

            second.stop();
            assertThat(ChildApplication.postmastersOn(data)).isEmpty();
            passed = true;
        } finally {
            if (first != null) {
                first.close();
            }
            if (second != null) {
                second.close();
            }
            ChildApplication.stopServersOn(data);
            if (passed) {
                ChildApplication.delete(work);
            }
        }
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The request form as a visitor fills it: every field the page has, the first workshop of each
     * period ranked first, consent given.
     */
    private static Map<String, String> formFields(Document page) {
        Element form = page.selectFirst("form[method=post]:has(input[name=courriel])");
        assertThat(form).as("the request form (is the day open?)").isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name]")) {
            if (!input.attr("type").equals("checkbox")) {
                fields.put(input.attr("name"), input.val());
            }
        }
        for (Element select : form.select("select[name]")) {
            boolean first = select.attr("name").endsWith("-1");
            fields.put(select.attr("name"), first ? select.select("option[value~=.+]").first().val() : "");
        }
        fields.put("nom", "Durand");
        fields.put("prenom", "Camille");
        fields.put("telephone", "01 60 79 74 00");
        fields.put("fonction", "Chargée de mission");
        fields.put("employeur", "Commune d'Évry-Courcouronnes");
        fields.put("consentement", "oui");
        fields.put("siteWeb", "");
        return fields;
    }
}
