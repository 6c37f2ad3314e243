package org.rencontres.registration.needs;

/** Where the arrangement for a request's needs stands. IMPOSSIBLE always comes with a reason. */
public enum ArrangementState {
    TO_STUDY, AGREED, IN_PLACE, IMPOSSIBLE;

    public String messageKey() {
        return "registration.needs.state." + name();
    }
}
