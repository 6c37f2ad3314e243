package org.rencontres.mailing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.rencontres.registration.RegistrationState;

/**
 * Who a bulk e-mail goes to: the session's registrations in one of {@code states}, and, when given,
 * with {@code workshopId}, employed by {@code organisation} (its name as the queue shows it), with the
 * networking opt-in given or not, present or absent on the day.
 */
record Audience(Set<RegistrationState> states, Long workshopId, String organisation, Boolean networking,
        Boolean present) {

    Audience {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        organisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
    }

    /** The form's values: {@code etats}, {@code atelier}, {@code organisation}, {@code rotation}, {@code presence}. */
    static Audience of(List<String> etats, String atelier, String organisation, String rotation, String presence) {
        Set<RegistrationState> states = EnumSet.noneOf(RegistrationState.class);
        if (etats != null) {
            for (String e : etats) {
                for (RegistrationState s : RegistrationState.values()) {
                    if (s.name().equals(e)) {
                        states.add(s);
                    }
                }
            }
        }
        Long workshop = null;
        if (atelier != null && atelier.strip().matches("\\d{1,18}")) {
            workshop = Long.parseLong(atelier.strip());
        }
        return new Audience(states, workshop, organisation, yesNo(rotation, "oui", "non"),
                yesNo(presence, "present", "absent"));
    }

    private static Boolean yesNo(String value, String yes, String no) {
        return yes.equals(value) ? Boolean.TRUE : no.equals(value) ? Boolean.FALSE : null;
    }

    /** The value of field {@code rotation}. */
    public String rotation() {
        return networking == null ? "" : networking ? "oui" : "non";
    }

    /** The value of field {@code presence}. */
    public String presence() {
        return present == null ? "" : present ? "present" : "absent";
    }

    /** The value of field {@code atelier}. */
    public String workshop() {
        return workshopId == null ? "" : workshopId.toString();
    }
}
