package org.rencontres.security;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in of organisers through an OpenID Connect issuer (authorization code with PKCE), when
 * {@link SsoProperties} names one. The rules, all here: the issuer's {@code email} claim, verified
 * ({@code email_verified}, unless the operator says the issuer vouches for its addresses), of an allowed
 * domain if domains are listed, must be the address of an existing, enabled account; no account is ever
 * created this way, and the account's role is the one an administrator gave it. The signed-in person is
 * then the same {@link Organiser} as after a password sign-in, so {@link SessionCheck} ends the session
 * once the account is disabled. Every refusal and every sign-in is written in the audit trail.
 */
@Component
@RequiredArgsConstructor
class SingleSignOn {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SingleSignOn.class);

    static final String REGISTRATION_ID = "sso";
    static final String START_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

    /** Why a sign-in was refused: each is the value of {@code ?sso=} on the sign-in page, with its message. */
    enum Refusal { UNKNOWN, DISABLED, DOMAIN, UNVERIFIED, FAILED }

    private final SsoProperties properties;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final OidcUserService issuerUsers = new OidcUserService();
    private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

    boolean enabled() {
        return properties.enabled();
    }

    /** Adds the OpenID Connect sign-in to the filter chain, if single sign-on is configured. */
    void configure(HttpSecurity http) throws Exception {
        if (!enabled()) {
            return;
        }
        ClientRegistrationRepository registrations = id -> REGISTRATION_ID.equals(id) ? registration() : null;
        DefaultOAuth2AuthorizationRequestResolver requests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        // PKCE even though the client has a secret (RFC 9700: a stolen code is useless without the verifier).
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        http.oauth2Login(login -> login
                .loginPage("/connexion")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new NoAuthorizedClients())
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::admit))
                .successHandler((request, response, authentication) -> signedIn(request, response, authentication, contexts))
                .failureHandler(this::refused));
    }

    /**
     * The client as the issuer describes itself, read once at the first sign-in (not at start-up: the
     * application starts even while the issuer is unreachable).
     */
    private ClientRegistration registration() {
        ClientRegistration known = registration.get();
        if (known != null) {
            return known;
        }
        ClientRegistration read = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope(properties.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientName(properties.displayName())
                .build();
        registration.compareAndSet(null, read);
        return registration.get();
    }

    /** The issuer's person, checked against the accounts: admitted as an organiser, or refused. */
    private OidcUser admit(OidcUserRequest request) {
        OidcUser user = issuerUsers.loadUser(request);
        String email = user.getEmail() == null ? "" : user.getEmail().strip();
        if (email.isEmpty() || !email.contains("@")) {
            throw refusal(Refusal.UNKNOWN, email, "no e-mail claim");
        }
        if (properties.requireVerifiedEmail() && !Boolean.TRUE.equals(user.getEmailVerified())) {
            throw refusal(Refusal.UNVERIFIED, email, "e-mail not verified by the issuer");
        }
        if (!properties.domainAllowed(email)) {
            throw refusal(Refusal.DOMAIN, email, "domain not allowed");
        }
        Optional<Account> account = accounts.findByEmail(email);
        if (account.isEmpty()) {
            throw refusal(Refusal.UNKNOWN, email, "no account");
        }
        if (!account.get().enabled()) {
            throw refusal(Refusal.DISABLED, email, "account disabled");
        }
        Organiser organiser = new Organiser(account.get(), null);
        record(organiser.accountId(), email, "sso-sign-in", "issuer " + properties.issuerUri());
        return new IssuerPerson(organiser, user);
    }

    private OAuth2AuthenticationException refusal(Refusal why, String email, String details) {
        record(null, email.isEmpty() ? "(no e-mail)" : email, "sso-refused", details);
        return new OAuth2AuthenticationException(new OAuth2Error(why.name().toLowerCase(), details, null));
    }

    private void record(Long accountId, String actor, String action, String details) {
        // What the issuer sent is bounded before it is written.
        String who = actor.length() > 320 ? actor.substring(0, 320) : actor;
        String what = details == null || details.length() <= 1000 ? details : details.substring(0, 1000);
        transactions.executeWithoutResult(status -> audit.recordSignIn(accountId, who, action, what));
    }

    /**
     * The session holds the organiser, as after a password sign-in (the issuer's tokens are not kept:
     * this application calls nothing at the issuer).
     */
    private static void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
                                 SecurityContextRepository contexts) throws IOException {
        Organiser organiser = ((IssuerPerson) authentication.getPrincipal()).organiser();
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(organiser, null,
                organiser.getAuthorities()));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        contexts.saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + "/admin");
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        Refusal why = Refusal.FAILED;
        if (exception instanceof OAuth2AuthenticationException oauth) {
            for (Refusal r : Refusal.values()) {
                if (r.name().toLowerCase().equals(oauth.getError().getErrorCode())) {
                    why = r;
                }
            }
        }
        if (why == Refusal.FAILED) {
            // The issuer said no, or the answer was not valid (state, nonce, signature): nobody to name.
            log.warn("Single sign-on failed: {}", exception.getMessage());
            record(null, "(issuer)", "sso-refused", exception.getMessage());
        }
        response.sendRedirect(request.getContextPath() + "/connexion?sso=" + why.name().toLowerCase());
    }

    /** The issuer's person once admitted: carries the organiser to {@link #signedIn}. */
    private static final class IssuerPerson extends DefaultOidcUser {
        private final Organiser organiser;

        IssuerPerson(Organiser organiser, OidcUser user) {
            super(organiser.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.organiser = organiser;
        }

        Organiser organiser() {
            return organiser;
        }
    }

    /** The issuer's access token is used for nothing: it is not kept. */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                         HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                                           HttpServletResponse response) {
        }
    }
}
