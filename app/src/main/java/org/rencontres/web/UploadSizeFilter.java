package org.rencontres.web;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends an upload that is larger than its route's {@link UploadLimit} back to the page it came from,
 * before anything reads its body: past the server's multipart limit Tomcat would refuse every field
 * of the form (the CSRF token among them) and only a bare error page would remain. The request's
 * declared length is compared, so a request over the limit carrying a file a few bytes under it is
 * refused too rather than half-read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadSizeFilter extends OncePerRequestFilter {

    private final List<UploadLimit> limits;

    UploadSizeFilter(ObjectProvider<UploadLimit> limits) {
        this.limits = limits.orderedStream().toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || limits.isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (UploadLimit limit : limits) {
            Matcher route = limit.route().matcher(path);
            if (route.matches()) {
                if (request.getContentLengthLong() > limit.maxRequestBytes()) {
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", request.getContextPath() + limit.refusedLocation().apply(route));
                    response.setHeader("Connection", "close");
                    return;
                }
                break;
            }
        }
        chain.doFilter(request, response);
    }
}
