package org.rencontres.event;

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
 * Sends a file upload that is too large back to the day's page with a clear message before its
 * body is read: past the server's multipart limit, Tomcat refuses every field of the form (the
 * CSRF token among them) and only a bare error would remain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadSizeLimit extends OncePerRequestFilter {

    private static final Pattern UPLOAD = Pattern.compile("/admin/journees/([A-Za-z0-9]+)/fichiers");
    /** The file itself, plus room for the form's other fields. */
    static final long MAX_REQUEST_BYTES = StoredFiles.MAX_BYTES + 64 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            Matcher m = UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length()));
            m.matches();
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/admin/journees/" + m.group(1)
                    + "?fichier-trop-volumineux#ressources");
            response.setHeader("Connection", "close");
            return;
        }
        chain.doFilter(request, response);
    }
}
