package org.rencontres.api;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The organiser API's errors as RFC 9457 problem details in French: unknown session or registration (404),
 * another unit's session (403), bad input (400), a move the chain does not allow (409).
 */
@RestControllerAdvice(assignableTypes = OrganiserApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OrganiserApiErrors {

    private final MessageSource messages;

    @ExceptionHandler(OrganiserApiProblem.class)
    ResponseEntity<ProblemDetail> problem(OrganiserApiProblem e, HttpServletRequest request) {
        String text = messages.getMessage(e.getMessage(), e.arguments(), e.getMessage(), Locale.FRENCH);
        return answer(e.status(), text, request);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return answer(status, text(status == HttpStatus.NOT_FOUND ? "api.organiser.error.not.found"
                : "api.organiser.error.other"), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return answer(HttpStatus.FORBIDDEN, text("api.organiser.error.unit"), request);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, text("api.organiser.error.unreadable"), request);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.FRENCH);
    }

    private ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(text("api.organiser.title." + status.value()));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
