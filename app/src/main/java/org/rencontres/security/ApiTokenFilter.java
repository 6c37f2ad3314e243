package org.rencontres.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an organiser API request by its {@code Authorization: Bearer …} personal access token
 * ({@link ApiTokens#use}); refuses a bad token (401) or one over its rate (429, with Retry-After). A request
 * without the header goes on unauthenticated, and the chain's entry point answers 401. Not a bean: a filter
 * bean would also be put in front of every page.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final ApiTokenProblems problems;

    ApiTokenFilter(ApiTokens tokens, ApiTokenProblems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "scheme");
            return;
        }
        ApiTokens.Use use = tokens.use(header.substring(BEARER.length()).strip());
        switch (use.outcome()) {
            case UNKNOWN -> problems.write(request, response, HttpStatus.UNAUTHORIZED, "unknown");
            case EXPIRED -> problems.write(request, response, HttpStatus.UNAUTHORIZED, "expired");
            case REVOKED -> problems.write(request, response, HttpStatus.UNAUTHORIZED, "revoked");
            case LIMITED -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(use.retryAfterSeconds()));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "limited");
            }
            case OK -> {
                List<GrantedAuthority> authorities = new ArrayList<>(use.organiser().getAuthorities());
                authorities.add(new SimpleGrantedAuthority(ApiTokenScope.READ.authority()));
                if (use.scope() == ApiTokenScope.WRITE) {
                    authorities.add(new SimpleGrantedAuthority(ApiTokenScope.WRITE.authority()));
                }
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new PreAuthenticatedAuthenticationToken(use.organiser(), null, authorities));
                SecurityContextHolder.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
        }
    }
}
