package org.rencontres.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organiser API's refusals decided before any controller (no token, a bad one, a scope too narrow, too many
 * requests), written as RFC 9457 problem details in French, as the API's own errors are.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApiTokenProblems {

    private final MessageSource messages;
    private final JsonMapper json;

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage("apitoken.problem." + key, null, Locale.FRENCH));
        problem.setTitle(messages.getMessage("apitoken.problem.title." + status.value(), null, Locale.FRENCH));
        problem.setInstance(URI.create(request.getRequestURI()));
        if (status == HttpStatus.UNAUTHORIZED) {
            // RFC 6750: says which scheme is expected, and why this token was not taken.
            response.setHeader("WWW-Authenticate", "Bearer realm=\"rencontres\""
                    + (key.equals("missing") ? "" : ", error=\"invalid_token\""));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance().toString());
        json.writeValue(response.getWriter(), body);
    }
}
