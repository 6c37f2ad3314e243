package org.rencontres.registration;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.rencontres.document.Downloads;
import org.rencontres.event.ManagedDay;
import org.rencontres.registration.needs.AccessibilityNeeds;
import org.rencontres.registration.questions.Question;
import org.rencontres.registration.questions.QuestionAnswers;
import org.rencontres.registration.questions.Questions;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.rencontres.shared.FrenchTime;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organiser's side of registration: the queue of a day's requests (seats, filters that travel
 * in the address, counts per state, the moves of each request and bulk moves), the detail page of a
 * request (its fields, history, paper form and employer), and the paper path. Every route checks
 * access to the day before reading anything else.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/inscriptions")
class RegistrationsAdminController {

    private final RegistrationDesk desk;
    private final Registrations registrations;
    private final PaperRequests paper;
    private final Questions questions;
    private final AccessibilityNeeds needs;
    private final Workshops workshops;
    private final MessageSource messages;
    private final Clock clock;

    RegistrationsAdminController(RegistrationDesk desk, Registrations registrations, PaperRequests paper,
                                 Questions questions, AccessibilityNeeds needs, Workshops workshops,
                                 MessageSource messages, Optional<Clock> clock) {
        this.questions = questions;
        this.needs = needs;
        this.workshops = workshops;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemUTC());
        this.desk = desk;
        this.registrations = registrations;
        this.paper = paper;
    }

    @GetMapping
    String queue(ManagedDay day, QueueParams params,
                 Model model) {
        String seats = registrations.capacity(day.id()).map(c -> String.valueOf(c.seats())).orElse("");
        String hours = registrations.capacity(day.id()).map(c -> String.valueOf(c.offerHours())).orElse("48");
        Optional<Capacity> capacity = registrations.capacity(day.id());
        model.addAttribute("ouverture", capacity.map(Capacity::opensAt).map(RegistrationsAdminController::date).orElse(""));
        model.addAttribute("cloture", capacity.map(Capacity::closesAt)
                .map(at -> date(at.minusSeconds(1))).orElse(""));
        model.addAttribute("avis", capacity.map(Capacity::managerOpinionAsked).orElse(false));
        return queuePage(day, params.filter(), params.page(), seats, hours, FormErrors.none(), model);
    }

    @PostMapping("/capacite")
    String capacity(@AuthenticationPrincipal Organiser organiser, ManagedDay day, CapacityForm form, Model model,
                    Locale locale, RedirectAttributes redirect) {
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            model.addAttribute("ouverture", form.ouverture() == null ? "" : form.ouverture());
            model.addAttribute("cloture", form.cloture() == null ? "" : form.cloture());
            model.addAttribute("avis", form.managerAsked());
            return queuePage(day, QueueFilter.NONE, null, form.places(), form.delai(), errors(problems, locale), model);
        }
        desk.setCapacity(day, organiser, form.seats(), form.hours(), form.managerAsked(), form.opensAt(),
                form.closesAt());
        redirect.addFlashAttribute("notices", List.of(new Notice("registration.notice.capacity",
                String.valueOf(form.seats()), "registration.seats")));
        return "redirect:" + queuePath(day);
    }

    @PostMapping("/{id}/suivante")
    String advance(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                   QueueParams params, RedirectAttributes redirect) {
        return act(day, organiser, id, RegistrationDesk.Action.ADVANCE, params, redirect);
    }

    @PostMapping("/{id}/confirmer")
    String confirm(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                   QueueParams params, RedirectAttributes redirect) {
        return act(day, organiser, id, RegistrationDesk.Action.CONFIRM, params, redirect);
    }

    @PostMapping("/{id}/promouvoir")
    String promote(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                   QueueParams params, RedirectAttributes redirect) {
        return act(day, organiser, id, RegistrationDesk.Action.PROMOTE, params, redirect);
    }

    private String act(ManagedDay day, Organiser organiser, long id, RegistrationDesk.Action a, QueueParams params,
                       RedirectAttributes redirect) {
        redirect.addFlashAttribute("notices", List.of(notice(desk.act(day, organiser, id, a, null))));
        return "redirect:" + params.backTo(queuePath(day), id);
    }

    @PostMapping("/{id}/renvoyer-lien")
    String resendLink(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                      RedirectAttributes redirect) {
        redirect.addFlashAttribute("notices", List.of(notice(desk.askAgain(day, organiser, id, false))));
        return "redirect:" + queuePath(day) + "/" + id;
    }

    @PostMapping("/{id}/relancer")
    String remind(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                  RedirectAttributes redirect) {
        redirect.addFlashAttribute("notices", List.of(notice(desk.askAgain(day, organiser, id, true))));
        return "redirect:" + queuePath(day) + "/" + id;
    }

    @GetMapping({"/{id}/refus", "/{id}/annulation"})
    String confirmLeave(ManagedDay day, @PathVariable long id,
                        QueueParams params, HttpServletRequest request, Model model) {
        String action = request.getRequestURI().endsWith("/refus") ? "refus" : "annulation";
        return leavePage(day, desk.ofDay(day, id), action, "", params, FormErrors.none(), model);
    }

    @PostMapping({"/{id}/refus", "/{id}/annulation"})
    String leave(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                 QueueParams params, ReasonForm form, HttpServletRequest request, Model model, Locale locale,
                 RedirectAttributes redirect) {
        String action = request.getRequestURI().endsWith("/refus") ? "refus" : "annulation";
        Registration r = desk.ofDay(day, id);
        List<FieldProblem> problems = form.requiredProblems();
        if (!problems.isEmpty()) {
            return leavePage(day, r, action, form.typed(), params, errors(problems, locale), model);
        }
        RegistrationDesk.Result result = desk.act(day, organiser, id,
                action.equals("refus") ? RegistrationDesk.Action.REFUSE : RegistrationDesk.Action.CANCEL, form.motif());
        redirect.addFlashAttribute("notices", List.of(notice(result)));
        return "redirect:" + params.backTo(queuePath(day), id);
    }

    @PostMapping("/groupe")
    String bulk(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                @RequestParam(name = "choix", required = false) List<Long> ids,
                @RequestParam(name = "action", required = false) String action, QueueParams params,
                RedirectAttributes redirect) {
        List<Notice> notices = new ArrayList<>();
        RegistrationDesk.Action a = "confirmer".equals(action) ? RegistrationDesk.Action.CONFIRM
                : "suivante".equals(action) ? RegistrationDesk.Action.ADVANCE : null;
        if (a == null || ids == null || ids.isEmpty()) {
            notices.add(new Notice(a == null ? "registration.error.bulk.action" : "registration.error.bulk.none", "", "registration.seats"));
        } else {
            for (long id : ids) {
                notices.add(notice(desk.act(day, organiser, id, a, null)));
            }
        }
        redirect.addFlashAttribute("notices", notices);
        return "redirect:" + params.backTo(queuePath(day), 0);
    }

    // ---- the detail page of a request ----

    @GetMapping("/{id}")
    String detail(ManagedDay day, @PathVariable long id,
                  Model model) {
        return detailPage(day, desk.ofDay(day, id), "", FormErrors.none(), model);
    }

    @PostMapping("/{id}/employeur")
    String attachEmployer(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long id,
                          @RequestParam(name = "organisation", required = false) String organisation, Model model,
                          Locale locale, RedirectAttributes redirect) {
        Registration r = desk.ofDay(day, id);
        String outcome = desk.attachEmployer(day, organiser, id, organisation);
        if (outcome.startsWith("registration.admin.error.")) {
            return detailPage(day, r, organisation, errors(List.of(FieldProblem.of("organisation", outcome)), locale),
                    model);
        }
        Registration after = desk.ofDay(day, id);
        redirect.addFlashAttribute("notices", List.of(new Notice("registration.notice.done",
                after.givenName() + " " + after.surname(), outcome)));
        return "redirect:" + queuePath(day) + "/" + id;
    }

    @GetMapping("/{id}/scan")
    ResponseEntity<byte[]> scan(ManagedDay day,
                                @PathVariable long id) {
        PaperForms.Scan scan = desk.scan(day, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // A signed form holds personal data: always saved, never shown in place.
        return Downloads.attachment(scan.fileName(), scan.contentType(), scan.content(), CacheControl.noStore());
    }

    // ---- the paper path ----

    @GetMapping("/papier")
    String paperForm(ManagedDay day,
                     @RequestParam(name = "trop-volumineux", required = false) String tooLarge, Model model,
                     Locale locale) {
        // Sent back by PaperUploadSizeLimit: the scan was far over the limit, nothing was read.
        return paperPage(day, PaperRequestForm.receivedOn(paper.today()), name -> List.of(), tooLarge == null ? FormErrors.none()
                : errors(List.of(FieldProblem.of("scan", "registration.admin.error.scan.size")), locale), model);
    }

    @PostMapping("/papier")
    String recordPaper(@AuthenticationPrincipal Organiser organiser, ManagedDay day, PaperRequestForm form,
                       @RequestParam(name = "scan", required = false) MultipartFile scan, HttpServletRequest request,
                       Model model, Locale locale, RedirectAttributes redirect) throws IOException {
        Function<String, List<String>> answered = RequestController.all(request);
        if (paper.closed(day).isPresent()) {
            return paperPage(day, form, answered, FormErrors.none(), model);
        }
        PaperRequests.Outcome outcome = paper.record(day, organiser, form, upload(scan), answered);
        if (!outcome.accepted()) {
            return paperPage(day, form, answered, errors(outcome.problems(), locale), model);
        }
        redirect.addFlashAttribute("notices", List.of(new Notice("registration.admin.notice.paper", outcome.name(),
                "registration.state.REQUESTED")));
        return "redirect:" + queuePath(day) + "/" + outcome.registrationId();
    }

    private static PaperForms.Upload upload(MultipartFile file) throws IOException {
        if (file == null) {
            return null;
        }
        // A file over the limit is not read: its announced size is enough to refuse it.
        byte[] content = file.getSize() > PaperForms.MAX_BYTES ? new byte[0] : file.getBytes();
        return new PaperForms.Upload(file.getOriginalFilename(), file.getSize(), content);
    }

    /** One line of the report of an act: a message key and the person it concerns. */
    record Notice(String key, String name, String detailKey) implements java.io.Serializable {
    }

    private static Notice notice(RegistrationDesk.Result result) {
        return new Notice(result.done() ? "registration.notice.done" : "registration.notice.failed",
                result.name(), result.messageKey());
    }

    private String queuePage(ManagedDay day, QueueFilter filter, String page, String seats, String hours,
                             FormErrors errors, Model model) {
        RegistrationDesk.Queue queue = desk.queue(day, filter, page, queuePath(day));
        model.addAttribute("paging", queue.paging());
        // The queue's forms and links carry its filters and page, so that an act returns here.
        Map<String, String> carried = QueueParams.ofList(filter, queue.paging().number());
        model.addAttribute("carried", carried);
        model.addAttribute("carriedQuery", QueueParams.query(carried));
        model.addAttribute("day", day);
        model.addAttribute("filter", filter);
        model.addAttribute("states", RegistrationState.values());
        model.addAttribute("sources", QueueFilter.Source.values());
        model.addAttribute("rows", queue.rows());
        model.addAttribute("counts", queue.counts());
        model.addAttribute("total", queue.total());
        model.addAttribute("capacity", registrations.capacity(day.id()).orElse(null));
        model.addAttribute("taken", queue.taken());
        model.addAttribute("waiting", queue.waiting());
        model.addAttribute("now", clock.instant());
        model.addAttribute("places", seats);
        model.addAttribute("delai", hours);
        model.addAttribute("errors", errors);
        // Requests with accessibility needs that no référent handicap was told of: who, since when.
        model.addAttribute("unreferred", needs.unreferred(day.id()));
        return "registration/admin/queue";
    }

    private String leavePage(ManagedDay day, Registration r, String action, String motif, QueueParams params,
                             FormErrors errors, Model model) {
        model.addAttribute("day", day);
        model.addAttribute("registration", r);
        model.addAttribute("action", action);
        model.addAttribute("motif", motif);
        model.addAttribute("carried", params.carried());
        model.addAttribute("backUrl", params.backTo(queuePath(day), r.id()));
        model.addAttribute("fromDetail", params.fromDetail());
        model.addAttribute("errors", errors);
        return "registration/admin/leave";
    }

    private String detailPage(ManagedDay day, Registration r, String organisation, FormErrors errors,
                              Model model) {
        model.addAttribute("day", day);
        model.addAttribute("r", r);
        model.addAttribute("history", desk.history(day, r.id()));
        model.addAttribute("paperForm", desk.paperForm(r.id()).orElse(null));
        model.addAttribute("wait", desk.waitOf(r).orElse(null));
        model.addAttribute("waitingRank", desk.waitingRank(r));
        model.addAttribute("now", clock.instant());
        model.addAttribute("managerFlag", desk.managerFlag(r).orElse(null));
        model.addAttribute("employer", desk.organisation(r.employerOrganisationId()).orElse(null));
        model.addAttribute("organisations", desk.organisations());
        model.addAttribute("organisation", organisation);
        model.addAttribute("errors", errors);
        // What the agent chose beyond the usual fields: workshops (given, and as ranked), networking, answers.
        Map<Long, Workshop> byId = workshops.ofDay(day.id()).stream()
                .collect(Collectors.toMap(Workshop::id, w -> w));
        model.addAttribute("workshopsGiven", r.workshopIds().stream().map(byId::get).filter(Objects::nonNull).toList());
        model.addAttribute("workshopsRanked", registrations.workshopChoices(r.id()).stream().map(byId::get)
                .filter(Objects::nonNull).toList());
        model.addAttribute("hasWorkshops", !byId.isEmpty());
        model.addAttribute("questions", questions.ofDay(day.id()));
        model.addAttribute("answers", questions.answersOf(r.id()));
        return "registration/admin/detail";
    }

    private String paperPage(ManagedDay day, PaperRequestForm form, Function<String, List<String>> answered,
                             FormErrors errors, Model model) {
        List<Question> questions = paper.questions(day);
        model.addAttribute("questions", questions);
        model.addAttribute("answers", QuestionAnswers.typed(questions, answered));
        model.addAttribute("day", day);
        model.addAttribute("closed", paper.closed(day).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("organisations", desk.organisations());
        model.addAttribute("errors", errors);
        return "registration/admin/paper";
    }

    private static String queuePath(ManagedDay day) {
        return "/admin/journees/" + day.slug() + "/inscriptions";
    }

    /** The date (Paris) of an instant, as the date field shows it. */
    private static String date(Instant at) {
        return at.atZone(FrenchTime.PARIS).toLocalDate().toString();
    }

    private FormErrors errors(List<FieldProblem> problems, Locale locale) {
        return FormErrors.of(problems, messages, locale);
    }
}
