package org.rencontres.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session at its next request, on whichever instance, once its account is disabled or deleted or
 * its password changed: the account's state is read again from PostgreSQL on every request of a signed-in
 * organiser (one look-up by primary key). A back-office page then goes to the sign-in page, which says why.
 * Static files (styles, scripts, fonts) hold nothing of anyone's: they are not checked, so a page costs one
 * look-up, not one per file it loads.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionCheck extends OncePerRequestFilter {

    private final JdbcClient jdbc;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && !isStaticFile(request.getServletPath()) && authentication.getPrincipal() instanceof Organiser organiser
                && !stillValid(organiser)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (request.getServletPath().startsWith("/admin")) {
                response.sendRedirect(request.getContextPath() + "/connexion?terminee");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean isStaticFile(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/vendor/")
                || path.startsWith("/webjars/") || path.startsWith("/fonts/") || path.equals("/favicon.ico");
    }

    private boolean stillValid(Organiser organiser) {
        return jdbc.sql("SELECT count(*) FROM account WHERE id = ? AND enabled AND credentials_version = ?")
                .params(organiser.accountId(), organiser.credentialsVersion()).query(Long.class).single() > 0;
    }
}
