package org.rencontres.mailing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.RequestDraft;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;

/**
 * The mailing tests' sessions: a draft in 2016 (the back office works on it, the public catalogue never lists it)
 * with its organiser signed in, and registrations taken through the real approval chain, so that the e-mails in
 * the log are the ones the application writes.
 */
final class MailingDays {

    static final String PASSWORD = "correct horse battery";

    final long n = System.nanoTime() % 100_000_000;
    final long dayId;
    final String slug;
    final String unit;
    final WebSession organiser;
    private final Registrations registrations;

    MailingDays(int port, Days days, Registrations registrations, Accounts accounts, String prefix, String title)
            throws Exception {
        this(port, days, registrations, accounts, prefix, title, LocalDate.of(2016, 5, 12));
    }

    /** A session on {@code date}: one to come keeps its agents' space links valid (two months after it). */
    MailingDays(int port, Days days, Registrations registrations, Accounts accounts, String prefix, String title,
                LocalDate date) throws Exception {
        this.registrations = registrations;
        SessionCode code = new SessionCode(prefix + " " + n);
        slug = code.slug();
        unit = "INSET des courriels " + prefix + " " + n;
        dayId = days.create(new DayDraft(code, title, null, null,
                List.of(new SessionDayDraft(date, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test des courriels.", null, null, null, false, null, unit, null, List.of(), List.of(),
                List.of()));
        registrations.setCapacity(new Capacity(dayId, 40, 48, false));
        String email = "courriels." + prefix.toLowerCase() + "." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Odile Organisatrice", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    String email(String givenName) {
        return givenName.toLowerCase() + "." + n + "@courriels.test";
    }

    String log() {
        return "/admin/journees/" + slug + "/courriels";
    }

    /** A request waiting for the organiser (the agent has had two e-mails). */
    long awaitingOrganiser(String givenName, String surname, String employer, boolean networking, List<Long> workshops) {
        long id = registrations.request(dayId, new RequestDraft(surname, givenName, email(givenName), "01 60 79 74 00",
                "Juriste", null, employer, null, null, null, Instant.parse("2016-01-10T10:00:00Z"), networking), "fr",
                null, workshops);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        return id;
    }

    /** A confirmed registration (its confirmation carries the convocation and the .ics). */
    long confirmed(String givenName, String surname, String employer, boolean networking, List<Long> workshops) {
        long id = awaitingOrganiser(givenName, surname, employer, networking, workshops);
        registrations.confirm(id, "orga@cnfpt.fr");
        return id;
    }

    long confirmed(String givenName, String surname) {
        return confirmed(givenName, surname, "Commune de " + surname, false, List.of());
    }
}
