package org.rencontres.security;

/** What an account may do: administrators manage accounts (and days), organisers manage days. */
public enum Role {
    ADMINISTRATOR, ORGANISER;

    public String authority() {
        return "ROLE_" + name();
    }
}
