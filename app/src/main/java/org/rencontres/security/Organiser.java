package org.rencontres.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as other modules see them ({@code @AuthenticationPrincipal Organiser}).
 * An administrator is also an organiser of every unit.
 */
public final class Organiser implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String email;
    private final String displayName;
    private final Role role;
    private final String organisingUnit;
    private final transient String passwordHash;
    private final boolean enabled;
    private final int credentialsVersion;
    private final String apiToken;

    Organiser(Account account, String passwordHash) {
        this.accountId = account.id();
        this.email = account.email();
        this.displayName = account.displayName();
        this.role = account.role();
        this.organisingUnit = account.organisingUnit();
        this.passwordHash = passwordHash;
        this.enabled = account.enabled();
        this.credentialsVersion = account.credentialsVersion();
        this.apiToken = null;
    }

    private Organiser(Organiser o, String apiToken) {
        this.accountId = o.accountId;
        this.email = o.email;
        // Every service records the acting organiser's display name: so the audit trail and the registration's
        // history say, through it, that the act came through the API and with which token.
        this.displayName = o.displayName + " via l'API (jeton " + apiToken + ")";
        this.role = o.role;
        this.organisingUnit = o.organisingUnit;
        this.passwordHash = null;
        this.enabled = o.enabled;
        this.credentialsVersion = o.credentialsVersion;
        this.apiToken = apiToken;
    }

    /** The same organiser acting through the personal access token of that name (see {@link ApiTokens}). */
    Organiser viaApiToken(String tokenName) {
        return new Organiser(this, tokenName);
    }

    /** The name of the personal access token this organiser acts through on this request, or null. */
    public String apiToken() {
        return apiToken;
    }

    /** The organiser signed in on this request, if any (outside a controller method's parameters). */
    public static Optional<Organiser> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Organiser organiser
                ? Optional.of(organiser) : Optional.empty();
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    /** The version of the credentials this organiser signed in with (see {@link SessionCheck}). */
    int credentialsVersion() {
        return credentialsVersion;
    }

    public Role role() {
        return role;
    }

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

    /** The unit this organiser is limited to, or null for all. */
    public String organisingUnit() {
        return isAdministrator() ? null : organisingUnit;
    }

    /** Whether this organiser may manage a day of that organising unit. */
    public boolean mayManage(String dayOrganisingUnit) {
        String unit = organisingUnit();
        return unit == null || unit.equalsIgnoreCase(dayOrganisingUnit == null ? "" : dayOrganisingUnit.strip());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return isAdministrator()
                ? List.of(new SimpleGrantedAuthority(Role.ADMINISTRATOR.authority()),
                          new SimpleGrantedAuthority(Role.ORGANISER.authority()))
                : List.of(new SimpleGrantedAuthority(Role.ORGANISER.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
