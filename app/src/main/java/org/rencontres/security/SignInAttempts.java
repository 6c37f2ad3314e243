package org.rencontres.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts wrong passwords per account (see {@link Accounts#MAX_FAILURES}) and clears the count on success. */
@Component
class SignInAttempts {

    private final Accounts accounts;

    SignInAttempts(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        accounts.signInFailed(failure.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        accounts.signedIn(success.getAuthentication().getName());
    }
}
