package org.rencontres.registration;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.Downloads;
import org.rencontres.event.Day;
import org.rencontres.event.DayFiles;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.Resource;
import org.rencontres.registration.allocation.AllocationViews;
import org.rencontres.registration.allocation.WorkshopAllocations;
import org.rencontres.registration.allocation.WorkshopRanking;
import org.rencontres.registration.needs.AccessibilityNeeds;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages reached through the links of the e-mails: the line manager's opinion, the training
 * service's decision (single-use links) and the agent's space (state, history, offer, withdrawal).
 * A tampered, used or expired link gets a page that says so, and nothing changes: each method takes
 * its {@link SignedLink}, checked before it runs by {@link SignedLinkGuard}.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LinkPagesController {

    private final Registrations registrations;
    private final Days days;
    private final DayFiles dayFiles;
    private final Convocations convocations;
    private final List<AgentSpaceLinks> extras;
    private final AccessibilityNeeds needs;
    private final AllocationViews allocations;
    private final WorkshopAllocations ranking;
    private final ManagerAddressCheck managerCheck;
    private final MessageSource messages;
    private final ApprovalWaits waits;
    private final MailsAfterCommit afterCommit;

    // ---- the line manager's opinion and the training service's decision ----

    @GetMapping("/inscription/avis/{token}")
    String opinionForm(@SignedLink.For(Links.Purpose.MANAGER) SignedLink link, Model model) {
        return decisionPage(link, new DecisionForm(null, ""), FormErrors.none(), model);
    }

    @GetMapping("/inscription/decision/{token}")
    String decisionForm(@SignedLink.For(Links.Purpose.TRAINING_SERVICE) SignedLink link, Model model) {
        return decisionPage(link, new DecisionForm(null, ""), FormErrors.none(), model);
    }

    @PostMapping("/inscription/avis/{token}")
    String giveOpinion(@SignedLink.For(Links.Purpose.MANAGER) SignedLink link, DecisionForm form, Model model,
                       Locale locale, HttpServletResponse response) {
        return decide(link, form, model, locale, response);
    }

    @PostMapping("/inscription/decision/{token}")
    String decide(@SignedLink.For(Links.Purpose.TRAINING_SERVICE) SignedLink link, DecisionForm form, Model model,
                  Locale locale, HttpServletResponse response) {
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return decisionPage(link, form, FormErrors.of(problems, messages, locale), model);
        }
        RegistrationState reached;
        try {
            reached = afterCommit.deferring(() -> link.link().purpose() == Links.Purpose.MANAGER
                    ? registrations.managerOpinion(link.token(), form.yes(), form.motif())
                    : registrations.trainingServiceDecision(link.token(), form.yes(), form.motif()));
        } catch (IllegalTransitionException e) {
            throw new Links.LinkProblemException(Links.Problem.USED);
        }
        addRegistration(registrations.find(link.registrationId()).orElseThrow(), model);
        model.addAttribute("reached", reached);
        return "registration/decision-done";
    }

    private String decisionPage(SignedLink link, DecisionForm form, FormErrors errors, Model model) {
        Links.Purpose purpose = link.link().purpose();
        Registration r = registrations.find(link.registrationId()).orElseThrow();
        model.addAttribute("purpose", purpose.name());
        model.addAttribute("action", (purpose == Links.Purpose.MANAGER ? "/inscription/avis/" : "/inscription/decision/")
                + link.token());
        addRegistration(r, model);
        model.addAttribute("choices", allocations.choiceGroups(r));
        model.addAttribute("managerFlag", managerCheck.of(r).orElse(null));
        model.addAttribute("answer", form.avis());
        model.addAttribute("motif", form.reasonTyped());
        model.addAttribute("errors", errors);
        return "registration/decision";
    }

    /** The registration and its day, which every page of a link names. */
    private void addRegistration(Registration r, Model model) {
        model.addAttribute("registration", r);
        model.addAttribute("day", days.find(r.dayId()).orElseThrow());
    }

    // ---- the agent's space ----

    @GetMapping("/inscription/espace/{token}")
    String space(@SignedLink.For(Links.Purpose.AGENT_SPACE) SignedLink link, Model model) {
        return spacePage(link.token(), link.registrationId(), null, model);
    }

    @PostMapping("/inscription/espace/{token}/accepter")
    String accept(@SignedLink.For(Links.Purpose.AGENT_SPACE) SignedLink link, Model model) {
        String notice;
        try {
            afterCommit.runDeferring(() -> registrations.acceptOffer(link.registrationId(), link.agent()));
            notice = "registration.space.accepted";
        } catch (OfferExpiredException e) {
            notice = "registration.space.offer.expired";
        } catch (IllegalTransitionException e) {
            notice = "registration.space.offer.none";
        }
        return spacePage(link.token(), link.registrationId(), notice, model);
    }

    @GetMapping("/inscription/espace/{token}/retrait")
    String withdrawForm(@SignedLink.For(Links.Purpose.AGENT_SPACE) SignedLink link, Model model) {
        Registration r = registrations.find(link.registrationId()).orElseThrow();
        if (!r.state().isLive()) {
            return spacePage(link.token(), r.id(), "registration.space.withdraw.none", model);
        }
        return withdrawPage(link, r, "", FormErrors.none(), model);
    }

    @PostMapping("/inscription/espace/{token}/retrait")
    String withdraw(@SignedLink.For(Links.Purpose.AGENT_SPACE) SignedLink link, ReasonForm form, Model model,
                    Locale locale, HttpServletResponse response) {
        long id = link.registrationId();
        List<FieldProblem> problems = form.optionalProblems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return withdrawPage(link, registrations.find(id).orElseThrow(), form.typed(),
                    FormErrors.of(problems, messages, locale), model);
        }
        String notice;
        try {
            afterCommit.runDeferring(() -> registrations.withdraw(id, link.agent(), form.motif()));
            notice = "registration.space.withdrawn";
        } catch (IllegalTransitionException e) {
            notice = "registration.space.withdraw.none";
        }
        return spacePage(link.token(), id, notice, model);
    }

    private String withdrawPage(SignedLink link, Registration r, String reason, FormErrors errors, Model model) {
        addRegistration(r, model);
        model.addAttribute("token", link.token());
        model.addAttribute("errors", errors);
        model.addAttribute("motif", reason);
        return "registration/withdraw";
    }

    @GetMapping({"/inscription/espace/{token}/convocation.pdf", "/inscription/espace/{token}/agenda.ics"})
    ResponseEntity<byte[]> convocation(@SignedLink.For(Links.Purpose.AGENT_SPACE) SignedLink link,
                                       HttpServletRequest request) {
        Registration r = confirmed(link);
        Day day = days.find(r.dayId()).orElseThrow();
        boolean pdf = request.getRequestURI().endsWith(".pdf");
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(pdf ? Convocations.pdfName(day, r) : Convocations.icsName(day)).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(pdf ? convocations.pdf(day, r) : convocations.ics(day, r));
    }

    /**
     * The link's registration, if confirmed to a session that is not cancelled: what is reserved to participants
     * (the convocation among them) is not found for the others.
     */
    private Registration confirmed(SignedLink link) {
        Registration r = registrations.find(link.registrationId()).orElseThrow();
        if (r.state() != RegistrationState.CONFIRMED
                || days.find(r.dayId()).map(d -> d.status() == DayStatus.CANCELLED).orElse(true)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return r;
    }

    /** The agent ranks the day's workshops (again), while the allocation is not published. */
    @GetMapping("/inscription/espace/{token}/ateliers")
    String rankingForm(@SignedLink.For(Links.Purpose.AGENT_SPACE) SignedLink link, Model model) {
        Registration r = registrations.find(link.registrationId()).orElseThrow();
        if (!allocations.mayRank(r)) {
            return spacePage(link.token(), r.id(), rankingClosed(r), model);
        }
        List<WorkshopRanking.Group> groups = allocations.groups(r.dayId());
        return rankingPage(link, r, groups, WorkshopRanking.typed(groups, registrations.workshopChoices(r.id())),
                FormErrors.none(), model);
    }

    @PostMapping("/inscription/espace/{token}/ateliers")
    String rank(@SignedLink.For(Links.Purpose.AGENT_SPACE) SignedLink link, @RequestParam Map<String, String> posted,
                Model model, Locale locale, HttpServletResponse response) {
        Registration r = registrations.find(link.registrationId()).orElseThrow();
        if (!allocations.mayRank(r)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return spacePage(link.token(), r.id(), rankingClosed(r), model);
        }
        List<FieldProblem> problems = ranking.rank(r.id(), posted::get);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            List<WorkshopRanking.Group> groups = allocations.groups(r.dayId());
            return rankingPage(link, r, groups, WorkshopRanking.typed(groups, posted::get),
                    FormErrors.of(problems, messages, locale), model);
        }
        return spacePage(link.token(), r.id(), "registration.ranking.saved", model);
    }

    /** Why the agent may not rank: nothing to choose on this day, or too late. */
    private String rankingClosed(Registration r) {
        return allocations.groups(r.dayId()).isEmpty() ? "registration.ranking.nothing" : "registration.ranking.closed";
    }

    private String rankingPage(SignedLink link, Registration r, List<WorkshopRanking.Group> groups,
                               Map<String, String> typed, FormErrors errors, Model model) {
        model.addAttribute("token", link.token());
        addRegistration(r, model);
        model.addAttribute("workshopGroups", groups);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "registration/ranking";
    }

    /** A document reserved to participants, for a confirmed agent. */
    @GetMapping("/inscription/espace/{token}/documents/{fileId}")
    ResponseEntity<byte[]> reservedDocument(@SignedLink.For(Links.Purpose.AGENT_SPACE) SignedLink link,
                                            @PathVariable String fileId) {
        Registration r = confirmed(link);
        Day day = days.find(r.dayId()).orElseThrow();
        DayFiles.File file = dayFiles.resourceFile(day, fileId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Downloads.attachment(file.fileName(), file.contentType(), file.content(), CacheControl.noStore());
    }

    private String spacePage(String token, long id, String notice, Model model) {
        Registration r = registrations.find(id).orElseThrow();
        Day day = days.find(r.dayId()).orElseThrow();
        model.addAttribute("token", token);
        model.addAttribute("registration", r);
        model.addAttribute("day", day);
        model.addAttribute("history", registrations.history(id));
        model.addAttribute("waitingRank", registrations.waitingRank(id).orElse(null));
        // A request no approver can decide is the organiser's to decide: say so, not "awaiting the training service".
        boolean organiserDecides = waits.of(r).map(w -> w.whom() == ApprovalWaits.Whom.ORGANISER).orElse(false);
        model.addAttribute("stateKey", "registration.state."
                + (organiserDecides ? RegistrationState.AWAITING_ORGANISER : r.state()).name());
        model.addAttribute("choices", allocations.choiceGroups(r));
        boolean visible = allocations.workshopVisible(r.dayId());
        model.addAttribute("myWorkshops", allocations.visibleWorkshopTitles(r));
        model.addAttribute("allocationPending", !visible);
        model.addAttribute("mayRank", allocations.mayRank(r));
        model.addAttribute("notice", notice);
        model.addAttribute("extras", extras.stream().flatMap(e -> e.of(r, token).stream()).toList());
        model.addAttribute("arrangement", needs.arrangementOf(r.id()).orElse(null));
        model.addAttribute("reserved", r.state() == RegistrationState.CONFIRMED
                ? day.resources().stream().filter(Resource::isReserved).toList() : List.of());
        return "registration/space";
    }
}
