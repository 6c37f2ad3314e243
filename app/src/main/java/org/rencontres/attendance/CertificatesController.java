package org.rencontres.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.shared.FrenchTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public side of certificates: the verification page a certificate's QR code leads to (says
 * whether the code belongs to a genuine certificate, with the name, the day and the hours), and the
 * certificate's PDF by its code (144 random bits: unguessable), linked from the agent's space.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CertificatesController {

    private final Certificates certificates;
    private final Days days;
    private final MessageSource messages;

    @GetMapping("/attestations/verifier/{code}")
    String verify(@PathVariable String code, Model model, HttpServletResponse response) {
        Optional<Certificate> found = certificates.find(code);
        model.addAttribute("code", code);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("certificate", null);
            return "attendance/certificates-verify";
        }
        Certificate c = found.get();
        Day day = days.find(c.dayId()).orElseThrow();
        Certificates.Holder r = certificates.holder(c);
        model.addAttribute("certificate", c);
        model.addAttribute("name", r.name());
        model.addAttribute("employer", r.employer());
        model.addAttribute("day", day);
        model.addAttribute("hours", Certificates.hours(c.minutes()));
        model.addAttribute("halves", halves(day, c.halfDays(), LocaleContextHolder.getLocale()));
        return "attendance/certificates-verify";
    }

    /**
     * The half-days of a certificate as the verification page says them: "matin, après-midi" for a
     * journée; day by day for a session of several days ("mardi 16 mars 2027 : matin, après-midi ;
     * mercredi 17 mars 2027 : matin").
     */
    String halves(Day day, List<AttendedHalfDay> attended, Locale locale) {
        Map<LocalDate, List<String>> byDate = new LinkedHashMap<>();
        for (AttendedHalfDay h : attended) {
            byDate.computeIfAbsent(h.date(), d -> new ArrayList<>())
                    .add(messages.getMessage("attendance.certificates.half." + h.half().name(), null, locale));
        }
        if (!Certificates.several(day, attended)) {
            return byDate.values().stream().flatMap(List::stream).collect(Collectors.joining(", "));
        }
        return byDate.entrySet().stream()
                .map(e -> messages.getMessage("attendance.certificates.verify.dayHalves",
                        new Object[] {FrenchTime.longDate(e.getKey()), String.join(", ", e.getValue())}, locale))
                .collect(Collectors.joining(messages.getMessage("attendance.certificates.verify.daySeparator", null, locale)));
    }

    @GetMapping("/attestations/{code}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code) {
        Certificate c = certificates.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return CertificatesAdminController.pdf(certificates.pdf(c), "attestation-de-presence.pdf");
    }
}
