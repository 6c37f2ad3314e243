package org.rencontres.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;

/**
 * The organiser API ({@value #PATHS}) has its own filter chain, before the pages' one: stateless (no session is
 * read or made, so no CSRF token either: a browser's cookies authenticate nothing here), authenticated by a
 * personal access token only. GET needs a READ token, every other method a WRITE one; a session of another unit
 * is refused by the API's own access check (403).
 */
@Configuration(proxyBeanMethods = false)
class ApiTokenSecurityConfiguration {

    static final String PATHS = "/api/v1/organisateur/**";

    @Bean
    @Order(1)
    SecurityFilterChain organiserApiFilterChain(HttpSecurity http, ApiTokens tokens, ApiTokenProblems problems)
            throws Exception {
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, PATHS).hasAuthority(ApiTokenScope.READ.authority())
                        .requestMatchers(HttpMethod.HEAD, PATHS).hasAuthority(ApiTokenScope.READ.authority())
                        .anyRequest().hasAuthority(ApiTokenScope.WRITE.authority()))
                .addFilterBefore(new ApiTokenFilter(tokens, problems), AbstractPreAuthenticatedProcessingFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, HttpStatus.UNAUTHORIZED, "missing"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "scope")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
