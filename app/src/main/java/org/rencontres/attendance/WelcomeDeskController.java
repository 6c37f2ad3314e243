package org.rencontres.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.registration.needs.AccessibilityNeeds;
import org.rencontres.event.SessionDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The welcome desk of a day (a page for a phone or a tablet): check-in by name search, by the QR
 * code of a convocation (typed, pasted or scanned by the camera through static/js/checkin.js), and
 * walk-ins; plain forms that work without JavaScript, plus a JSON endpoint that receives the
 * check-ins a desk kept while offline. Every route checks access to the day first.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/accueil")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WelcomeDeskController {

    private static final WalkIn NO_WALK_IN = new WalkIn("", "", "", "");

    private final Attendances attendances;
    private final MessageSource messages;
    private final JsonMapper json;
    private final TrainerSignatures trainers;
    private final AccessibilityNeeds needs;
    private final DeskSearch deskSearch;

    @GetMapping
    String desk(ManagedDay day,
                @RequestParam(name = "jour", required = false) String jour,
                @RequestParam(name = "demi", required = false) String demi,
                @RequestParam(name = "q", required = false) String q, Model model) {
        SessionDay sessionDay = sessionDay(day, jour);
        return page(day, shown(day, sessionDay, demi), q, "", NO_WALK_IN, FormErrors.none(), model);
    }

    @PostMapping("/presence")
    String present(@AuthenticationPrincipal Organiser organiser, ManagedDay day, DeskCheckIn form,
                   @RequestParam(name = "jour", required = false) String jour,
                   @RequestParam(name = "q", required = false) String q,
                   @RequestParam(name = "personne", required = false) String personne,
                   RedirectAttributes redirect) {
        SessionDay sessionDay = sessionDay(day, jour);
        HalfDay half = half(day, sessionDay, form.demi());
        Long id = number(personne);
        CheckInOutcome outcome = id == null ? CheckInOutcome.refused(CheckInOutcome.Kind.NO_SUCH_PERSON, null)
                : attendances.checkIn(day.id(), id, form.checkIn(half, organiser).on(sessionDay.id()));
        flash(redirect, outcome);
        return "redirect:" + deskPath(day, sessionDay, half, q);
    }

    @PostMapping("/code")
    String code(@AuthenticationPrincipal Organiser organiser, ManagedDay day, DeskCheckIn form,
                @RequestParam(name = "jour", required = false) String jour,
                @RequestParam(name = "code", required = false) String code,
                Model model, Locale locale, RedirectAttributes redirect) {
        SessionDay sessionDay = sessionDay(day, jour);
        HalfDay half = half(day, sessionDay, form.demi());
        if (code == null || code.isBlank()) {
            return page(day, shown(day, sessionDay, half.slug()), null, "", NO_WALK_IN,
                    errors(List.of(FieldProblem.of("code", "attendance.code.error.empty")), locale), model);
        }
        CheckInOutcome outcome = attendances.checkInCode(day.id(), code, form.checkIn(half, organiser).on(sessionDay.id()));
        if (!outcome.recorded()) {
            return page(day, shown(day, sessionDay, half.slug()), null, code.strip().replaceAll("\\s+", " "), NO_WALK_IN,
                    errors(List.of(new FieldProblem("code", outcome.messageKey(), List.of(outcome.messageArguments()))), locale),
                    model);
        }
        flash(redirect, outcome);
        return "redirect:" + deskPath(day, sessionDay, half, null);
    }

    @PostMapping("/sans-inscription")
    String walkIn(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                  @RequestParam(name = "jour", required = false) String jour,
                  @RequestParam(name = "demi", required = false) String demi,
                  @RequestParam(name = "nom", required = false) String nom,
                  @RequestParam(name = "prenom", required = false) String prenom,
                  @RequestParam(name = "organisation", required = false) String organisation,
                  @RequestParam(name = "courriel", required = false) String courriel,
                  @RequestParam(name = "cle", required = false) String cle,
                  Model model, Locale locale, RedirectAttributes redirect) {
        SessionDay sessionDay = sessionDay(day, jour);
        HalfDay half = half(day, sessionDay, demi);
        WalkIn walkIn = new WalkIn(nom, prenom, organisation, courriel);
        List<FieldProblem> problems = walkIn.problems();
        if (!problems.isEmpty()) {
            return page(day, shown(day, sessionDay, half.slug()), null, "", walkIn, errors(problems, locale), model);
        }
        flash(redirect, attendances.checkInWalkIn(day.id(), walkIn,
                new DeskCheckIn(demi, cle, null, null).checkIn(half, organiser).on(sessionDay.id())));
        return "redirect:" + deskPath(day, sessionDay, half, null);
    }

    /** One check-in kept by a desk while offline (see static/js/checkin.js); {@code jour} the day's date. */
    record QueuedCheckIn(String cle, String type, String personne, String code, String jour, String demi, Long moment,
                         String signature, Boolean signatureDemandee, String nom, String prenom,
                         String organisation, String courriel) {
    }

    /** What became of a queued check-in: {@code done} when the desk may forget it (recorded or refused for good). */
    record SyncResult(String cle, String status, boolean recorded, String message) {
    }

    /**
     * Receives the check-ins a desk kept while offline. Each is answered on its own; a check-in sent
     * again with the same key is answered as already done and changes nothing.
     */
    @PostMapping("/synchronisation")
    @ResponseBody
    ResponseEntity<List<SyncResult>> sync(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                                          @RequestHeader(name = "Content-Type", required = false) String contentType,
                                          @RequestBody(required = false) String body) {
        // Access first (the body is read only for an organiser of the day).
        if (contentType == null || !contentType.startsWith("application/json")) {
            return ResponseEntity.status(415).build();
        }
        List<QueuedCheckIn> queue;
        try {
            queue = json.readValue(body == null ? "" : body, new TypeReference<List<QueuedCheckIn>>() { });
        } catch (JacksonException e) {
            return ResponseEntity.badRequest().build();
        }
        if (queue == null || queue.size() > 500) {
            return ResponseEntity.status(413).build();
        }
        List<SyncResult> results = new ArrayList<>();
        for (QueuedCheckIn item : queue) {
            Optional<HalfDay> half = HalfDay.ofSlug(item.demi());
            UUID key = uuid(item.cle());
            Optional<SessionDay> sessionDay = item.jour() == null || item.jour().isBlank()
                    ? Optional.of(attendances.deskDay(day.id())) : date(item.jour()).flatMap(day.days()::on);
            if (half.isEmpty() || key == null || sessionDay.isEmpty()) {
                results.add(new SyncResult(item.cle(), "INVALID", false, text("attendance.sync.invalid")));
                continue;
            }
            CheckIn checkIn = new CheckIn(half.get(), organiser.displayName(), key,
                    Boolean.TRUE.equals(item.signatureDemandee()), item.signature(),
                    item.moment() == null ? null : Instant.ofEpochMilli(item.moment()), sessionDay.get().id());
            CheckInOutcome outcome;
            if ("code".equals(item.type())) {
                outcome = attendances.checkInCode(day.id(), item.code(), checkIn);
            } else if ("sans-inscription".equals(item.type())) {
                WalkIn w = new WalkIn(item.nom(), item.prenom(), item.organisation(), item.courriel());
                if (!w.problems().isEmpty()) {
                    results.add(new SyncResult(item.cle(), "INVALID", false, text("attendance.sync.invalid")));
                    continue;
                }
                outcome = attendances.checkInWalkIn(day.id(), w, checkIn);
            } else {
                Long id = number(item.personne());
                outcome = id == null ? CheckInOutcome.refused(CheckInOutcome.Kind.NO_SUCH_PERSON, null)
                        : attendances.checkIn(day.id(), id, checkIn);
            }
            results.add(new SyncResult(item.cle(), outcome.kind().name(), outcome.recorded(), text(outcome)));
        }
        return ResponseEntity.ok(results);
    }

    private String page(ManagedDay day, SessionHalfDay shown, String q, String code, WalkIn walkIn, FormErrors errors,
                        Model model) {
        HalfDays halfDays = attendances.halfDays(day.id());
        HalfDay half = shown.half();
        long sessionDayId = shown.sessionDayId();
        model.addAttribute("day", day);
        model.addAttribute("half", half);
        model.addAttribute("sessionDay", shown.day());
        model.addAttribute("halves", halfDays.of(shown.day()));
        model.addAttribute("halfDays", halfDays);
        model.addAttribute("q", q == null ? "" : q);
        DeskSearch.Found found = deskSearch.search(day.id(), sessionDayId, half, q);
        model.addAttribute("results", found.shown());
        model.addAttribute("matching", found.total());
        model.addAttribute("truncated", found.isTruncated());
        model.addAttribute("counts", attendances.counts(day.id(), sessionDayId, half));
        model.addAttribute("trainers", trainers.trainers(day.id(), shown));
        // The arrangement planned for someone's accessibility needs, never the needs (health data).
        model.addAttribute("arrangements", needs.arrangements(day.id()));
        model.addAttribute("code", code);
        model.addAttribute("walkIn", walkIn);
        model.addAttribute("errors", errors);
        return "attendance/desk";
    }

    /**
     * The day of the session a request is about: {@code jour} is its date ("2027-03-17"); without it,
     * today's day of the session, else its first. A date that is not one of its days is not found.
     */
    static SessionDay sessionDay(ManagedDay day, String jour, Attendances attendances) {
        if (jour == null || jour.isBlank()) {
            return attendances.deskDay(day.id());
        }
        return date(jour).flatMap(day.days()::on).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private SessionDay sessionDay(ManagedDay day, String jour) {
        return sessionDay(day, jour, attendances);
    }

    /** The half-day a check-in is for: the one posted, else the one the desk is in now on that day. */
    private HalfDay half(ManagedDay day, SessionDay sessionDay, String demi) {
        return HalfDay.ofSlug(demi).orElseGet(() -> attendances.current(day.id(), sessionDay).half());
    }

    /** The half-day a page shows: the one asked for when the day has it, else the one the desk is in now. */
    static SessionHalfDay shown(ManagedDay day, SessionDay sessionDay, String demi, Attendances attendances) {
        HalfDays halfDays = attendances.halfDays(day.id());
        return HalfDay.ofSlug(demi).flatMap(h -> halfDays.find(sessionDay.id(), h))
                .orElseGet(() -> attendances.current(day.id(), sessionDay));
    }

    private SessionHalfDay shown(ManagedDay day, SessionDay sessionDay, String demi) {
        return shown(day, sessionDay, demi, attendances);
    }

    static Optional<LocalDate> date(String s) {
        try {
            return Optional.of(LocalDate.parse(s.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * What every check-in form of the desk posts besides whom it checks in: the half-day, the key that
     * makes a second post of the same form harmless, and the signature when one was asked for.
     */
    record DeskCheckIn(String demi, String cle, String signatureDemandee, String signature) {

        CheckIn checkIn(HalfDay half, Organiser organiser) {
            return new CheckIn(half, organiser.displayName(), uuid(cle),
                    signatureDemandee != null && !signatureDemandee.isBlank(), signature, null);
        }
    }

    private void flash(RedirectAttributes redirect, CheckInOutcome outcome) {
        redirect.addFlashAttribute(outcome.recorded() ? "notice" : "problem", text(outcome));
    }

    private String text(CheckInOutcome outcome) {
        return messages.getMessage(outcome.messageKey(), outcome.messageArguments(), LocaleContextHolder.getLocale());
    }

    private FormErrors errors(List<FieldProblem> problems, Locale locale) {
        return FormErrors.of(problems, messages, locale);
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    static final int MAX_SEARCH_IN_ADDRESS = 200;

    static String deskPath(ManagedDay day, SessionDay sessionDay, HalfDay half, String q) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/admin/journees/{slug}/accueil");
        // A session of one day keeps the addresses it always had.
        if (!day.days().isSingle()) {
            b.queryParam("jour", sessionDay.date().toString());
        }
        b.queryParam("demi", half.slug());
        // A search is a few words; a longer one is not carried into the address (the response's headers are bounded).
        if (q != null && !q.isBlank() && q.length() <= MAX_SEARCH_IN_ADDRESS) {
            b.queryParam("q", "{q}");
            return b.buildAndExpand(day.slug(), q).encode().toUriString();
        }
        return b.buildAndExpand(day.slug()).encode().toUriString();
    }

    static Long number(String s) {
        if (s == null || !s.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(s.strip());
    }

    static UUID uuid(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
