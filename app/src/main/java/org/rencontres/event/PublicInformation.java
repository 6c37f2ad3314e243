package org.rencontres.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.Phone;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public information of sessions (Qualiopi, indicator 1), kept in a table of its own: a session
 * without a row has none and its pages show nothing of it.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PublicInformation {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    /**
     * What the session publishes, its duration filled in from its days when the organiser typed none;
     * nothing when it has no public information.
     */
    public Optional<PublicInfo> of(long dayId, SessionDays days) {
        PublicInfo info = stored(dayId);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(info.hours() == null && days != null ? info.withHours(hoursOf(days)) : info);
    }

    /** What the organiser typed (duration null when it follows the days); {@link PublicInfo#NONE} when nothing. */
    public PublicInfo stored(long dayId) {
        return jdbc.sql("SELECT * FROM event_day_public_info WHERE event_day_id = ?").param(dayId)
                .query((rs, n) -> new PublicInfo(rs.getString("objectives"), rs.getString("prerequisites"),
                        rs.getString("methods"), rs.getString("evaluation"), rs.getBigDecimal("hours"),
                        rs.getBigDecimal("price_euros"), rs.getBoolean("free"), rs.getString("price_note"),
                        rs.getString("accessibility"), rs.getString("disability_name"),
                        EmailAddress.parse(rs.getString("disability_email")).orElse(null),
                        Phone.parse(rs.getString("disability_phone")).orElse(null)))
                .optional().orElse(PublicInfo.NONE);
    }

    /** Replaces the session's public information (removes it when {@code info} is empty). */
    @Transactional
    public void save(long dayId, PublicInfo info) {
        jdbc.sql("DELETE FROM event_day_public_info WHERE event_day_id = ?").param(dayId).update();
        if (!info.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO event_day_public_info (event_day_id, objectives, prerequisites, methods, evaluation,
                        hours, price_euros, free, price_note, accessibility, disability_name, disability_email,
                        disability_phone)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(dayId, info.objectives(), info.prerequisites(), info.methods(), info.evaluation(),
                            info.hours(), info.priceEuros(), info.free(), info.priceNote(), info.accessibility(),
                            info.disabilityName(), text(info.disabilityEmail()), text(info.disabilityPhone()))
                    .update();
        }
        events.publishEvent(new DayChanged(dayId));
    }

    /**
     * The hours of a session by the rule of attendance certificates: each day from its start to its end,
     * the half-days' boundary cutting nothing out (no lunch break is deducted), summed over the days.
     */
    public static BigDecimal hoursOf(SessionDays days) {
        long minutes = days.all().stream()
                .mapToLong(d -> Duration.between(d.startsAt(), d.endsAt()).toMinutes()).sum();
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
