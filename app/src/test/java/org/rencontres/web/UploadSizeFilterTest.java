package org.rencontres.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** One filter, a limit and a page to go back to per upload route; each module's own route is tested end to end. */
class UploadSizeFilterTest {

    private final UploadSizeFilter filter = filter(
            UploadLimit.of("/admin/journees/([A-Za-z0-9]+)/fichiers", 1_000,
                    route -> "/admin/journees/" + route.group(1) + "?fichier-trop-volumineux"),
            UploadLimit.of("/admin/annuaire/import", 5_000, route -> "/admin/annuaire/import?trop-volumineux"));

    @Test
    void a_request_over_its_routes_limit_is_sent_back_unread_to_that_routes_page() throws Exception {
        MockHttpServletResponse response = post("/app", "/app/admin/journees/AB12/fichiers", 1_001);

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader("Location")).isEqualTo("/app/admin/journees/AB12?fichier-trop-volumineux");
        assertThat(response.getHeader("Connection")).isEqualTo("close");

        MockHttpServletResponse other = post("", "/admin/annuaire/import", 5_001);
        assertThat(other.getHeader("Location")).isEqualTo("/admin/annuaire/import?trop-volumineux");
    }

    @Test
    void a_request_within_its_limit_or_on_another_route_goes_through() throws Exception {
        // 4,000 bytes: over the day files' limit, under the import's; each route keeps its own.
        assertThat(post("", "/admin/annuaire/import", 4_000).getStatus()).isEqualTo(200);
        assertThat(post("", "/admin/journees/AB12/fichiers", 1_000).getStatus()).isEqualTo(200);
        assertThat(post("", "/admin/journees/AB12/autre", 1_000_000).getStatus()).isEqualTo(200);
        assertThat(post("", "/admin/journees/AB12/fichiers/x", 1_000_000).getStatus()).isEqualTo(200);
    }

    @Test
    void only_posts_are_checked() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/admin/journees/AB12/fichiers");
        request.setContent(new byte[2_000]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse post(String contextPath, String uri, int bytes) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContextPath(contextPath);
        request.setContent(new byte[bytes]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        // Went through exactly when the chain was called.
        assertThat(chain.getRequest() != null).isEqualTo(response.getStatus() == 200);
        return response;
    }

    private static UploadSizeFilter filter(UploadLimit... limits) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        List.of(limits).forEach(limit -> beans.registerSingleton("limit" + System.identityHashCode(limit), limit));
        return new UploadSizeFilter(beans.getBeanProvider(UploadLimit.class));
    }
}
