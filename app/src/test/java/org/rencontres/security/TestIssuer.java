package org.rencontres.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OpenID Connect issuer for the tests, in the test JVM: Spring Authorization Server in its own small
 * web context on a random port, at 127.0.0.1 (the application is at localhost, so their cookies stay apart
 * as two sites' would). One registered client, which must use PKCE; people sign in with {@link #PASSWORD} at
 * the issuer's own form, and their ID token carries {@code email} and {@code email_verified}.
 * Not a Spring component: the application's component scan must not pick it up.
 */
final class TestIssuer implements AutoCloseable {

    static final String CLIENT_ID = "rencontres";
    static final String CLIENT_SECRET = "secret-du-client-de-test";
    static final String PASSWORD = "mot-de-passe-chez-l-emetteur";

    /** The issuer's people: address → whether the issuer says it is verified. */
    private static final Map<String, Boolean> PEOPLE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final AtomicReference<String> REDIRECT = new AtomicReference<>("http://localhost/unset");

    private final AnnotationConfigServletWebServerApplicationContext context;

    TestIssuer() {
        context = new AnnotationConfigServletWebServerApplicationContext();
        context.register(Configuration.class);
        context.refresh();
    }

    String uri() {
        return "http://127.0.0.1:" + context.getWebServer().getPort();
    }

    /** Someone the issuer knows (and lets sign in), with an address it says is verified or not. */
    void person(String email, boolean verified) {
        PEOPLE.put(email, verified);
    }

    /** The application's address to come back to (known once the application has started). */
    void redirectTo(String uri) {
        REDIRECT.set(uri);
    }

    @Override
    public void close() {
        context.close();
    }

    @EnableWebSecurity
    static class Configuration {

        @Bean
        TomcatServletWebServerFactory webServer() {
            return new TomcatServletWebServerFactory(0);
        }

        /** The security filters are the whole issuer. */
        @Bean
        FilterRegistrationBean<Filter> securityFilters(@Qualifier("springSecurityFilterChain") Filter filters) {
            return new FilterRegistrationBean<>(filters);
        }

        /** Tomcat runs filters only for a request some servlet maps: this one answers what they let through. */
        @Bean
        ServletRegistrationBean<HttpServlet> notFound() {
            return new ServletRegistrationBean<>(new HttpServlet() {
                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            }, "/");
        }

        @Bean
        SecurityFilterChain issuer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    // the user-info endpoint takes the access token
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        RegisteredClientRepository clients() {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                    // the issuer re-encodes the secret after a sign-in: the test client stays as it is
                }

                @Override
                public RegisteredClient findById(String id) {
                    return client();
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENT_ID.equals(clientId) ? client() : null;
                }
            };
        }

        private static RegisteredClient client() {
            return RegisteredClient.withId("client-1")
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(REDIRECT.get())
                    .scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                            .build())
                    .build();
        }

        @Bean
        UserDetailsService people() {
            return username -> {
                if (!PEOPLE.containsKey(username)) {
                    throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
                }
                return User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
            };
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> emailClaims() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    String email = context.getPrincipal().getName();
                    context.getClaims().claim("email", email).claim("email_verified", PEOPLE.getOrDefault(email, false));
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
            return NimbusJwtDecoder.withJwkSource(keys).build();
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
