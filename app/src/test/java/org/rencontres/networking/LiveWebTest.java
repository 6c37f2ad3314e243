package org.rencontres.networking;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.programme.SlotDraft;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live pages over real HTTP: the conductor screen and the phone's controls (organisers of the
 * day only), the participant's page, the stream (an event after each control), valid HTML.
 */
@RencontresIntegrationTest
class LiveWebTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions rotations;
    @Autowired LiveSessions live;
    @Autowired LiveNotifications notifications;
    @Autowired Accounts accounts;

    private LiveFixture fixture;
    private WebSession organiser;

    @BeforeEach
    void aPreparedRotationAndItsOrganiser() throws Exception {
        fixture = LiveFixture.create(days, programmes, rotations, live, 600, 60);
        String email = "direct." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Olivier Orchestre", Role.ORGANISER, fixture.unit(), PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private HttpResponse<String> control(String action, Map<String, String> fields) throws Exception {
        String controls = fixture.screenPath() + "/commandes";
        return organiser.submit(controls, controls + "/" + action, fields);
    }

    @Test
    void the_organiser_runs_the_rotation_from_the_phone_and_every_page_follows() throws Exception {
        String screen = fixture.screenPath();
        String controls = screen + "/commandes";
        Document before = organiser.page(screen);
        assertThat(before.select("h1").text()).isEqualTo("Bientôt : tour 1 sur 3");
        assertThat(before.select("#live-clock").text()).isEqualTo("10:00");
        assertThat(before.select("#live-clock").attr("aria-hidden")).isEqualTo("true");
        assertThat(before.select("#live-announce").attr("aria-live")).isEqualTo("polite");
        assertThat(before.select(".live-table .live-table-name").eachText()).containsExactly("Table A", "Table B");
        assertThat(before.select(".live-table").first().select(".live-seats li").eachText())
                .containsExactly("Participant 1", "Participant 2", "Participant 3");
        assertThat(before.select("noscript").html()).contains("rechargez-la");
        assertThat(before.select("script[src$=/js/live.js]")).hasSize(1);
        assertThat(before.select("script:not([src])")).isEmpty();

        HttpResponse<String> started = control("demarrer", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(started)).isEqualTo(controls);
        Document afterStart = organiser.page(controls);
        assertThat(afterStart.select("[role=status].notice").text()).isEqualTo("Le speed dating a démarré.");
        assertThat(afterStart.select("#live-heading").text()).isEqualTo("Tour 1 sur 3");
        assertThat(live.state(fixture.sessionId()).orElseThrow().status()).isEqualTo(LiveStatus.RUNNING);
        // Only the controls that apply are shown.
        assertThat(afterStart.select("form[action$=/commandes/pause]").hasAttr("hidden")).isFalse();
        assertThat(afterStart.select("form[action$=/commandes/demarrer]").hasAttr("hidden")).isTrue();

        // A control that does not apply: a clear message, nothing changes.
        long version = live.state(fixture.sessionId()).orElseThrow().version();
        control("demarrer", Map.of());
        assertThat(organiser.page(controls).select("[role=alert]").text()).isEqualTo("Le speed dating a déjà démarré.");
        control("ajout", Map.of("minutes", "7"));
        assertThat(organiser.page(controls).select("[role=alert]").text())
                .isEqualTo("On ajoute 1 ou 5 minutes (une heure au plus).");
        assertThat(live.state(fixture.sessionId()).orElseThrow().version()).isEqualTo(version);

        control("ajout", Map.of("minutes", "5"));
        assertThat(live.state(fixture.sessionId()).orElseThrow().secondsLeft()).isGreaterThan(890);

        // Next round only after a confirmation page.
        Document confirm = organiser.page(controls + "/tour-suivant");
        assertThat(confirm.select("h1").text()).isEqualTo("Passer au tour suivant ?");
        assertThat(confirm.text()).contains("Le tour 1 s'arrête maintenant et le tour 2 commence");
        assertThat(live.state(fixture.sessionId()).orElseThrow().round()).isEqualTo(1);
        HttpResponse<String> next = organiser.submit(controls + "/tour-suivant", controls + "/tour-suivant", Map.of());
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(live.state(fixture.sessionId()).orElseThrow().round()).isEqualTo(2);
        assertThat(organiser.page(screen).select("#live-tables-heading").text()).isEqualTo("Tables du tour 2");

        Document personal = new WebSession(port).page(fixture.personalPath("p2"));
        assertThat(personal.select("#seat-now .live-table-name").text()).isEqualTo("Table B");
        assertThat(personal.select("#seat-now .live-table-theme").text()).isEqualTo("Thème : ODD");
        assertThat(personal.select("#seat-next .live-table-name").text()).isEqualTo("Table A");
        assertThat(personal.select("#seat-next-at").text()).matches("À partir de \\d{1,2}h\\d{2}");
        assertThat(new WebSession(port).get(fixture.personalPath("p404")).statusCode()).isEqualTo(404);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("conductor", organiser.get(screen).body());
        pages.put("controls", organiser.get(controls).body());
        pages.put("next", organiser.get(controls + "/tour-suivant").body());
        pages.put("participant", new WebSession(port).get(fixture.personalPath("p2")).body());
        HtmlChecker.assertValid("networking-live", pages);
    }

    @Test
    void only_the_day_s_organisers_reach_the_screen_and_its_stream() throws Exception {
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.get(fixture.screenPath()).statusCode()).isEqualTo(302);
        assertThat(anonymous.get(fixture.screenPath() + "/flux").statusCode()).isEqualTo(302);
        assertThat(anonymous.post(fixture.screenPath() + "/commandes/demarrer", Map.of()).statusCode())
                .isIn(302, 403);
        String other = "autre.direct." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(other, "Autre Unité", Role.ORGANISER, "INSET d'ailleurs", PASSWORD));
        WebSession stranger = new WebSession(port);
        stranger.signIn(other, PASSWORD);
        assertThat(stranger.get(fixture.screenPath()).statusCode()).isEqualTo(403);
        assertThat(live.state(fixture.sessionId()).orElseThrow().status()).isEqualTo(LiveStatus.NOT_STARTED);
    }

    @Test
    void a_rotation_without_a_published_plan_says_so() throws Exception {
        long slot = programmes.addSlot(fixture.dayId(),
                new SlotDraft(days.days(fixture.dayId()).orElseThrow().first().id(), java.time.LocalTime.of(15, 0), java.time.LocalTime.of(16, 0),
                org.rencontres.programme.SlotKind.NETWORKING, null, "Second speed dating", null, null, false, false,
                java.util.List.of(), java.util.List.of()));
        long rotation = rotations.define(fixture.dayId(), new NetworkingDraft(slot, "Second speed dating", null, 4, 8, 8, false,
                java.util.List.of()));
        String path = "/admin/journees/" + fixture.slug() + "/reseautage/" + slot + "/direct";
        Document page = organiser.page(path);
        assertThat(page.select("h1").text()).isEqualTo("Pas encore de plan publié pour « Second speed dating »");
        assertThat(new SseClient("http://localhost:" + port + "/reseautage/direct/" + rotation + "/flux").status())
                .isEqualTo(404);
        assertThat(new WebSession(port).get("/reseautage/direct/" + rotation + "/participant/p1").statusCode())
                .isEqualTo(404);
        HtmlChecker.assertValid("networking-live-none", Map.of("none", organiser.get(path).body()));
    }

    @Test
    void the_stream_sends_the_state_at_once_then_after_each_control() throws Exception {
        String flux = "http://localhost:" + port + "/reseautage/direct/" + fixture.sessionId() + "/flux?participant=p2";
        try (SseClient stream = new SseClient(flux)) {
            assertThat(stream.status()).isEqualTo(200);
            String first = stream.next(d -> d.contains("\"status\":\"NOT_STARTED\""));
            assertThat(first).contains("\"seat\":{\"now\":{\"name\":\"Table A\"");
            // The public stream never carries the other participants' names.
            assertThat(first).doesNotContain("Participant");
            control("demarrer", Map.of());
            stream.next(d -> d.contains("\"status\":\"RUNNING\"") && d.contains("\"shownRound\":1"));
            control("pause", Map.of());
            String paused = stream.next(d -> d.contains("\"status\":\"PAUSED\""));
            assertThat(paused).contains("\"endsAt\":null");

            // The listening connection breaks: it comes back, and the next control still arrives.
            notifications.dropConnection();
            live.resume(fixture.sessionId(), new LiveActor(null, "Test"));
            stream.next(d -> d.contains("\"status\":\"RUNNING\""));
            live.nextRound(fixture.sessionId(), new LiveActor(null, "Test"));
            stream.next(d -> d.contains("\"shownRound\":2") && d.contains("\"now\":{\"name\":\"Table B\""));
        }
        assertThat(new SseClient("http://localhost:" + port + "/reseautage/direct/" + fixture.sessionId()
                + "/flux?participant=inconnu").status()).isEqualTo(404);
    }
}
