package org.rencontres.api;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The public API's own filter chain, ahead of the application's: its routes read public data only, so they are open
 * to all, stateless (no session is created or read, no cookie is set: {@code SessionCreationPolicy.STATELESS} and no
 * security context is stored) and without CSRF (nothing there changes anything, and no cookie authenticates a
 * request). CORS lets any origin's page read them (GET, HEAD; never with credentials) and see the paging and cache
 * headers. Only these routes: the organiser API (tokens) has its own chain.
 */
@Configuration(proxyBeanMethods = false)
class PublicApiSecurity {

    /** The routes of the public API, its OpenAPI document and its readable page. */
    static final String[] ROUTES = {PublicApiController.SESSIONS, PublicApiController.SESSIONS + "/**",
            OpenApiConfiguration.DOCUMENT, OpenApiConfiguration.DOCUMENT + "/**"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain publicApiFilterChain(HttpSecurity http) throws Exception {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(CorsConfiguration.ALL));
        cors.setAllowedMethods(List.of("GET", "HEAD"));
        cors.setAllowedHeaders(List.of("Accept", "Accept-Language", "If-None-Match"));
        cors.setExposedHeaders(List.of("ETag", "Link", "X-Total-Count", "Cache-Control"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String route : ROUTES) {
            source.registerCorsConfiguration(route, cors);
        }
        http.securityMatcher(ROUTES)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.requireExplicitSave(true))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .cors(c -> c.configurationSource(source))
                .headers(headers -> headers
                        // The controller says how long an answer may be kept (Cache-Control: public, max-age=60).
                        .cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(false)));
        return http.build();
    }
}
