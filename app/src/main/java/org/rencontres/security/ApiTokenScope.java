package org.rencontres.security;

/** What a personal access token may do on the organiser API: READ only reads, WRITE also acts. */
public enum ApiTokenScope {
    READ, WRITE;

    /** The authority a request authenticated by a token of this scope carries for each scope it covers. */
    static final String AUTHORITY_PREFIX = "SCOPE_";

    String authority() {
        return AUTHORITY_PREFIX + name();
    }
}
