package org.rencontres.networking;

import org.rencontres.security.Organiser;

/** Who sends a control to a live rotation, for the audit trail. */
record LiveActor(Long accountId, String name) {

    public static LiveActor of(Organiser organiser) {
        return new LiveActor(organiser.accountId(), organiser.displayName());
    }
}
