package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests of a signed-in organiser read the account's state again: every page, no static file. */
class SessionCheckPathsTest {

    @Test
    void pages_are_checked_and_static_files_are_not() {
        assertThat(SessionCheck.isStaticFile("/admin")).isFalse();
        assertThat(SessionCheck.isStaticFile("/admin/journees/Z20IN001")).isFalse();
        assertThat(SessionCheck.isStaticFile("/journees/Z20IN001")).isFalse();
        assertThat(SessionCheck.isStaticFile("/jsonld")).isFalse();
        assertThat(SessionCheck.isStaticFile("/css/site.css")).isTrue();
        assertThat(SessionCheck.isStaticFile("/js/htmx-errors.js")).isTrue();
        assertThat(SessionCheck.isStaticFile("/vendor/collab/collab.js")).isTrue();
        assertThat(SessionCheck.isStaticFile("/webjars/htmx.org/dist/htmx.min.js")).isTrue();
    }
}
