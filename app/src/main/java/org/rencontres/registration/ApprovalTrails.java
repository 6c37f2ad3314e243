package org.rencontres.registration;

import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.PdfTemplates;
import org.rencontres.document.QrCodes;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.PublicAddress;
import org.rencontres.shared.VerificationCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;

/**
 * The approval trail of a registration (issue 17, point 7): every recorded step of
 * {@code registration_transition} (the request, the line manager's opinion, the training service's
 * decision, the organiser's confirmation, refusal or waiting list, offers, withdrawal…), who took it
 * and in what role, when, and why, as a PDF verifiable like an attendance certificate: a code
 * ({@link VerificationCodes}) printed with the QR code of the public verification page. The code names
 * the registration and the last step the PDF shows, so the same trail always carries the same code
 * and a later step gives a new one; the page shows the steps the PDF showed.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApprovalTrails {

    private static final int QR_PIXELS = 300;

    private final JdbcClient jdbc;
    private final RegistrationQueries queries;
    private final Days days;
    private final PdfTemplates pdfs;
    private final PublicAddress address;

    /** Who takes a step: the line of the trail says it in words ({@code registration.trail.role.*}). */
    enum Role { AGENT, ON_BEHALF, MANAGER, TRAINING_SERVICE, ORGANISER, ORGANISER_IN_PLACE, SYSTEM }

    /**
     * One step of the trail.
     *
     * @param actor who took it, as the trail names them ({@link #author})
     * @param what the key of its wording ({@code registration.trail.step.*})
     * @param when its date and time in French, in the session's time zone
     */
    record Step(long id, RegistrationState from, RegistrationState to, Instant at, String actor, Role role,
                String reason, String what, String when) {
    }

    /** A trail as a document shows it: the registration, its session, its steps, and the code that proves it. */
    record Trail(Registration registration, Day day, List<Step> steps, String code, Instant issuedAt) {
    }

    /** The trail as it stands, with its code (given now when this state of the trail has none). */
    @Transactional
    Trail current(Registration r) {
        Day day = days.find(r.dayId()).orElseThrow();
        List<Step> steps = steps(r, day.days().zone(), Long.MAX_VALUE);
        long last = steps.get(steps.size() - 1).id();
        jdbc.sql("""
                INSERT INTO registration_trail_code (code, registration_id, last_transition_id) VALUES (?, ?, ?)
                ON CONFLICT (registration_id, last_transition_id) DO NOTHING""")
                .params(VerificationCodes.newCode(), r.id(), last).update();
        return jdbc.sql("SELECT code, issued_at FROM registration_trail_code WHERE registration_id = ? AND last_transition_id = ?")
                .params(r.id(), last)
                .query((rs, n) -> new Trail(r, day, steps, rs.getString("code"),
                        rs.getObject("issued_at", OffsetDateTime.class).toInstant()))
                .single();
    }

    /** The trail a code was given to, as it stood then; empty for a code that is no trail's. */
    Optional<Trail> verify(String code) {
        if (!VerificationCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT registration_id, last_transition_id, issued_at FROM registration_trail_code WHERE code = ?")
                .param(code)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)
                        .toInstant().toEpochMilli()})
                .optional()
                .flatMap(found -> queries.find(found[0]).map(r -> {
                    Day day = days.find(r.dayId()).orElseThrow();
                    return new Trail(r, day, steps(r, day.days().zone(), found[1]), code,
                            Instant.ofEpochMilli(found[2]));
                }));
    }

    /** The steps of a registration up to step {@code upTo} (its id) included, in order. */
    private List<Step> steps(Registration r, ZoneId zone, long upTo) {
        return jdbc.sql("""
                SELECT id, from_state, to_state, at, actor, reason, in_place FROM registration_transition
                WHERE registration_id = ? AND id <= ? ORDER BY id""")
                .params(r.id(), upTo)
                .query((rs, n) -> {
                    RegistrationState from = rs.getString("from_state") == null ? null
                            : RegistrationState.valueOf(rs.getString("from_state"));
                    RegistrationState to = RegistrationState.valueOf(rs.getString("to_state"));
                    Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    String actor = rs.getString("actor");
                    boolean inPlace = rs.getBoolean("in_place");
                    Role role = role(r, from, actor, inPlace);
                    return new Step(rs.getLong("id"), from, to, at, author(r, actor, role), role,
                            rs.getString("reason"), what(from, to, inPlace), when(at, zone));
                })
                .list();
    }

    /**
     * Who took a step, from what is recorded: the actor's text for the automatic moves, the agent and
     * the service that registered them, else the step it was (the line manager decides on the manager's
     * step, the training service on its own, the organiser on the rest).
     */
    static Role role(Registration r, RegistrationState from, String actor, boolean inPlace) {
        String who = actor.strip();
        if (Registrations.SYSTEM.equals(who)) {
            return Role.SYSTEM;
        }
        if (inPlace) {
            return Role.ORGANISER_IN_PLACE;
        }
        if (who.equalsIgnoreCase(r.email()) || who.startsWith("Agent")) {
            return Role.AGENT;
        }
        if (who.startsWith("Service formation") || who.equalsIgnoreCase(r.registeredBy())) {
            return Role.TRAINING_SERVICE;
        }
        if (from == null) {
            return Role.ON_BEHALF;
        }
        return switch (from) {
            case AWAITING_MANAGER -> Role.MANAGER;
            case AWAITING_TRAINING_SERVICE -> Role.TRAINING_SERVICE;
            default -> Role.ORGANISER;
        };
    }

    /**
     * Who a step names: the agent by their name (with the address or link they acted from), anyone else
     * as recorded (« Responsable hiérarchique (chef@…) », an organiser's name).
     */
    static String author(Registration r, String actor, Role role) {
        String who = actor.strip();
        if (role != Role.AGENT) {
            return who;
        }
        String name = r.givenName() + " " + r.surname();
        if (who.equalsIgnoreCase(r.email())) {
            return name + " (" + who + ")";
        }
        return who.startsWith("Agent (") ? name + " " + who.substring("Agent ".length()) : name;
    }

    /** The key of a step's wording: the decision it was, by the step it was taken on. */
    static String what(RegistrationState from, RegistrationState to, boolean inPlace) {
        if (from == null) {
            return "request";
        }
        if (from == to) {
            return "same." + to.name();
        }
        if (to == RegistrationState.REFUSED && (from == RegistrationState.AWAITING_MANAGER
                || from == RegistrationState.AWAITING_TRAINING_SERVICE)) {
            return "refused." + from.name();
        }
        if (from == RegistrationState.AWAITING_MANAGER && to == RegistrationState.AWAITING_TRAINING_SERVICE) {
            return "favourable.AWAITING_MANAGER";
        }
        if (from == RegistrationState.AWAITING_TRAINING_SERVICE && to == RegistrationState.AWAITING_ORGANISER) {
            return "favourable.AWAITING_TRAINING_SERVICE";
        }
        return "to." + to.name();
    }

    /** « mardi 16 mars 2027 à 10h05 ». */
    static String when(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return FrenchTime.longDate(local.toLocalDate()) + " à " + FrenchTime.clock(local.toLocalTime().withSecond(0).withNano(0));
    }

    /** The address of the verification page of a code. */
    String verificationUrl(String code) {
        return address.of("/inscription/parcours/verifier/" + code);
    }

    /** The trail's PDF, in French. */
    byte[] pdf(Trail trail) {
        Context context = new Context(Locale.FRENCH);
        context.setVariable("registration", trail.registration());
        context.setVariable("day", trail.day());
        context.setVariable("steps", trail.steps());
        context.setVariable("state", trail.registration().state().name());
        context.setVariable("code", trail.code());
        context.setVariable("issued", when(trail.issuedAt(), trail.day().days().zone()));
        String url = verificationUrl(trail.code());
        context.setVariable("verificationUrl", url);
        context.setVariable("qrCode", QrCodes.dataUri(url, QR_PIXELS));
        return pdfs.render("registration/pdf/trail", context);
    }

    /** « parcours-z20in001-12-durand-camille.pdf ». */
    static String fileName(Day day, Registration r) {
        String who = Normalizer.normalize(r.surname() + "-" + r.givenName(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9-]+", "-").toLowerCase(Locale.ROOT);
        return "parcours-" + day.sessionCode().slug() + "-" + r.id() + "-" + who + ".pdf";
    }
}
