package org.rencontres.privacy;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.shared.FrenchTime;
import org.rencontres.web.Confirmation;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page of retention (issue 17, point 1): each kind of personal data with its period
 * (editable, in months), the controller's identity for the record and the notice, what the next purge will
 * remove, and the purge run at once after a confirmation. Administrators only: the path is under
 * {@link #PATH}, which the security configuration gives to role ADMINISTRATOR.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RetentionController {

    static final String PATH = "/admin/donnees-personnelles/conservation";

    private final Retention retention;
    private final PurgeSchedule schedule;
    private final MessageSource messages;

    @GetMapping(PATH)
    String page(Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        retention.kinds().forEach(k -> typed.put(k.field(), Integer.toString(k.months())));
        return page(model, typed, retention.controller(), FormErrors.none());
    }

    private String page(Model model, Map<String, String> typed, PrivacySettings.Controller controller,
                        FormErrors errors) {
        Instant now = schedule.now();
        model.addAttribute("expiries", retention.preview(now));
        model.addAttribute("history", retention.history().stream()
                .map(e -> new HistoryRow(when(e.at()), e.actor(), e.action(), e.details())).toList());
        model.addAttribute("typed", typed);
        model.addAttribute("controller", controller);
        model.addAttribute("errors", errors);
        ZonedDateTime next = schedule.nextRun(now).atZone(FrenchTime.PARIS);
        model.addAttribute("nextRunDate", FrenchTime.longDate(next.toLocalDate()));
        model.addAttribute("nextRunTime", FrenchTime.clock(next.toLocalTime()));
        return "privacy/retention";
    }

    @PostMapping(PATH)
    String change(@RequestParam Map<String, String> params, @AuthenticationPrincipal Organiser me, Model model,
                  Locale locale, RedirectAttributes redirect) {
        PrivacySettings.Controller controller = new PrivacySettings.Controller(
                params.getOrDefault("organisme", "").strip(), params.getOrDefault("adresse", "").strip(),
                params.getOrDefault("courriel-dpd", "").strip());
        List<FieldProblem> problems = retention.change(params, controller, me.accountId(), me.displayName());
        if (!problems.isEmpty()) {
            return page(model, params, controller, FormErrors.of(problems, messages, locale));
        }
        redirect.addFlashAttribute("done", messages.getMessage("privacy.retention.saved", null, locale));
        return "redirect:" + PATH;
    }

    @GetMapping(PATH + "/purge")
    String confirmPurge(Model model, Locale locale) {
        long total = retention.preview(schedule.now()).stream().mapToLong(Retention.Expiry::count).sum();
        return Confirmation.of(text("privacy.retention.purge.title", locale),
                        messages.getMessage("privacy.retention.purge.text", new Object[] {total}, locale),
                        PATH + "/purge", text("privacy.retention.purge.confirm", locale), PATH,
                        text("privacy.retention.purge.cancel", locale))
                .show(model);
    }

    @PostMapping(PATH + "/purge")
    String purge(@AuthenticationPrincipal Organiser me, Locale locale, RedirectAttributes redirect) {
        long total = retention.run(schedule.now(), me.accountId(), me.displayName()).stream()
                .mapToLong(Retention.Expiry::count).sum();
        redirect.addFlashAttribute("done", messages.getMessage("privacy.retention.purge.done", new Object[] {total},
                locale));
        return "redirect:" + PATH;
    }

    /** An audited change or run as the page lists it. */
    record HistoryRow(String at, String actor, String action, String details) {
    }

    private static String when(Instant instant) {
        ZonedDateTime at = instant.atZone(FrenchTime.PARIS);
        return FrenchTime.longDate(at.toLocalDate()) + ", " + FrenchTime.clock(at.toLocalTime());
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
