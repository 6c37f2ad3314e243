package org.rencontres.event;

/** A day of a session as its form sends it, kept as typed. */
record SessionDayForm(String date, String debut, String fin, String confirme) {

    static SessionDayForm empty(SessionDays days) {
        SessionDay last = days.last();
        return new SessionDayForm(last.date().plusDays(1).toString(), last.startsAt().toString(),
                last.endsAt().toString(), null);
    }

    static SessionDayForm of(SessionDay day) {
        return new SessionDayForm(day.date().toString(), day.startsAt().toString(), day.endsAt().toString(), null);
    }

    boolean confirmed() {
        return "oui".equals(confirme);
    }
}
