package org.rencontres.security;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on of organisers through an OpenID Connect issuer (ProConnect, Keycloak, Entra ID…), off
 * while {@code issuer-uri} is empty. See docs/operations.md.
 *
 * @param issuerUri      the issuer, whose {@code /.well-known/openid-configuration} describes the rest
 * @param clientId       the client registered at the issuer for this application
 * @param clientSecret   its secret
 * @param displayName    the sign-in button's text
 * @param scopes         the scopes asked for; {@code openid} and {@code email} are needed
 * @param allowedDomains if not empty, only addresses of these domains may sign in this way
 * @param localPasswords whether organisers may still sign in with a password
 * @param requireVerifiedEmail whether the issuer must say the address is verified ({@code email_verified});
 *                       turn off only for an issuer that vouches for every address it gives and sends no such claim
 */
@ConfigurationProperties("rencontres.sso")
record SsoProperties(String issuerUri, String clientId, String clientSecret,
                     @DefaultValue("Se connecter avec l\u2019authentification unique") String displayName,
                     @DefaultValue({"openid", "email", "profile"}) List<String> scopes,
                     @DefaultValue List<String> allowedDomains,
                     @DefaultValue("true") boolean localPasswords,
                     @DefaultValue("true") boolean requireVerifiedEmail) {

    /** Whether single sign-on is on: an issuer and a client are configured. */
    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank() && clientId != null && !clientId.isBlank();
    }

    /**
     * Whether a password may be used to sign in. Without single sign-on it always may: turning passwords off
     * with no other way in would lock everyone out.
     */
    boolean passwordsAllowed() {
        return localPasswords || !enabled();
    }

    /** Whether an address's domain is allowed (any, when no domain is listed). */
    boolean domainAllowed(String email) {
        if (allowedDomains.isEmpty()) {
            return true;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return allowedDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", ""))
                .anyMatch(domain::equals);
    }
}
