package org.rencontres.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link PublicCaching}'s rules, first of the application's filters. A GET marked public by its handler is
 * kept in memory, given its ETag, Last-Modified and Cache-Control, and answered 304 when the client already has it.
 * The next GET or HEAD for the same thing (address, host and scheme, language cookie, Accept, CORS or not) from a
 * visitor without a session cookie or an Authorization header is answered from memory, before Spring Session,
 * Spring Security and Spring MVC: the same bytes and headers, at the cost of a look-up. A missing or stale answer
 * is made by one request while the others wait for it or get the stale copy. Anything else passes
 * through untouched, and so does the body of an answer that is not marked (streams, downloads).
 */
@RequiredArgsConstructor
class PublicCachingFilter extends OncePerRequestFilter {

    /** Headers the filter writes itself, or that belong to one exchange only. */
    private static final Set<String> NOT_KEPT = Set.of("cache-control", "pragma", "expires", "etag", "last-modified",
            "content-length", "content-type", "transfer-encoding", "date", "set-cookie", "connection", "keep-alive");

    private final PublicCaching caching;
    private final String sessionCookie;
    private final String languageCookie;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean get = "GET".equals(request.getMethod());
        if (!get && !"HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        boolean making = false;
        if (key != null) {
            PublicCaching.Answer kept = caching.kept(key);
            if (kept != null && (caching.fresh(kept) || !get)) {
                send(kept, request, response, true);
                return;
            }
            CompletableFuture<PublicCaching.Answer> other = get ? caching.claim(key) : null;
            making = get && other == null;
            if (other != null) {
                PublicCaching.Answer theirs = kept != null ? kept : awaited(other);
                if (theirs != null) {
                    send(theirs, request, response, true);
                    return;
                }
            }
        }
        PublicCaching.Answer made = null;
        try {
            made = through(request, response, chain, key);
        } finally {
            if (making) {
                caching.made(key, made);
            }
        }
    }

    /** The answer another request is making, or null if it is not public or takes too long. */
    private static PublicCaching.Answer awaited(CompletableFuture<PublicCaching.Answer> other) {
        try {
            return other.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Through the application; the answer, if it is public and may be kept for this key. */
    private PublicCaching.Answer through(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                         String key) throws ServletException, IOException {
        PublicAnswerCapture capture = new PublicAnswerCapture(request, response);
        chain.doFilter(request, capture);
        if (!capture.buffering()) {
            return null;
        }
        byte[] body = capture.body();
        boolean setsCookie = response.containsHeader(HttpHeaders.SET_COOKIE);
        if (response.getStatus() != HttpServletResponse.SC_OK || response.isCommitted() || setsCookie
                || request.isAsyncStarted()) {
            if (setsCookie) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, PublicCaching.PRIVATE);
            }
            if (!response.isCommitted()) {
                response.getOutputStream().write(body);
            }
            return null;
        }
        PublicCaching.Answer answer = new PublicCaching.Answer(response.getContentType(),
                kept(response, capture.language()), body, caching.lastModified(PublicCaching.etagOf(body)));
        send(answer, request, response, false);
        return key != null && "GET".equals(request.getMethod()) ? answer : null;
    }

    /** What identifies an answer that may be served from memory; null for a visitor with a session or credentials. */
    private String key(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String language = "";
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(sessionCookie)) {
                    return null;
                }
                if (cookie.getName().equals(languageCookie)) {
                    language = cookie.getValue();
                }
            }
        }
        StringBuilder key = new StringBuilder(160).append(request.getScheme()).append("://")
                .append(request.getServerName()).append(':').append(request.getServerPort())
                .append(request.getRequestURI());
        if (request.getQueryString() != null) {
            key.append('?').append(request.getQueryString());
        }
        return key.append(' ').append(language).append(' ').append(request.getHeader(HttpHeaders.ORIGIN) != null)
                .append(' ').append(request.getHeader(HttpHeaders.ACCEPT)).toString();
    }

    private static List<Map.Entry<String, String>> kept(HttpServletResponse response, String language) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                response.getHeaders(name).forEach(value -> headers.add(Map.entry(name, value)));
            }
        }
        if (language != null && !response.containsHeader(HttpHeaders.CONTENT_LANGUAGE)) {
            headers.add(Map.entry(HttpHeaders.CONTENT_LANGUAGE, language));
        }
        return List.copyOf(headers);
    }

    private void send(PublicCaching.Answer answer, HttpServletRequest request, HttpServletResponse response,
                      boolean fromMemory) throws IOException {
        if (fromMemory) {
            for (Map.Entry<String, String> header : answer.headers()) {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
        boolean gzip = answer.gzip() != null && acceptsGzip(request);
        response.setHeader(HttpHeaders.CACHE_CONTROL, caching.cacheControl());
        response.setHeader(HttpHeaders.ETAG, gzip ? answer.gzipEtag() : answer.etag());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, answer.lastModified().toEpochMilli());
        response.addHeader(HttpHeaders.VARY, answer.gzip() != null ? "Accept-Encoding, Cookie" : HttpHeaders.COOKIE);
        if (notModified(request, answer)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (fromMemory) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(answer.contentType());
        }
        byte[] body = gzip ? answer.gzip() : answer.body();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** gzip among the client's accepted codings, unless refused with q=0. */
    static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.split(";");
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** RFC 9110, 13.2.2: If-None-Match decides when present (weak comparison), else If-Modified-Since. */
    static boolean notModified(HttpServletRequest request, PublicCaching.Answer answer) {
        String noneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (noneMatch != null) {
            for (String tag : noneMatch.split(",")) {
                String t = tag.strip();
                String opaque = t.startsWith("W/") ? t.substring(2) : t;
                // Either form's tag: the client's copy, whichever it is, is the same content.
                if (t.equals("*") || opaque.equals(answer.etag()) || opaque.equals(answer.gzipEtag())) {
                    return true;
                }
            }
            return false;
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return since >= 0 && answer.lastModified().toEpochMilli() <= since;
    }
}
