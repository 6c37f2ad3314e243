package org.rencontres.registration.needs;

/** The kinds of need the form asks about; the column of each in registration_needs. */
public enum NeedKind {
    MOBILITY("mobility"), HEARING("hearing"), SIGHT("sight"), OTHER("other");

    final String column;

    NeedKind(String column) {
        this.column = column;
    }

    /** The message key of its name. */
    public String messageKey() {
        return "registration.needs.kind." + name();
    }
}
