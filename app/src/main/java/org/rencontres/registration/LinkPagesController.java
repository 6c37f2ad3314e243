package org.rencontres.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rencontres.document.Downloads;
import org.rencontres.event.Day;
import org.rencontres.event.DayFiles;
import org.rencontres.event.Days;
import org.rencontres.event.Resource;
import org.rencontres.registration.allocation.AllocationViews;
import org.rencontres.registration.allocation.WorkshopAllocations;
import org.rencontres.registration.allocation.WorkshopRanking;
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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages reached through the links of the e-mails: the line manager's opinion, the training
 * service's decision (single-use links) and the agent's space (state, history, offer, withdrawal).
 * A tampered, used or expired link gets a page that says so, and nothing changes.
 */
@Controller
class LinkPagesController {

    private final Registrations registrations;
    private final Links links;
    private final Days days;
    private final DayFiles dayFiles;
    private final Convocations convocations;
    private final List<AgentSpaceLinks> extras;
    private final AllocationViews allocations;
    private final WorkshopAllocations ranking;
    private final ManagerAddressCheck managerCheck;

    LinkPagesController(Registrations registrations, Links links, Days days, DayFiles dayFiles,
                        Convocations convocations, List<AgentSpaceLinks> extras, AllocationViews allocations,
                        WorkshopAllocations ranking, ManagerAddressCheck managerCheck) {
        this.managerCheck = managerCheck;
        this.extras = extras;
        this.allocations = allocations;
        this.ranking = ranking;
        this.registrations = registrations;
        this.links = links;
        this.days = days;
        this.dayFiles = dayFiles;
        this.convocations = convocations;
    }

    // ---- the line manager's opinion and the training service's decision ----

    @GetMapping({"/inscription/avis/{token}", "/inscription/decision/{token}"})
    String decisionForm(@PathVariable String token, HttpServletRequest request, Model model,
                        HttpServletResponse response) {
        Links.Purpose purpose = purposeOf(request);
        Links.Checked checked = links.check(token, purpose);
        if (!checked.ok()) {
            return problem(checked.problem(), model, response);
        }
        return decisionPage(purpose, token, checked.link().registrationId(), null, "", Map.of(), model);
    }

    @PostMapping({"/inscription/avis/{token}", "/inscription/decision/{token}"})
    String decide(@PathVariable String token, @RequestParam(name = "avis", required = false) String answer,
                  @RequestParam(name = "motif", required = false) String reason,
                  HttpServletRequest request, Model model, HttpServletResponse response) {
        Links.Purpose purpose = purposeOf(request);
        Links.Checked checked = links.check(token, purpose);
        if (!checked.ok()) {
            return problem(checked.problem(), model, response);
        }
        long id = checked.link().registrationId();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"oui".equals(answer) && !"non".equals(answer)) {
            errors.put("avis", "registration.link.error.answer");
        } else if ("non".equals(answer) && (reason == null || reason.isBlank())) {
            errors.put("motif", "registration.link.error.reason");
        } else if (reason != null && reason.length() > 1000) {
            errors.put("motif", "registration.error.too.long.1000");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return decisionPage(purpose, token, id, answer, reason, errors, model);
        }
        boolean yes = "oui".equals(answer);
        RegistrationState reached;
        try {
            reached = purpose == Links.Purpose.MANAGER
                    ? registrations.managerOpinion(token, yes, reason)
                    : registrations.trainingServiceDecision(token, yes, reason);
        } catch (Links.LinkProblemException e) {
            return problem(e.problem, model, response);
        } catch (IllegalTransitionException e) {
            return problem(Links.Problem.USED, model, response);
        }
        Registration r = registrations.find(id).orElseThrow();
        model.addAttribute("registration", r);
        model.addAttribute("day", days.find(r.dayId()).orElseThrow());
        model.addAttribute("reached", reached);
        return "registration/decision-done";
    }

    private String decisionPage(Links.Purpose purpose, String token, long id, String answer, String reason,
                                Map<String, String> errors, Model model) {
        Registration r = registrations.find(id).orElseThrow();
        model.addAttribute("purpose", purpose.name());
        model.addAttribute("action", (purpose == Links.Purpose.MANAGER ? "/inscription/avis/" : "/inscription/decision/")
                + token);
        model.addAttribute("registration", r);
        model.addAttribute("day", days.find(r.dayId()).orElseThrow());
        model.addAttribute("choices", allocations.choiceGroups(r));
        model.addAttribute("managerFlag", managerCheck.of(r).orElse(null));
        model.addAttribute("answer", answer);
        model.addAttribute("motif", reason == null ? "" : reason);
        model.addAttribute("errors", errors);
        return "registration/decision";
    }

    private static Links.Purpose purposeOf(HttpServletRequest request) {
        return request.getRequestURI().contains("/inscription/avis/") ? Links.Purpose.MANAGER
                : Links.Purpose.TRAINING_SERVICE;
    }

    // ---- the agent's space ----

    @GetMapping("/inscription/espace/{token}")
    String space(@PathVariable String token, Model model, HttpServletResponse response) {
        Links.Checked checked = links.check(token, Links.Purpose.AGENT_SPACE);
        if (!checked.ok()) {
            return problem(checked.problem(), model, response);
        }
        return spacePage(token, checked.link().registrationId(), null, model);
    }

    @PostMapping("/inscription/espace/{token}/accepter")
    String accept(@PathVariable String token, Model model, HttpServletResponse response) {
        Links.Checked checked = links.check(token, Links.Purpose.AGENT_SPACE);
        if (!checked.ok()) {
            return problem(checked.problem(), model, response);
        }
        long id = checked.link().registrationId();
        String notice;
        try {
            registrations.acceptOffer(id, agent(checked));
            notice = "registration.space.accepted";
        } catch (OfferExpiredException e) {
            notice = "registration.space.offer.expired";
        } catch (IllegalTransitionException e) {
            notice = "registration.space.offer.none";
        }
        return spacePage(token, id, notice, model);
    }

    @GetMapping("/inscription/espace/{token}/retrait")
    String withdrawForm(@PathVariable String token, Model model, HttpServletResponse response) {
        Links.Checked checked = links.check(token, Links.Purpose.AGENT_SPACE);
        if (!checked.ok()) {
            return problem(checked.problem(), model, response);
        }
        Registration r = registrations.find(checked.link().registrationId()).orElseThrow();
        if (!r.state().isLive()) {
            return spacePage(token, r.id(), "registration.space.withdraw.none", model);
        }
        model.addAttribute("registration", r);
        model.addAttribute("day", days.find(r.dayId()).orElseThrow());
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        model.addAttribute("motif", "");
        return "registration/withdraw";
    }

    @PostMapping("/inscription/espace/{token}/retrait")
    String withdraw(@PathVariable String token, @RequestParam(name = "motif", required = false) String reason,
                    Model model, HttpServletResponse response) {
        Links.Checked checked = links.check(token, Links.Purpose.AGENT_SPACE);
        if (!checked.ok()) {
            return problem(checked.problem(), model, response);
        }
        long id = checked.link().registrationId();
        if (reason != null && reason.length() > 1000) {
            Registration r = registrations.find(id).orElseThrow();
            model.addAttribute("registration", r);
            model.addAttribute("day", days.find(r.dayId()).orElseThrow());
            model.addAttribute("token", token);
            model.addAttribute("errors", Map.of("motif", "registration.error.too.long.1000"));
            model.addAttribute("motif", reason);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "registration/withdraw";
        }
        String notice;
        try {
            registrations.withdraw(id, agent(checked), reason);
            notice = "registration.space.withdrawn";
        } catch (IllegalTransitionException e) {
            notice = "registration.space.withdraw.none";
        }
        return spacePage(token, id, notice, model);
    }

    @GetMapping({"/inscription/espace/{token}/convocation.pdf", "/inscription/espace/{token}/agenda.ics"})
    Object convocation(@PathVariable String token, HttpServletRequest request, Model model,
                       HttpServletResponse response) {
        Links.Checked checked = links.check(token, Links.Purpose.AGENT_SPACE);
        if (!checked.ok()) {
            return problem(checked.problem(), model, response);
        }
        Registration r = registrations.find(checked.link().registrationId()).orElseThrow();
        if (r.state() != RegistrationState.CONFIRMED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Day day = days.find(r.dayId()).orElseThrow();
        boolean pdf = request.getRequestURI().endsWith(".pdf");
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(pdf ? Convocations.pdfName(day, r) : Convocations.icsName(day)).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(pdf ? convocations.pdf(day, r) : convocations.ics(day, r));
    }

    /** The agent ranks the day's workshops (again), while the allocation is not published. */
    @GetMapping("/inscription/espace/{token}/ateliers")
    String rankingForm(@PathVariable String token, Model model, HttpServletResponse response) {
        Links.Checked checked = links.check(token, Links.Purpose.AGENT_SPACE);
        if (!checked.ok()) {
            return problem(checked.problem(), model, response);
        }
        Registration r = registrations.find(checked.link().registrationId()).orElseThrow();
        if (!allocations.mayRank(r)) {
            return spacePage(token, r.id(), rankingClosed(r), model);
        }
        List<WorkshopRanking.Group> groups = allocations.groups(r.dayId());
        return rankingPage(token, r, groups, WorkshopRanking.typed(groups, registrations.workshopChoices(r.id())),
                Map.of(), model);
    }

    @PostMapping("/inscription/espace/{token}/ateliers")
    String rank(@PathVariable String token, @RequestParam Map<String, String> posted, Model model,
                HttpServletResponse response) {
        Links.Checked checked = links.check(token, Links.Purpose.AGENT_SPACE);
        if (!checked.ok()) {
            return problem(checked.problem(), model, response);
        }
        Registration r = registrations.find(checked.link().registrationId()).orElseThrow();
        if (!allocations.mayRank(r)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return spacePage(token, r.id(), rankingClosed(r), model);
        }
        Map<String, String> errors = ranking.rank(r.id(), posted::get);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            List<WorkshopRanking.Group> groups = allocations.groups(r.dayId());
            return rankingPage(token, r, groups, WorkshopRanking.typed(groups, posted::get), errors, model);
        }
        return spacePage(token, r.id(), "registration.ranking.saved", model);
    }

    /** Why the agent may not rank: nothing to choose on this day, or too late. */
    private String rankingClosed(Registration r) {
        return allocations.groups(r.dayId()).isEmpty() ? "registration.ranking.nothing" : "registration.ranking.closed";
    }

    private String rankingPage(String token, Registration r, List<WorkshopRanking.Group> groups,
                               Map<String, String> typed, Map<String, String> errors, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("registration", r);
        model.addAttribute("day", days.find(r.dayId()).orElseThrow());
        model.addAttribute("workshopGroups", groups);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "registration/ranking";
    }

    /** A document reserved to participants, for a confirmed agent. */
    @GetMapping("/inscription/espace/{token}/documents/{fileId}")
    Object reservedDocument(@PathVariable String token, @PathVariable String fileId, Model model,
                            HttpServletResponse response) {
        Links.Checked checked = links.check(token, Links.Purpose.AGENT_SPACE);
        if (!checked.ok()) {
            return problem(checked.problem(), model, response);
        }
        Registration r = registrations.find(checked.link().registrationId()).orElseThrow();
        Day day = days.find(r.dayId()).orElseThrow();
        if (r.state() != RegistrationState.CONFIRMED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        DayFiles.File file = dayFiles.resourceFile(day, fileId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Downloads.attachment(file.fileName(), file.contentType(), file.content(), CacheControl.noStore());
    }

    String spacePage(String token, long id, String notice, Model model) {
        Registration r = registrations.find(id).orElseThrow();
        Day day = days.find(r.dayId()).orElseThrow();
        model.addAttribute("token", token);
        model.addAttribute("registration", r);
        model.addAttribute("day", day);
        model.addAttribute("history", registrations.history(id));
        model.addAttribute("choices", allocations.choiceGroups(r));
        boolean visible = allocations.workshopVisible(r.dayId());
        model.addAttribute("myWorkshops", allocations.visibleWorkshopTitles(r));
        model.addAttribute("allocationPending", !visible);
        model.addAttribute("mayRank", allocations.mayRank(r));
        model.addAttribute("notice", notice);
        model.addAttribute("extras", extras.stream().flatMap(e -> e.of(r).stream()).toList());
        model.addAttribute("reserved", r.state() == RegistrationState.CONFIRMED
                ? day.resources().stream().filter(Resource::isReserved).toList() : List.of());
        return "registration/space";
    }

    private static String agent(Links.Checked checked) {
        return "Agent (" + checked.link().recipient() + ")";
    }


    static String problem(Links.Problem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem == Links.Problem.INVALID ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        model.addAttribute("problem", problem.name());
        return "registration/link-problem";
    }
}
