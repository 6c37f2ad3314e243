package org.rencontres.mailing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.notification.MailDelivery;
import org.rencontres.notification.MailLog;
import org.rencontres.notification.OutboxStatus;
import org.rencontres.security.Organiser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session's e-mail log: its messages 50 a page, filtered by state and recipient in the address; one
 * message (text, HTML in a sandboxed frame, attachments' names); resending a copy after a confirmation,
 * audited. Organisers of the session only (the {@link ManagedDay} argument).
 */
@Controller
@RequestMapping("/admin/journees/{slug}/courriels")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MailLogController {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final MailLog log;
    private final MailDelivery delivery;
    private final Resends resends;
    private final MessageSource messages;

    /** A line of the log as the page shows it. */
    record Row(MailLog.Entry entry, String created, String state) {
    }

    @GetMapping
    String list(ManagedDay day, @RequestParam(name = "etat", required = false) String etat,
                @RequestParam(name = "destinataire", required = false) String destinataire,
                @RequestParam(name = "page", required = false) String page, Model model, Locale locale) {
        OutboxStatus status = status(etat);
        String search = destinataire == null ? "" : destinataire.strip();
        if (search.length() > 200) {
            search = search.substring(0, 200);
        }
        String base = "/admin/journees/" + day.slug() + "/courriels";
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("destinataire", search);
        filters.put("etat", status == null ? "" : slug(status));
        MailLog.Page found = log.page(day.id(), status, search, page, base, filters);
        List<Row> rows = new ArrayList<>();
        for (MailLog.Entry e : found.entries()) {
            rows.add(new Row(e, format(e.createdAt()), state(e, locale)));
        }
        model.addAttribute("day", day);
        model.addAttribute("rows", rows);
        model.addAttribute("found", found);
        model.addAttribute("etat", status == null ? "" : slug(status));
        model.addAttribute("destinataire", search);
        model.addAttribute("kept", delivery.keptNotSent());
        model.addAttribute("paging", found.paging());
        return "mailing/log";
    }

    @GetMapping("/{id}")
    String message(ManagedDay day, @PathVariable("id") long id, Model model, Locale locale) {
        MailLog.Mail mail = log.find(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean masked = !delivery.keptNotSent();
        if (masked) {
            mail = new MailLog.Mail(mail.entry(), PersonalLinks.mask(mail.text()), PersonalLinks.mask(mail.html()),
                    mail.attachments());
        }
        model.addAttribute("masked", masked);
        model.addAttribute("day", day);
        model.addAttribute("mail", mail);
        model.addAttribute("created", format(mail.entry().createdAt()));
        model.addAttribute("sent", format(mail.entry().sentAt()));
        model.addAttribute("state", state(mail.entry(), locale));
        model.addAttribute("kept", delivery.keptNotSent());
        return "mailing/message";
    }

    @GetMapping("/{id}/renvoyer")
    String resendPage(ManagedDay day, @PathVariable("id") long id, Model model) {
        MailLog.Mail mail = log.find(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("day", day);
        model.addAttribute("mail", mail);
        return "mailing/resend";
    }

    @PostMapping("/{id}/renvoyer")
    String resend(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable("id") long id,
                  Locale locale, RedirectAttributes redirect) {
        MailLog.Mail mail = log.find(day.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        long copy = resends.resend(day.id(), id, organiser)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("notice", messages.getMessage("mailing.resend.done",
                new Object[] {mail.entry().recipient()}, locale));
        return "redirect:/admin/journees/" + day.slug() + "/courriels/" + copy;
    }

    static OutboxStatus status(String etat) {
        if (etat == null) {
            return null;
        }
        return switch (etat) {
            case "en-attente" -> OutboxStatus.PENDING;
            case "envoye" -> OutboxStatus.SENT;
            case "echec" -> OutboxStatus.FAILED;
            default -> null;
        };
    }

    static String slug(OutboxStatus status) {
        return switch (status) {
            case PENDING -> "en-attente";
            case SENT -> "envoye";
            case FAILED -> "echec";
        };
    }

    private String state(MailLog.Entry e, Locale locale) {
        return switch (e.status()) {
            case SENT -> messages.getMessage("mailing.state.SENT", new Object[] {format(e.sentAt())}, locale);
            case FAILED -> messages.getMessage("mailing.state.FAILED", new Object[] {e.attempts(), reason(e)}, locale);
            case PENDING -> e.attempts() == 0
                    ? messages.getMessage("mailing.state.PENDING", null, locale)
                    : messages.getMessage("mailing.state.PENDING.retrying", new Object[] {e.attempts(), reason(e)}, locale);
        };
    }

    private static String reason(MailLog.Entry e) {
        return e.lastError() == null ? "" : e.lastError();
    }

    static String format(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(PARIS));
    }
}
