package org.rencontres.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.PdfTemplates;
import org.rencontres.document.QrCodes;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.SessionDay;
import org.rencontres.notification.Attachment;
import org.rencontres.notification.MailContent;
import org.rencontres.notification.MailTemplates;
import org.rencontres.notification.Message;
import org.rencontres.notification.Outbox;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.PublicAddress;
import org.rencontres.shared.VerificationCodes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;

/**
 * Attendance certificates (attestations de présence): one per registration present at least one
 * half-day of a session, stating the half-days attended, day by day, and their hours (those of
 * {@link HalfDays}: a half-day's hours clipped to its day's), summed over every day, with
 * a random code of 144 bits that both proves it genuine (the verification page) and fetches it (the
 * public PDF). A certificate keeps the hours and half-days of the moment it was issued. Walk-ins who
 * gave an e-mail address at the desk get one too, like the registrations present; those who gave none
 * get none (there is nowhere to send it).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Certificates {

    /** Side of the QR code's PNG, in pixels: 4 pixels per module for the verification address (about 143 dpi at 32 mm). */
    private static final int QR_PIXELS = 180;
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRENCH);

    private final JdbcClient jdbc;
    private final Attendances attendances;
    private final Days days;
    private final Registrations registrations;
    private final PdfTemplates pdfs;
    private final MailTemplates mails;
    private final Outbox outbox;
    private final PublicAddress address;
    private final ApplicationEventPublisher events;

    /** Refused: the person was present at no half-day of the day (the message is French). */
    static final class NotPresent extends RuntimeException {
        NotPresent(String name) {
            super(name + " n'a été présent(e) à aucune demi-journée de cette journée : "
                    + "aucune attestation de présence ne peut être délivrée.");
        }
    }

    /**
     * A registration, or a walk-in with an e-mail address, present at least once, with the half-days
     * attended (in order: day by day, morning first).
     *
     * @param registrationId the registration, or null for a walk-in
     * @param walkInId the walk-in, or null for a registration
     */
    record Present(Long registrationId, Long walkInId, String name, String organisation, List<AttendedHalfDay> halfDays) {

        /** "inscription-12" or "sans-inscription-3", as {@link Attendee#ref()}. */
        String ref() {
            return walkInId != null ? "sans-inscription-" + walkInId : "inscription-" + registrationId;
        }
    }

    /**
     * Who a certificate names and where it goes: a registration's agent, or a walk-in.
     *
     * @param key what makes the e-mail unique ("12" for a registration, "walk-in-3" for a walk-in)
     */
    record Holder(String givenName, String surname, String position, String employer, String email, String language,
                  String key) {

        String name() {
            return givenName + " " + surname;
        }

        static Holder of(Registration r) {
            return new Holder(r.givenName(), r.surname(), r.positionService(), r.employerName(), r.email(),
                    r.language() == null ? "fr" : r.language(), String.valueOf(r.id()));
        }
    }

    /** The registrations, and the walk-ins who gave an e-mail, present at least one half-day of any of the session's days. */
    List<Present> present(long dayId) {
        Set<Long> reachable = new HashSet<>(jdbc.sql(
                "SELECT id FROM attendance_walk_in WHERE day_id = ? AND email IS NOT NULL AND btrim(email) <> ''")
                .param(dayId).query(Long.class).list());
        Map<String, Present> byPerson = new LinkedHashMap<>();
        for (SessionHalfDay half : attendances.halfDays(dayId).all()) {
            for (Attendee a : attendances.attendees(dayId, half.sessionDayId(), half.half())) {
                if (!a.present() || (a.walkIn() && !reachable.contains(a.walkInId()))) {
                    continue;
                }
                Present p = byPerson.computeIfAbsent(a.ref(),
                        ref -> new Present(a.registrationId(), a.walkInId(), a.name(), a.organisation(), new ArrayList<>()));
                p.halfDays().add(half.attended());
            }
        }
        return List.copyOf(byPerson.values());
    }

    /** The person a certificate is for. */
    Holder holder(Certificate c) {
        return c.walkInId() != null ? walkIn(c.walkInId()).orElseThrow()
                : Holder.of(registrations.find(c.registrationId()).orElseThrow());
    }

    /** A walk-in as a certificate names them (no job title: the desk does not ask it). */
    Optional<Holder> walkIn(long walkInId) {
        return jdbc.sql("SELECT given_name, surname, organisation, email FROM attendance_walk_in WHERE id = ?")
                .param(walkInId)
                .query((rs, n) -> new Holder(rs.getString("given_name"), rs.getString("surname"), null,
                        rs.getString("organisation"), rs.getString("email"), "fr", "walk-in-" + walkInId))
                .optional();
    }

    /** The minutes of those half-days, summed over every day. */
    static int minutes(List<AttendedHalfDay> attended) {
        return (int) attended.stream().map(AttendedHalfDay::duration).mapToLong(Duration::toMinutes).sum();
    }

    Optional<Certificate> find(String code) {
        if (!VerificationCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE code = ?").param(code).query(this::certificate).optional();
    }

    Optional<Certificate> ofRegistration(long registrationId) {
        return jdbc.sql(SELECT + " WHERE registration_id = ?").param(registrationId).query(this::certificate).optional();
    }

    Optional<Certificate> ofWalkIn(long walkInId) {
        return jdbc.sql(SELECT + " WHERE walk_in_id = ?").param(walkInId).query(this::certificate).optional();
    }

    /** The certificate already issued to that person, if any. */
    private Optional<Certificate> issuedTo(Present p) {
        return p.walkInId() != null ? ofWalkIn(p.walkInId()) : ofRegistration(p.registrationId());
    }

    /** The certificates issued for the day, in the order they were issued. */
    List<Certificate> ofDay(long dayId) {
        return jdbc.sql(SELECT + " WHERE event_day_id = ? ORDER BY id").param(dayId).query(this::certificate).list();
    }

    int count(long dayId) {
        return jdbc.sql("SELECT count(*) FROM attendance_certificate WHERE event_day_id = ?").param(dayId)
                .query(Integer.class).single();
    }

    /** A certificate to make and e-mail, or one issued singly and not e-mailed yet ({@code issued}). */
    record Pending(Present present, Certificate issued) {
    }

    /**
     * What a bulk run has to do: the present registrations of the day with no certificate yet, and
     * the certificates issued singly that were never e-mailed.
     */
    List<Pending> missing(long dayId) {
        Map<String, Certificate> issued = new HashMap<>();
        jdbc.sql(SELECT + " WHERE event_day_id = ?").param(dayId).query(this::certificate).list()
                .forEach(c -> issued.put(c.walkInId() != null ? "sans-inscription-" + c.walkInId()
                        : "inscription-" + c.registrationId(), c));
        List<Pending> pending = new ArrayList<>();
        for (Present p : present(dayId)) {
            Certificate c = issued.get(p.ref());
            if (c == null) {
                pending.add(new Pending(p, null));
            } else if (c.emailedAt() == null) {
                pending.add(new Pending(p, c));
            }
        }
        return pending;
    }

    /** Marks a certificate as queued for e-mail; false when it already was. */
    boolean markEmailed(long certificateId) {
        return jdbc.sql("UPDATE attendance_certificate SET emailed_at = now() WHERE id = ? AND emailed_at IS NULL")
                .param(certificateId).update() == 1;
    }

    /**
     * The certificate of a registration of the day, issued now if it has none (not e-mailed).
     *
     * @throws NotPresent when the person was absent all day
     * @throws IllegalArgumentException when the registration is not one of the day
     */
    @Transactional
    Certificate issue(long dayId, long registrationId) {
        Registration r = registrations.find(registrationId).filter(x -> x.dayId() == dayId)
                .orElseThrow(() -> new IllegalArgumentException("No registration " + registrationId + " in day " + dayId));
        Optional<Certificate> existing = ofRegistration(registrationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Present p = present(dayId).stream().filter(x -> Long.valueOf(registrationId).equals(x.registrationId()))
                .findFirst().orElseThrow(() -> new NotPresent(r.givenName() + " " + r.surname()));
        insert(dayId, p, newCode(), minutes(p.halfDays()), false);
        return ofRegistration(registrationId).orElseThrow();
    }

    /**
     * The certificate of a walk-in of the day who gave an e-mail, issued now if they have none.
     *
     * @throws NotPresent when the walk-in is no longer present at any half-day
     * @throws IllegalArgumentException when the walk-in is not one of the day's, or gave no e-mail
     */
    @Transactional
    Certificate issueToWalkIn(long dayId, long walkInId) {
        Optional<Certificate> existing = ofWalkIn(walkInId);
        if (existing.isPresent() && existing.get().dayId() == dayId) {
            return existing.get();
        }
        boolean ofDay = jdbc.sql("SELECT count(*) FROM attendance_walk_in WHERE id = ? AND day_id = ?")
                .params(walkInId, dayId).query(Integer.class).single() == 1;
        Holder h = walkIn(walkInId).filter(x -> ofDay && x.email() != null && !x.email().isBlank())
                .orElseThrow(() -> new IllegalArgumentException("No walk-in " + walkInId + " with an e-mail in day " + dayId));
        Present p = present(dayId).stream().filter(x -> Long.valueOf(walkInId).equals(x.walkInId())).findFirst()
                .orElseThrow(() -> new NotPresent(h.name()));
        insert(dayId, p, newCode(), minutes(p.halfDays()), false);
        return ofWalkIn(walkInId).orElseThrow();
    }

    /**
     * Inserts a certificate unless the registration has one already.
     *
     * @return whether it was inserted
     */
    boolean insert(long dayId, Present p, String code, int minutes, boolean emailed) {
        String conflict = p.walkInId() != null ? "(event_day_id, walk_in_id) WHERE walk_in_id IS NOT NULL"
                : "(event_day_id, registration_id)";
        boolean inserted = jdbc.sql("""
                INSERT INTO attendance_certificate (event_day_id, registration_id, walk_in_id, code, hours, half_days, emailed_at)
                VALUES (?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END)
                ON CONFLICT """ + conflict + " DO NOTHING")
                .params(dayId, p.registrationId(), p.walkInId(), code,
                        BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                        AttendedHalfDay.stored(p.halfDays()), emailed)
                .update() == 1;
        if (inserted) {
            events.publishEvent(new CertificateIssued(dayId, p.registrationId(), p.walkInId(), code));
        }
        return inserted;
    }

    /** A fresh verification code: 144 random bits, URL-safe (24 characters). */
    static String newCode() {
        return VerificationCodes.newCode();
    }

    /** The address of the verification page of a code. */
    String verificationUrl(String code) {
        return address.of("/attestations/verifier/" + code);
    }

    /** The PDF of a stored certificate. */
    byte[] pdf(Certificate c) {
        Day day = days.find(c.dayId()).orElseThrow();
        return pdf(day, holder(c), c.code(), c.halfDays(), c.minutes());
    }

    /** A row of the certificate's table: a half-day attended ({@code date} shown for a session of several days). */
    record Row(String date, HalfDay half, String start, String end, String hours) {
    }

    /** The PDF of a certificate (stored or about to be). */
    byte[] pdf(Day day, Holder r, String code, List<AttendedHalfDay> attended, int minutes) {
        Context context = new Context(Locale.FRENCH);
        context.setVariable("name", r.name());
        context.setVariable("position", r.position());
        context.setVariable("employer", r.employer());
        context.setVariable("day", day);
        context.setVariable("date", day.days().frenchDates());
        context.setVariable("when", day.days().frenchWhen());
        context.setVariable("doneDate", FrenchTime.longDate(day.days().lastDate()));
        List<Row> halves = new ArrayList<>();
        for (AttendedHalfDay h : attended) {
            halves.add(new Row(FrenchTime.longDate(h.date()), h.half(), HOUR.format(h.start()), HOUR.format(h.end()),
                    hours(h.duration().toMinutes())));
        }
        context.setVariable("halves", halves);
        context.setVariable("several", several(day, attended));
        context.setVariable("total", hours(minutes));
        context.setVariable("code", code);
        String url = verificationUrl(code);
        context.setVariable("verificationUrl", url);
        context.setVariable("qrCode", QrCodes.dataUri(url, QR_PIXELS));
        return pdfs.render("attendance/pdf/certificate", context);
    }

    /** The e-mail of a certificate to its agent, the PDF attached (queued at most once per certificate). */
    Message mail(Day day, Holder r, String code, int minutes, byte[] pdf) {
        boolean several = !day.days().isSingle();
        Locale locale = Locale.forLanguageTag(r.language());
        Map<String, Object> v = new HashMap<>();
        v.put("name", r.name());
        v.put("title", day.fullTitle());
        v.put("code", day.sessionCode().toString());
        v.put("date", several ? day.days().frenchWhen() : day.days().frenchDates());
        v.put("several", several);
        v.put("hours", hours(minutes));
        v.put("verification", verificationUrl(code));
        v.put("download", address.of("/attestations/" + code + ".pdf"));
        MailContent content = mails.render("attendance/mail/certificate", locale, v);
        return Message.of(r.email(), content)
                .withAttachment(new Attachment(fileName(day, r), "application/pdf", pdf))
                .withDedupKey("attendance-certificate-" + day.id() + "-" + r.key())
                .withDay(day.id());
    }

    static String fileName(Day day, Holder r) {
        String who = Normalizer.normalize(r.surname() + "-" + r.givenName(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9-]+", "-");
        return "attestation-" + day.sessionCode().slug() + "-" + who + ".pdf";
    }

    /** Whether a certificate says its days: a session of several days, or half-days not on its only day. */
    static boolean several(Day day, List<AttendedHalfDay> attended) {
        return !day.days().isSingle()
                || attended.stream().anyMatch(h -> !h.date().equals(day.days().firstDate()));
    }

    /** "7 h", "3 h 30". */
    static String hours(long minutes) {
        long h = minutes / 60, m = minutes % 60;
        return m == 0 ? h + " h" : h + " h " + (m < 10 ? "0" : "") + m;
    }

    private static final String SELECT = """
            SELECT id, event_day_id, registration_id, walk_in_id, code, hours, half_days, created_at, emailed_at
            FROM attendance_certificate""";

    private Certificate certificate(ResultSet rs, int n) throws SQLException {
        long dayId = rs.getLong("event_day_id");
        List<AttendedHalfDay> halves = AttendedHalfDay.parse(rs.getString("half_days"), half -> legacy(dayId, half));
        OffsetDateTime emailed = rs.getObject("emailed_at", OffsetDateTime.class);
        return new Certificate(rs.getLong("id"), dayId, rs.getObject("registration_id", Long.class),
                rs.getObject("walk_in_id", Long.class), rs.getString("code"), rs.getBigDecimal("hours").multiply(BigDecimal.valueOf(60))
                        .setScale(0, RoundingMode.HALF_UP).intValue(), halves,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                emailed == null ? null : emailed.toInstant());
    }

    /**
     * A half-day of a certificate issued when sessions had one day (stored without its date): that of
     * the session's first day, with today's hours.
     */
    private AttendedHalfDay legacy(long dayId, HalfDay half) {
        HalfDays halfDays = attendances.halfDays(dayId);
        SessionDay first = halfDays.days().first();
        return halfDays.find(first.id(), half).map(SessionHalfDay::attended)
                .orElse(new AttendedHalfDay(first.date(), half, first.startsAt(), first.startsAt()));
    }

}
