package org.rencontres.security;

/**
 * An account of the back office.
 *
 * @param organisingUnit when set, the organiser manages only the days of that unit
 * @param credentialsVersion raised at every change of password: sessions opened before it end
 */
public record Account(long id, String email, String displayName, Role role, String organisingUnit, boolean enabled,
                      int credentialsVersion) {
}
