package org.rencontres.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Public pages are open to all; the back office (/admin) needs an organiser account, account
 * management an administrator. Form login at /connexion with CSRF protection, a new session id
 * at sign-in (the public request form keeps its token in a cookie, not a session: {@link PublicFormTokens}),
 * and a strict Content-Security-Policy (no inline script, no framing) on every response.
 * Sign-ins are checked and throttled by {@link SignInAttempts}; single sign-on through an OpenID Connect
 * issuer, when configured, is {@link SingleSignOn}'s; {@link SessionCheck} ends the sessions
 * of a disabled account or of a changed password. The session cookie is {@code SameSite=Lax} and, like
 * HSTS, {@code Secure} when the request came over HTTPS (directly or through a proxy's
 * {@code X-Forwarded-Proto}: see docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JdbcClient jdbc, SingleSignOn singleSignOn)
            throws Exception {
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/installation").permitAll()
                        .requestMatchers("/admin/comptes/**").hasRole(Role.ADMINISTRATOR.name())
                        .requestMatchers("/admin/donnees-personnelles/conservation/**").hasRole(Role.ADMINISTRATOR.name())
                        .requestMatchers("/admin/**").hasRole(Role.ORGANISER.name())
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage("/connexion")
                        .loginProcessingUrl("/connexion")
                        .usernameParameter("courriel")
                        .passwordParameter("motdepasse")
                        .defaultSuccessUrl("/admin")
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                request.getContextPath() + (exception instanceof LockedException ? "/connexion?bloque"
                                        : exception instanceof DisabledException ? "/connexion?desactive"
                                : exception instanceof SignInAttempts.PasswordsTurnedOff ? "/connexion?sansmotdepasse"
                                        : "/connexion?erreur")))
                        .permitAll())
                .addFilterAfter(new SessionCheck(jdbc), SecurityContextHolderFilter.class)
                // The anonymous public forms keep their CSRF token in a cookie, not in a session: see PublicFormTokens.
                .csrf(csrf -> csrf.csrfTokenRepository(new PublicFormTokens()))
                .addFilterAfter(new PublicFormTokens.EarlyCookie(), CsrfFilter.class)
                // A form whose page has expired (no session, so no CSRF token any more) gets a page that says
                // so and what to do; the sign-in form simply comes back, fresh.
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, exception) -> {
                    if (!(exception instanceof CsrfException)) {
                        denied.handle(request, response, exception);
                    } else if ("/connexion".equals(request.getServletPath())) {
                        response.sendRedirect(request.getContextPath() + "/connexion?expiree");
                    } else if (request.getHeader("HX-Request") != null) {
                        // htmx swaps no 4xx answer: it is told to open the page instead.
                        response.setStatus(403);
                        response.setHeader("HX-Redirect", request.getContextPath() + ExpiredPageController.PATH);
                    } else {
                        response.setStatus(403);
                        request.getRequestDispatcher(ExpiredPageController.PATH).forward(request, response);
                    }
                }))
                .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/connexion?deconnecte"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        // Only on HTTPS requests (Spring's default matcher); not for subdomains, which this
                        // application does not own.
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(false)));
        singleSignOn.configure(http);
        return http.build();
    }

    /** bcrypt behind a prefix ({bcrypt}…), so that stored hashes can move to a stronger scheme later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
