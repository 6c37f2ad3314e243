package org.rencontres.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The public API's refusals as RFC 9457 problem details ({@code application/problem+json}), in French whatever the
 * client's language: the API has one public language, like the catalogue. The content type is set here, so that a
 * client that accepts only something else (406) still reads why.
 */
@RestControllerAdvice(assignableTypes = PublicApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProblemResponses {

    private final MessageSource messages;

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> refused(ProblemException problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), say(problem.key(), problem.arguments()));
        body.setTitle(say("api.problem.title." + problem.status().value()));
        body.setType(URI.create("about:blank"));
        if (!problem.parameters().isEmpty()) {
            List<Map<String, String>> errors = problem.parameters().stream().map(p -> {
                Map<String, String> error = new LinkedHashMap<>();
                error.put("parameter", p.parameter());
                error.put("detail", say(p.key(), p.arguments()));
                return error;
            }).toList();
            body.setProperty("errors", errors);
        }
        // Not kept: a session published a moment later must not stay « introuvable » in a cache.
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore()).body(body);
    }

    private String say(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.FRENCH);
    }

    static ProblemException notFound(String code) {
        return new ProblemException(HttpStatus.NOT_FOUND, "api.problem.notFound", List.of(), code);
    }
}
