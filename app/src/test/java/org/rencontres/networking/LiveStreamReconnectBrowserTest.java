package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.fetch.Fetch;
import org.openqa.selenium.devtools.v156.fetch.model.HeaderEntry;
import org.openqa.selenium.devtools.v156.fetch.model.RequestPattern;
import org.openqa.selenium.devtools.v156.fetch.model.RequestStage;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rencontres.BrowserTest;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A live page whose stream is answered with an error (as nginx answers 502 while the instance that held the stream has
 * just died): the browser's EventSource gives up for good after an error answer, so live.js opens a new stream
 * itself, after a back-off, says so in the page's status region, and follows the rotation again once an answer
 * comes. Chromium's own network layer (DevTools' Fetch domain, at the request stage, for the stream's address only)
 * answers 502 in place of the server while the test says so; every other request goes to the application untouched.
 * The test waits for states, never for a time.
 */
class LiveStreamReconnectBrowserTest extends BrowserTest {

    private static final LiveActor WHO = new LiveActor(null, "Test de reconnexion");

    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions rotations;
    @Autowired LiveSessions live;

    private LiveFixture fixture;
    private DevTools devTools;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();

    @BeforeEach
    void aRunningRotationAndStreamsAnsweredAsTheTestSays() {
        fixture = LiveFixture.create(days, programmes, rotations, live, 600, 60);
        live.start(fixture.sessionId(), WHO);
        browser.manage().deleteAllCookies();
        devTools = browser.getDevTools();
        devTools.createSessionIfThereIsNotOne();
        devTools.addListener(Fetch.requestPaused(), paused -> {
            if (failing.get()) {
                refused.incrementAndGet();
                String body = Base64.getEncoder().encodeToString("<h1>502 Bad Gateway</h1>".getBytes(StandardCharsets.UTF_8));
                devTools.send(Fetch.fulfillRequest(paused.getRequestId(), 502,
                        Optional.of(List.of(new HeaderEntry("Content-Type", "text/html"))), Optional.empty(),
                        Optional.of(body), Optional.of("Bad Gateway")));
            } else {
                passed.incrementAndGet();
                devTools.send(Fetch.continueRequest(paused.getRequestId(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()));
            }
        });
        devTools.send(Fetch.enable(Optional.of(List.of(new RequestPattern(Optional.of("*/flux*"), Optional.empty(),
                Optional.of(RequestStage.REQUEST)))), Optional.of(false)));
    }

    @AfterEach
    void noMoreInterception() {
        devTools.send(Fetch.disable());
        devTools.clearListeners();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(40), Duration.ofMillis(100));
    }

    private String stream() {
        return browser.findElement(By.id("direct")).getDomAttribute("data-stream");
    }

    private String statusRegion() {
        return browser.findElement(By.id("live-lost")).getAttribute("textContent");
    }

    @Test
    void a_stream_answered_normally_is_followed_and_nothing_is_said() {
        browser.get(url(fixture.personalPath("p2")));
        waiting().until(d -> "open".equals(stream()));
        assertThat(statusRegion()).isEmpty();
        assertThat(passed.get()).isEqualTo(1);
        assertThat(refused.get()).isZero();
        live.pause(fixture.sessionId(), WHO);
        waitForText(By.id("live-phase"), "En pause");
        assertThat(browser.findElement(By.id("live-lost")).getAttribute("role")).isEqualTo("status");
    }

    @Test
    void a_stream_answered_with_an_error_is_opened_again_after_a_wait_and_the_page_says_so() {
        failing.set(true);
        browser.get(url(fixture.personalPath("p2")));
        waiting().until(d -> "Connexion perdue\u00a0: nouvelle tentative…".equals(statusRegion()));
        // The browser alone never asks again after an error answer (the script before this one stopped here): a
        // second request is the script's.
        waiting().until(d -> refused.get() >= 2);
        assertThat(stream()).isEqualTo("lost");
        assertThat(statusRegion()).isEqualTo("Connexion perdue\u00a0: nouvelle tentative…");
        assertThat(passed.get()).isZero();

        failing.set(false);
        waiting().until(d -> "open".equals(stream()));
        assertThat(passed.get()).isEqualTo(1);
        assertThat(statusRegion()).isIn("Connexion rétablie.", "");
        // The new stream carries the rotation's events.
        live.pause(fixture.sessionId(), WHO);
        waitForText(By.id("live-phase"), "En pause");
    }
}
