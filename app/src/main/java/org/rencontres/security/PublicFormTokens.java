package org.rencontres.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where the CSRF token of a form is kept: for the anonymous public forms ({@link #PUBLIC_FORMS}: a session's
 * request form), in a cookie of its own (Spring Security's double submit: the POST must carry in its
 * {@code _csrf} field the token of the cookie, which another site can neither read nor set), so that a visitor
 * who registers creates no HTTP session, and no session row is written to and read back from PostgreSQL per
 * visitor; for every other form (the back office, the sign-in), in the session as before. The cookie is
 * {@code HttpOnly}, {@code SameSite=Lax}, limited to the forms' path, and {@code Secure} on HTTPS.
 */
final class PublicFormTokens implements CsrfTokenRepository {

    /** The cookie that carries a public form's token. */
    static final String COOKIE = "RENCONTRES-FORMULAIRE";

    /** The anonymous public forms whose token is in the cookie. */
    static final RequestMatcher PUBLIC_FORMS = new OrRequestMatcher(List.of(
            PathPatternRequestMatcher.pathPattern("/journees/*/inscription")));

    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

    PublicFormTokens() {
        cookie.setCookieName(COOKIE);
        cookie.setCookiePath("/journees");
        cookie.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax"));
    }

    private CsrfTokenRepository of(HttpServletRequest request) {
        return PUBLIC_FORMS.matches(request) ? cookie : session;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return of(request).generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        of(request).saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return of(request).loadToken(request);
    }

    @Override
    public DeferredCsrfToken loadDeferredToken(HttpServletRequest request, HttpServletResponse response) {
        return of(request).loadDeferredToken(request, response);
    }

    /**
     * Makes the token of a public form's page before the page is written: its cookie is a header, which could
     * not be added once the first bytes of a long page have gone out.
     */
    static final class EarlyCookie extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (HttpMethod.GET.matches(request.getMethod()) && PUBLIC_FORMS.matches(request)
                    && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
