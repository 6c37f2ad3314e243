package org.rencontres.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.DayCatalogue;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.PublicAddress;
import org.rencontres.web.PublicCaching;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API's reads: the catalogue of published sessions and one session whole. Every answer is public and
 * cacheable by web's one rule ({@link PublicCaching}): a strong {@code ETag} computed from the very bytes sent (a
 * repeated request with {@code If-None-Match} gets 304), {@code Last-Modified}, and a short {@code max-age}.
 */
@RestController
@Tag(name = "Journées", description = "Le catalogue public des journées et le contenu de chacune.")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicApiController {

    static final String SESSIONS = "/api/v1/journees";
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    private static final String PROBLEM = "application/problem+json";

    private final PublicSessions sessions;
    private final PublicAddress address;
    private final JsonMapper json;
    private final Optional<Clock> clock;

    @GetMapping(SESSIONS)
    @Operation(summary = "Le catalogue des journées publiées",
            description = "Par défaut, les journées à venir (la plus proche en tête). Avec `from` ou `to`, les "
                    + "journées de cet intervalle, passées comprises : à venir d'abord, puis passées (la plus récente "
                    + "en tête). Jamais un brouillon. Pages liées par l'en-tête `Link` (RFC 8288 : first, prev, next, "
                    + "last) ; le total est dans `X-Total-Count` et dans le corps.")
    @ApiResponse(responseCode = "200", description = "Une page du catalogue.",
            headers = {@Header(name = "Link", description = "Liens first, prev, next et last (RFC 8288)."),
                    @Header(name = "X-Total-Count", description = "Nombre total de journées qui répondent."),
                    @Header(name = "ETag", description = "Empreinte forte de la réponse.")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PublicSessionList.class)))
    @CachedJsonResponses
    @ApiResponse(responseCode = "400", description = "Un filtre est mal formé.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> list(
            @Parameter(description = "Mots du titre, du sous-titre, du thème ou des thèmes.") @RequestParam(required = false) String q,
            @Parameter(description = "Un thème du catalogue (exact, sans égard à la casse).") @RequestParam(required = false) String theme,
            @Parameter(description = "La ville du lieu (ou une partie).") @RequestParam(required = false) String city,
            @Parameter(description = "Journées qui finissent ce jour ou après (AAAA-MM-JJ).", example = "2020-01-01") @RequestParam(required = false) String from,
            @Parameter(description = "Journées qui commencent ce jour ou avant (AAAA-MM-JJ).", example = "2020-12-31") @RequestParam(required = false) String to,
            @Parameter(description = "Numéro de page, à partir de 1.", schema = @Schema(type = "integer", minimum = "1", defaultValue = "1")) @RequestParam(required = false) String page,
            @Parameter(description = "Journées par page, de 1 à 100.", schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20")) @RequestParam(required = false) String size,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        acceptsJson(accept);
        List<ProblemException.ParameterProblem> problems = new ArrayList<>();
        LocalDate fromDate = date("from", from, problems);
        LocalDate toDate = date("to", to, problems);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add(new ProblemException.ParameterProblem("to", "api.problem.range"));
        }
        int pageNumber = number("page", page, 1, 1, Integer.MAX_VALUE, problems);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "api.problem.badFilter", problems);
        }
        LocalDate today = FrenchTime.today(clock);
        if (fromDate == null && toDate == null) {
            fromDate = today;
        }
        PublicSessionList found = sessions.list(today,
                new DayCatalogue.CatalogueQuery(q, theme, city, fromDate, toDate, pageNumber), pageSize);
        if (found.page() != pageNumber) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "api.problem.badFilter",
                    List.of(new ProblemException.ParameterProblem("page", "api.problem.pageAfterLast", found.pages())));
        }
        StringBuilder self = new StringBuilder(address.of(SESSIONS)).append("?");
        addIfPresent(self, "q", q);
        addIfPresent(self, "theme", theme);
        addIfPresent(self, "city", city);
        addIfPresent(self, "from", from);
        addIfPresent(self, "to", to);
        if (size != null) {
            addIfPresent(self, "size", Integer.toString(pageSize));
        }
        List<String> links = new ArrayList<>();
        links.add(link(self, 1, "first"));
        if (pageNumber > 1) {
            links.add(link(self, pageNumber - 1, "prev"));
        }
        if (pageNumber < found.pages()) {
            links.add(link(self, pageNumber + 1, "next"));
        }
        links.add(link(self, found.pages(), "last"));
        byte[] body = json.writeValueAsBytes(found);
        return cacheable(body).header(HttpHeaders.LINK, String.join(", ", links))
                .header("X-Total-Count", Long.toString(found.total()))
                .body(body);
    }
    @GetMapping(SESSIONS + "/{code}")
    @Operation(summary = "Une journée publiée, en entier",
            description = "Tout ce que montre sa page publique : jours et horaires, lieu, contacts, information "
                    + "publique, programme avec ses intervenants, thèmes du réseautage, ateliers, ressources ouvertes "
                    + "à tous. Le code session s'écrit avec ou sans espace, en majuscules ou non.")
    @ApiResponse(responseCode = "200", description = "La journée.",
            headers = @Header(name = "ETag", description = "Empreinte forte de la réponse."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PublicSession.class)))
    @CachedJsonResponses
    @ApiResponse(responseCode = "404", description = "Aucune journée publiée ne porte ce code.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> session(
            @Parameter(description = "Le code session ou son adresse.", example = "Z20IN001") @PathVariable String code,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        acceptsJson(accept);
        PublicSession session = sessions.find(code).orElseThrow(() -> ProblemResponses.notFound(code));
        byte[] body = json.writeValueAsBytes(session);
        return cacheable(body).body(body);
    }

    /** Public and cacheable: web's one rule gives the ETag (the bytes' SHA-256, the same on every instance). */
    private static ResponseEntity.BodyBuilder cacheable(byte[] body) {
        PublicCaching.mark();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
    }

    /** The mapping declares no {@code produces}: an unacceptable Accept is refused here, by this module's problem. */
    private static void acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            throw new ProblemException(HttpStatus.NOT_ACCEPTABLE, "api.problem.notAcceptable", List.of());
        }
        if (accepted.stream().noneMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            throw new ProblemException(HttpStatus.NOT_ACCEPTABLE, "api.problem.notAcceptable", List.of());
        }
    }

    private static LocalDate date(String name, String value, List<ProblemException.ParameterProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new ProblemException.ParameterProblem(name, "api.problem.date", value));
            return null;
        }
    }

    private static int number(String name, String value, int absent, int min, int max,
                              List<ProblemException.ParameterProblem> problems) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(max == Integer.MAX_VALUE
                ? new ProblemException.ParameterProblem(name, "api.problem.page")
                : new ProblemException.ParameterProblem(name, "api.problem.size", min, max));
        return absent;
    }

    private static void addIfPresent(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }

    private static String link(StringBuilder query, int page, String rel) {
        return "<" + query + "page=" + page + ">; rel=\"" + rel + "\"";
    }
}
