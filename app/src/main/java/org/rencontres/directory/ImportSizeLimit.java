package org.rencontres.directory;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends an import file that is too large back to the import page with a clear message, before
 * anything reads its body: past the server's multipart limit, Tomcat would refuse the request's
 * parameters (the CSRF token among them) and only a bare error page would remain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    ImportSizeLimit(ObjectProvider<MultipartConfigElement> multipart) {
        this.maxBytes = OrganisationImportController.maxBytes(multipart.getIfAvailable());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + OrganisationImportController.BASE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The whole request is larger than the file it carries: a request over the limit may hold a file under it
        // by a few hundred bytes of form fields, which is refused too rather than half-read.
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + OrganisationImportController.BASE + "?trop-volumineux");
            response.setHeader("Connection", "close");
            return;
        }
        chain.doFilter(request, response);
    }
}
