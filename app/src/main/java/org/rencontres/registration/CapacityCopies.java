package org.rencontres.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Days;
import org.rencontres.event.NewEditionCreated;
import org.rencontres.registration.questions.Questions;
import org.rencontres.shared.FrenchTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new edition keeps the registration settings of the session it copies: its seats, the hours to
 * answer an offer, whether the line manager's opinion is asked, and its registration period moved
 * by as many days as the session; and the organiser's questions. Never its registrations or answers.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CapacityCopies {

    private final Registrations registrations;
    private final Days days;
    private final Questions questions;

    // Synchronous, in the transaction that creates the new edition: a failure here rolls it back.
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(NewEditionCreated edition) {
        registrations.capacity(edition.fromDayId()).ifPresent(c -> {
            LocalDate from = days.days(edition.fromDayId()).orElseThrow().firstDate();
            LocalDate to = days.days(edition.toDayId()).orElseThrow().firstDate();
            long shift = ChronoUnit.DAYS.between(from, to);
            registrations.setCapacity(new Capacity(edition.toDayId(), c.seats(), c.offerHours(),
                    c.managerOpinionAsked(), shifted(c.opensAt(), shift), shifted(c.closesAt(), shift)));
        });
        questions.copy(edition.fromDayId(), edition.toDayId());
    }

    /** The same hour of the day (Paris), {@code days} later: a period from midnight to midnight stays so. */
    private static Instant shifted(Instant at, long days) {
        return at == null ? null : at.atZone(FrenchTime.PARIS).plusDays(days).toInstant();
    }
}
