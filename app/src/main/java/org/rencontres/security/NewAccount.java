package org.rencontres.security;

/** What it takes to open an account; the password is given in clear and stored hashed. */
public record NewAccount(String email, String displayName, Role role, String organisingUnit, String password) {
}
