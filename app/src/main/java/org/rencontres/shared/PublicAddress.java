package org.rencontres.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The address people reach the application at, for links written outside a web request (e-mails,
 * the log): {@code rencontres.base-url} when set, else this server's own, with the port it really
 * listens on once started.
 */
@Component
public class PublicAddress {

    private final String configured;
    private final Environment environment;

    PublicAddress(@Value("${rencontres.base-url:}") String configured, Environment environment) {
        this.configured = configured;
        this.environment = environment;
    }

    /** The base address, without a trailing slash. */
    public String base() {
        if (StringUtils.hasText(configured)) {
            String c = configured.strip();
            return c.endsWith("/") ? c.substring(0, c.length() - 1) : c;
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }

    /** The absolute address of {@code path} (which starts with a slash). */
    public String of(String path) {
        return base() + path;
    }
}
