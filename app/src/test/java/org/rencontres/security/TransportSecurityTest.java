package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The session cookie is SameSite=Lax and HttpOnly always, Secure with HSTS only when the page was asked
 * over HTTPS, here through a proxy in front that says so (X-Forwarded-Proto).
 */
@RencontresIntegrationTest
class TransportSecurityTest {

    @LocalServerPort int port;

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("No session cookie in " + cookies));
    }

    @Test
    void over_plain_http_the_session_cookie_is_lax_and_not_secure_and_there_is_no_hsts() throws Exception {
        HttpResponse<String> response = new WebSession(port).get("/connexion");
        String cookie = sessionCookie(response);
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Secure");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void over_https_forwarded_by_the_proxy_the_session_cookie_is_secure_and_hsts_is_sent() throws Exception {
        HttpResponse<String> response = new WebSession(port).withHeader("X-Forwarded-Proto", "https").get("/connexion");
        String cookie = sessionCookie(response);
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("; Secure");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }
}
