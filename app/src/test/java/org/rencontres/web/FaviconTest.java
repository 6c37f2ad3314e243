package org.rencontres.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every page names its icon, and the icon browsers ask for by default (/favicon.ico) is served, not a 404. */
@RencontresIntegrationTest
class FaviconTest {

    @LocalServerPort int port;

    @Test
    void the_default_icon_is_served_as_an_icon_file() throws Exception {
        HttpResponse<byte[]> icon = new WebSession(port).getBytes("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).containsAnyOf("image/x-icon", "image/vnd.microsoft.icon");
        // An ICO file: reserved 0, type 1 (icon), at least one image.
        assertThat(Arrays.copyOf(icon.body(), 4)).containsExactly(0, 0, 1, 0);
        assertThat(new WebSession(port).getBytes("/favicon.svg").statusCode()).isEqualTo(200);
        // The check can fail: a file that is not there is still a 404.
        assertThat(new WebSession(port).getBytes("/favicon-absente.ico").statusCode()).isEqualTo(404);
    }

    @Test
    void pages_link_their_icon_and_the_link_leads_to_it() throws Exception {
        WebSession visitor = new WebSession(port);
        for (String path : new String[] {"/", "/connexion", "/accessibilite"}) {
            Document page = visitor.page(path);
            assertThat(page.select("link[rel=icon]").eachAttr("href")).as(path).contains("/favicon.ico", "/favicon.svg");
        }
        Document page = visitor.page("/");
        for (String href : page.select("link[rel=icon]").eachAttr("href")) {
            assertThat(visitor.getBytes(href).statusCode()).as(href).isEqualTo(200);
        }
    }
}
