package org.rencontres.directory;

import org.rencontres.security.Organiser;

/**
 * Who changes the directory, as the audit trail and the pending changes name them.
 *
 * @param administrator whether the change applies at once; an organiser's change of an organisation's
 *                      identity or training-service contacts waits for an administrator instead
 */
record DirectoryActor(Long accountId, String name, String email, boolean administrator) {

    /** The application itself (demo data, set-up of tests): applies at once. */
    public static final DirectoryActor SYSTEM = new DirectoryActor(null, "Système", null, true);

    public static DirectoryActor of(Organiser organiser) {
        return new DirectoryActor(organiser.accountId(), organiser.displayName(), organiser.getUsername(),
                organiser.isAdministrator());
    }
}
