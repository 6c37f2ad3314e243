package org.rencontres.security;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.rencontres.shared.PublicAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * No default password, ever. While no administrator exists, either one is created from
 * {@code rencontres.admin.email} and {@code rencontres.admin.password} (RENCONTRES_ADMIN_EMAIL,
 * RENCONTRES_ADMIN_PASSWORD), or a one-time set-up link is printed in the log.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final long LOCK_KEY = 0x52454E43_41444D4EL; // "RENCADMN"

    private final Accounts accounts;
    private final SetupTokens tokens;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String email;
    private final String password;
    private final PublicAddress address;
    private final PasswordPolicy policy;

    FirstAdministrator(Accounts accounts, SetupTokens tokens, JdbcClient jdbc, TransactionTemplate transaction,
                       @Value("${rencontres.admin.email:}") String email,
                       @Value("${rencontres.admin.password:}") String password,
                       PublicAddress address, PasswordPolicy policy) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.email = email;
        this.password = password;
        this.address = address;
        this.policy = policy;
    }

    @Override
    public void run(ApplicationArguments args) {
        String link = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK_KEY).query(Object.class).single();
            if (accounts.hasAdministrator()) {
                return null;
            }
            if (StringUtils.hasText(email) && StringUtils.hasText(password)) {
                // The operator chose it: a weak one is taken (a refusal would stop the start-up) but said.
                policy.problem(password, List.of(email), Locale.ENGLISH).ifPresent(problem ->
                        log.warn("RENCONTRES_ADMIN_PASSWORD is weak ({}); change it after signing in", problem));
                accounts.create(new NewAccount(email, "Administrateur", Role.ADMINISTRATOR, null, password));
                log.info("Administrator account {} created from the environment", email);
                return null;
            }
            return address.of("/admin/installation?jeton=" + tokens.issue());
        });
        if (link != null) {
            log.warn("No administrator yet. Create the first one within {} hours at: {}",
                    SetupTokens.VALIDITY.toHours(), link);
        }
    }
}
