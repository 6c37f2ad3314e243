package org.rencontres.event;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.rencontres.shared.FrenchTime;

/**
 * The days of a session, ordered by date, never empty: one for a journée, several for a session
 * of two or three days, consecutive or not. The one place that says what the session's dates are
 * and how they read in French.
 */
public record SessionDays(List<SessionDay> all, ZoneId zone) {

    public SessionDays {
        if (all == null || all.isEmpty()) {
            throw new IllegalArgumentException("A session has at least one day");
        }
        all = all.stream().sorted(Comparator.comparing(SessionDay::date)).toList();
        for (int i = 1; i < all.size(); i++) {
            if (!all.get(i).date().isAfter(all.get(i - 1).date())) {
                throw new IllegalArgumentException("Two days of a session on " + all.get(i).date());
            }
        }
    }

    public SessionDay first() {
        return all.get(0);
    }

    public SessionDay last() {
        return all.get(all.size() - 1);
    }

    public int count() {
        return all.size();
    }

    public boolean isSingle() {
        return all.size() == 1;
    }

    public LocalDate firstDate() {
        return first().date();
    }

    public LocalDate lastDate() {
        return last().date();
    }

    /** When the session starts: the first day's start. */
    public ZonedDateTime start() {
        return first().start(zone);
    }

    /** When the session ends: the last day's end. */
    public ZonedDateTime end() {
        return last().end(zone);
    }

    public Optional<SessionDay> byId(long id) {
        return all.stream().filter(d -> d.id() == id).findFirst();
    }

    public Optional<SessionDay> on(LocalDate date) {
        return all.stream().filter(d -> d.date().equals(date)).findFirst();
    }

    /**
     * Where the session stands for registration on a date: {@code OPEN} up to the end of its first
     * day, {@code BEGUN} once its first day is over and its last is not, {@code PAST} once its last day
     * is over. The one rule for the public form and for paper requests alike.
     */
    public RegistrationPhase registrationPhase(LocalDate today) {
        if (!firstDate().isBefore(today)) {
            return RegistrationPhase.OPEN;
        }
        return lastDate().isBefore(today) ? RegistrationPhase.PAST : RegistrationPhase.BEGUN;
    }

    /** See {@link #registrationPhase(LocalDate)}. */
    public enum RegistrationPhase {
        OPEN, BEGUN, PAST
    }

    /** 1 for the first day ("Jour 1"). */
    public int index(SessionDay day) {
        return all.indexOf(day) + 1;
    }

    /** Whether the days follow one another without a gap. */
    public boolean consecutive() {
        return ChronoUnit.DAYS.between(firstDate(), lastDate()) == all.size() - 1;
    }

    /**
     * The dates as a French sentence says them: "mardi 16 mars 2027", "du mardi 16 au mercredi 17
     * mars 2027", "du mardi 30 mars au jeudi 1er avril 2027", "mardi 16 et jeudi 18 mars 2027".
     */
    public String frenchDates() {
        if (isSingle()) {
            return FrenchTime.longDate(firstDate());
        }
        if (consecutive()) {
            return "du " + partial(firstDate(), lastDate()) + " au " + FrenchTime.longDate(lastDate());
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < all.size() - 1; i++) {
            parts.add(partial(all.get(i).date(), all.get(i + 1).date()));
        }
        return String.join(", ", parts) + " et " + FrenchTime.longDate(lastDate());
    }

    /**
     * The dates as said inside a sentence, with their preposition: "le mardi 16 mars 2027", "du
     * mardi 16 au mercredi 17 mars 2027", "les mardi 16 et jeudi 18 mars 2027".
     */
    public String frenchWhen() {
        if (isSingle()) {
            return "le " + frenchDates();
        }
        return consecutive() ? frenchDates() : "les " + frenchDates();
    }

    /**
     * The dates as said after a noun ("la journée …"): "du mardi 16 mars 2027", "du mardi 16 au
     * mercredi 17 mars 2027", "des mardi 16 et jeudi 18 mars 2027".
     */
    public String frenchOf() {
        if (isSingle()) {
            return "du " + frenchDates();
        }
        return consecutive() ? frenchDates() : "des " + frenchDates();
    }

    /** A date said before {@code next}: without the month and year they share. */
    private static String partial(LocalDate date, LocalDate next) {
        if (date.getYear() != next.getYear()) {
            return FrenchTime.longDate(date);
        }
        if (date.getMonth() != next.getMonth()) {
            return FrenchTime.weekdayAndDay(date) + " " + FrenchTime.month(date);
        }
        return FrenchTime.weekdayAndDay(date);
    }
}
