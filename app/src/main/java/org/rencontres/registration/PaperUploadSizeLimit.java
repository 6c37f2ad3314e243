package org.rencontres.registration;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a paper form whose scan is far too large back to the paper form page with the French
 * message, before its body is read: past the server's multipart limit Tomcat would refuse every
 * field (the CSRF token among them) and only a bare error would remain. Scans just over 10 MB reach
 * the controller and are refused there, with what was typed kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaperUploadSizeLimit extends OncePerRequestFilter {

    private static final Pattern PAPER = Pattern.compile("/admin/journees/([A-Za-z0-9]+)/inscriptions/papier");
    /** The scan itself, plus room for the form's other fields. */
    static final long MAX_REQUEST_BYTES = PaperForms.MAX_BYTES + 64 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !PAPER.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            Matcher m = PAPER.matcher(request.getRequestURI().substring(request.getContextPath().length()));
            m.matches();
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/admin/journees/" + m.group(1)
                    + "/inscriptions/papier?trop-volumineux");
            response.setHeader("Connection", "close");
            return;
        }
        chain.doFilter(request, response);
    }
}
