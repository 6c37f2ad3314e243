package org.rencontres.security;

/** The fields of an account form, named as the French form names them. */
record AccountForm(String nom, String courriel, String motdepasse, String confirmation) {

    AccountForm withoutPasswords() {
        return new AccountForm(nom, courriel, "", "");
    }
}
