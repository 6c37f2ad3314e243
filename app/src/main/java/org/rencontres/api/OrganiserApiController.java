package org.rencontres.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.attendance.CheckInOutcome;
import org.rencontres.attendance.HalfDay;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionDay;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationDecisions;
import org.rencontres.registration.RegistrationDecisions.Decision;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Organiser;
import org.rencontres.shared.Spreadsheets;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The organiser API: a session's registrations (list with a state filter and pages, detail, CSV export), the
 * organiser's decisions on them and check-ins. Authenticated by a personal access token (module security: GET
 * needs READ, POST needs WRITE); the session of {@code {slug}} is resolved by the back office's own guard (404
 * unknown, 403 another unit's); each act goes through the back office's services, audited as the organiser
 * "via l'API (jeton …)".
 */
@RestController
@RequestMapping(path = OrganiserApiController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OrganiserApiController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    static final String BASE = "/api/v1/organisateur/journees/{slug}";
    static final int MAX_PAGE_SIZE = 200;

    private final Registrations registrations;
    private final RegistrationDecisions decisions;
    private final OrganiserApiActions actions;
    private final MessageSource messages;

    /** A page of the session's registrations, oldest first; {@code Link} gives the previous and next pages. */
    @GetMapping("/inscriptions")
    @ApiResponse(responseCode = "200", description = "Une page des inscriptions (en-têtes Link et X-Total-Count).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = OrganiserRegistrationPage.class)))
    @ApiResponse(responseCode = "400", description = "Un état inconnu, ou une page ou une taille hors limites (1 à 200).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<OrganiserRegistrationPage> list(@Parameter(hidden = true) ManagedDay day,
                                                   @RequestParam(name = "etat", required = false) String state,
                                                   @RequestParam(name = "page", defaultValue = "1") int page,
                                                   @RequestParam(name = "taille", defaultValue = "50") int size,
                                                   HttpServletRequest request) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new OrganiserApiProblem(HttpStatus.BAD_REQUEST, "api.organiser.error.paging", MAX_PAGE_SIZE);
        }
        List<Registration> matching = filtered(day, state);
        List<OrganiserRegistrationView> elements = matching.stream().skip((long) (page - 1) * size).limit(size)
                .map(r -> OrganiserRegistrationView.of(r, null)).toList();
        List<String> links = new ArrayList<>();
        if (page > 1) {
            links.add(link(request, page - 1, size, "prev"));
        }
        if ((long) page * size < matching.size()) {
            links.add(link(request, page + 1, size, "next"));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", String.valueOf(matching.size()));
        if (!links.isEmpty()) {
            answer.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return answer.body(new OrganiserRegistrationPage(elements, page, size, matching.size()));
    }

    private static String link(HttpServletRequest request, int page, int size, String rel) {
        return "<" + ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page)
                .replaceQueryParam("taille", size).build().toUriString() + ">; rel=\"" + rel + "\"";
    }

    private List<Registration> filtered(ManagedDay day, String state) {
        Optional<RegistrationState> wanted = Optional.empty();
        if (state != null && !state.isBlank()) {
            try {
                wanted = Optional.of(RegistrationState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new OrganiserApiProblem(HttpStatus.BAD_REQUEST, "api.organiser.error.state", state);
            }
        }
        Optional<RegistrationState> filter = wanted;
        return registrations.ofDay(day.id()).stream().filter(r -> filter.map(s -> r.state() == s).orElse(true)).toList();
    }

    @GetMapping("/inscriptions/{id}")
    @ApiResponse(responseCode = "200", description = "L'inscription et son historique.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = OrganiserRegistrationView.class)))
    @ApiResponse(responseCode = "400", description = "L'identifiant n'est pas un nombre.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    OrganiserRegistrationView detail(@Parameter(hidden = true) ManagedDay day, @PathVariable long id) {
        Registration r = ofDay(day, id);
        return OrganiserRegistrationView.of(r, registrations.history(id));
    }

    /** The registrations as a CSV file for French spreadsheet programs (no formula can run from a cell). */
    @GetMapping(path = "/inscriptions.csv", produces = "text/csv")
    @ApiResponse(responseCode = "200", description = "Les inscriptions, en CSV.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Un état inconnu.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> csv(@Parameter(hidden = true) ManagedDay day, @RequestParam(name = "etat", required = false) String state) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("id", "etat", "nom", "prenom", "courriel", "telephone", "service", "employeur", "demande_le"));
        for (Registration r : filtered(day, state)) {
            rows.add(java.util.Arrays.asList(r.id(), r.state().name(), r.surname(), r.givenName(), r.email(), r.phone(),
                    r.positionService(), r.employerName(), r.createdAt() == null ? null : r.createdAt().toString()));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("inscriptions-" + day.slug() + ".csv").build().toString())
                .body(Spreadsheets.csv(rows).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/inscriptions/{id}/avancer")
    @MovementResponses
    @MovementResponses.UnreadableRequest
    OrganiserRegistrationView advance(@Parameter(hidden = true) ManagedDay day, @AuthenticationPrincipal Organiser organiser, @PathVariable long id,
                                      @RequestBody(required = false) OrganiserRequests.Reason body) {
        return decide(day, organiser, id, Decision.ADVANCE, body == null ? null : body.motif());
    }

    @PostMapping("/inscriptions/{id}/confirmer")
    @MovementResponses
    @MovementResponses.UnreadableRequest
    OrganiserRegistrationView confirm(@Parameter(hidden = true) ManagedDay day, @AuthenticationPrincipal Organiser organiser, @PathVariable long id) {
        return decide(day, organiser, id, Decision.CONFIRM, null);
    }

    @PostMapping("/inscriptions/{id}/refuser")
    @MovementResponses
    @ApiResponse(responseCode = "400", description = "Le motif du refus manque, ou l'identifiant ou le corps est illisible.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    OrganiserRegistrationView refuse(@Parameter(hidden = true) ManagedDay day, @AuthenticationPrincipal Organiser organiser, @PathVariable long id,
                                     @RequestBody(required = false) OrganiserRequests.Reason body) {
        if (body == null || body.motif() == null || body.motif().isBlank()) {
            throw new OrganiserApiProblem(HttpStatus.BAD_REQUEST, "api.organiser.error.reason");
        }
        return decide(day, organiser, id, Decision.REFUSE, body.motif());
    }

    private OrganiserRegistrationView decide(ManagedDay day, @AuthenticationPrincipal Organiser organiser, long id, Decision decision,
                                             String reason) {
        ofDay(day, id);
        RegistrationDecisions.Outcome outcome = decisions.decide(day, organiser, id, decision, reason);
        if (!outcome.done()) {
            throw new OrganiserApiProblem(HttpStatus.CONFLICT, outcome.messageKey());
        }
        return detail(day, id);
    }

    /**
     * A check-in for a half-day of a day of the session, through the welcome desk's operation: 201 when recorded,
     * 200 when the person already was, 404 when the registration is not the session's, 409 when it is not
     * confirmed, 400 for a day or half-day the session does not have.
     */
    @PostMapping("/presences")
    @ApiResponse(responseCode = "201", description = "La présence est enregistrée.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = OrganiserCheckInResult.class)))
    @ApiResponse(responseCode = "200", description = "La personne était déjà notée présente à cette demi-journée.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = OrganiserCheckInResult.class)))
    @ApiResponse(responseCode = "400", description = "L'inscription, le jour ou la demi-journée manque ou n'est pas de la session.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "L'inscription n'est pas confirmée.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<OrganiserCheckInResult> checkIn(@Parameter(hidden = true) ManagedDay day, @AuthenticationPrincipal Organiser organiser,
                                                   @RequestBody(required = false) OrganiserRequests.CheckIn body) {
        if (body == null || body.inscription() == null) {
            throw new OrganiserApiProblem(HttpStatus.BAD_REQUEST, "api.organiser.error.checkin.registration");
        }
        Optional<HalfDay> half = HalfDay.ofSlug(body.demiJournee() == null ? "" : body.demiJournee().strip());
        Optional<SessionDay> sessionDay = OrganiserApiActions.sessionDay(day, body.jour());
        if (half.isEmpty() || sessionDay.isEmpty()) {
            throw new OrganiserApiProblem(HttpStatus.BAD_REQUEST, "api.organiser.error.checkin.when");
        }
        ofDay(day, body.inscription());
        CheckInOutcome outcome = actions.checkIn(day, organiser, body.inscription(), sessionDay.get(), half.get());
        String text = messages.getMessage("attendance.outcome." + outcome.kind().name(),
                new Object[] {outcome.name(), outcome.at()}, Locale.FRENCH);
        HttpStatus status = switch (outcome.kind()) {
            case RECORDED -> HttpStatus.CREATED;
            case REPLAYED, ALREADY_PRESENT -> HttpStatus.OK;
            case NOT_CONFIRMED -> HttpStatus.CONFLICT;
            case NO_SUCH_PERSON, OTHER_DAY, UNKNOWN_CODE -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_REQUEST;
        };
        if (!outcome.recorded() && outcome.kind() != CheckInOutcome.Kind.ALREADY_PRESENT) {
            throw new OrganiserApiProblem(status, text);
        }
        return ResponseEntity.status(status).body(new OrganiserCheckInResult(body.inscription(),
                sessionDay.get().date().toString(), half.get().slug(), outcome.kind().name(),
                outcome.at() == null ? null : outcome.at().toString(), text));
    }

    private Registration ofDay(ManagedDay day, long id) {
        return registrations.find(id).filter(r -> r.dayId() == day.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
