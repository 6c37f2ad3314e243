package org.rencontres.attendance;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rencontres.security.ManagedDay;
import org.rencontres.security.Organiser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
class WelcomeDeskController {

    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

        private final Attendances attendances;
    private final MessageSource messages;
    private final JsonMapper json;

    WelcomeDeskController(Attendances attendances, MessageSource messages, JsonMapper json) {
        this.attendances = attendances;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String desk(ManagedDay day,
                @RequestParam(name = "demi", required = false) String demi,
                @RequestParam(name = "q", required = false) String q, Model model) {
        return page(day, half(day, demi), q, "", new WalkIn("", "", "", ""), Map.of(), model);
    }

    @PostMapping("/presence")
    String present(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                   @RequestParam(name = "demi", required = false) String demi,
                   @RequestParam(name = "q", required = false) String q,
                   @RequestParam(name = "personne", required = false) String personne,
                   @RequestParam(name = "cle", required = false) String cle,
                   @RequestParam(name = "signatureDemandee", required = false) String signatureDemandee,
                   @RequestParam(name = "signature", required = false) String signature,
                   RedirectAttributes redirect) {
        HalfDay half = half(day, demi);
        Long id = number(personne);
        CheckInOutcome outcome = id == null ? CheckInOutcome.refused(CheckInOutcome.Kind.NO_SUCH_PERSON, null)
                : attendances.checkIn(day.id(), id, checkIn(half, organiser, cle, signatureDemandee, signature, null));
        flash(redirect, outcome);
        return "redirect:" + deskPath(day, half, q);
    }

    @PostMapping("/code")
    String code(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                @RequestParam(name = "demi", required = false) String demi,
                @RequestParam(name = "code", required = false) String code,
                @RequestParam(name = "cle", required = false) String cle,
                @RequestParam(name = "signatureDemandee", required = false) String signatureDemandee,
                @RequestParam(name = "signature", required = false) String signature,
                Model model, RedirectAttributes redirect) {
        HalfDay half = half(day, demi);
        if (code == null || code.isBlank()) {
            return page(day, half, null, "", new WalkIn("", "", "", ""), Map.of("code", text("attendance.code.error.empty")), model);
        }
        CheckInOutcome outcome = attendances.checkInCode(day.id(), code,
                checkIn(half, organiser, cle, signatureDemandee, signature, null));
        if (!outcome.recorded()) {
            return page(day, half, null, code.strip().replaceAll("\\s+", " "), new WalkIn("", "", "", ""), Map.of("code", text(outcome)), model);
        }
        flash(redirect, outcome);
        return "redirect:" + deskPath(day, half, null);
    }

    @PostMapping("/sans-inscription")
    String walkIn(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                  @RequestParam(name = "demi", required = false) String demi,
                  @RequestParam(name = "nom", required = false) String nom,
                  @RequestParam(name = "prenom", required = false) String prenom,
                  @RequestParam(name = "organisation", required = false) String organisation,
                  @RequestParam(name = "courriel", required = false) String courriel,
                  @RequestParam(name = "cle", required = false) String cle,
                  Model model, RedirectAttributes redirect) {
        HalfDay half = half(day, demi);
        WalkIn walkIn = new WalkIn(nom, prenom, organisation, courriel);
        Map<String, String> problems = new LinkedHashMap<>();
        Attendances.problems(walkIn).forEach((field, key) -> problems.put(field, text(key)));
        if (!problems.isEmpty()) {
            return page(day, half, null, "", walkIn, problems, model);
        }
        flash(redirect, attendances.checkInWalkIn(day.id(), walkIn, checkIn(half, organiser, cle, null, null, null)));
        return "redirect:" + deskPath(day, half, null);
    }

    /** One check-in kept by a desk while offline (see static/js/checkin.js). */
    record QueuedCheckIn(String cle, String type, String personne, String code, String demi, Long moment,
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
            if (half.isEmpty() || key == null) {
                results.add(new SyncResult(item.cle(), "INVALID", false, text("attendance.sync.invalid")));
                continue;
            }
            CheckIn checkIn = new CheckIn(half.get(), organiser.displayName(), key,
                    Boolean.TRUE.equals(item.signatureDemandee()), item.signature(),
                    item.moment() == null ? null : Instant.ofEpochMilli(item.moment()));
            CheckInOutcome outcome;
            if ("code".equals(item.type())) {
                outcome = attendances.checkInCode(day.id(), item.code(), checkIn);
            } else if ("sans-inscription".equals(item.type())) {
                WalkIn w = new WalkIn(item.nom(), item.prenom(), item.organisation(), item.courriel());
                if (!Attendances.problems(w).isEmpty()) {
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

    private String page(ManagedDay day, HalfDay half, String q, String code, WalkIn walkIn, Map<String, String> errors,
                        Model model) {
        model.addAttribute("day", day);
        model.addAttribute("half", half);
        model.addAttribute("halves", HalfDay.values());
        model.addAttribute("halfDays", attendances.halfDays(day.id()));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("results", q == null || q.isBlank() ? List.of() : attendances.search(day.id(), half, q));
        model.addAttribute("counts", attendances.counts(day.id(), half));
        model.addAttribute("code", code);
        model.addAttribute("walkIn", walkIn);
        model.addAttribute("errors", errors);
        return "attendance/desk";
    }

    private HalfDay half(ManagedDay day, String demi) {
        return HalfDay.ofSlug(demi).orElseGet(() -> attendances.current(day.id()));
    }

    private static CheckIn checkIn(HalfDay half, Organiser organiser, String cle, String signatureDemandee,
                                   String signature, Instant at) {
        return new CheckIn(half, organiser.displayName(), uuid(cle), signatureDemandee != null && !signatureDemandee.isBlank(),
                signature, at);
    }

    private void flash(RedirectAttributes redirect, CheckInOutcome outcome) {
        redirect.addFlashAttribute(outcome.recorded() ? "notice" : "problem", text(outcome));
    }

    private String text(CheckInOutcome outcome) {
        String name = outcome.name() == null ? "" : outcome.name();
        String at = outcome.at() == null ? "" : HOUR.format(outcome.at());
        // Without a name the message has no argument (and is shown as written).
        Object[] args = outcome.name() == null ? null : new Object[] {name, at};
        return messages.getMessage(outcome.messageKey(), args, LocaleContextHolder.getLocale());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    static final int MAX_SEARCH_IN_ADDRESS = 200;

    static String deskPath(ManagedDay day, HalfDay half, String q) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/admin/journees/{slug}/accueil").queryParam("demi", half.slug());
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
