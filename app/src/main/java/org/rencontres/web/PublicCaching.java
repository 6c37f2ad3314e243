package org.rencontres.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rencontres.shared.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way to make an answer public and cacheable: the catalogue, a session's page, its brochure and calendar
 * file, the feeds and the public API's reads call {@link #mark()} once they know they answer 200. For a visitor who
 * is not signed in, {@link PublicCachingFilter} then sends {@code Cache-Control: public, max-age, stale-while-revalidate},
 * a strong {@code ETag} (the SHA-256 of the bytes, the same on every instance; the gzipped form, made once, has
 * its own), a {@code Last-Modified} (when
 * this instance first sent these very bytes: a page gathers several modules' data, none of which records its last
 * change) and {@code Vary: Cookie} (the language is a cookie), answers {@code If-None-Match} and
 * {@code If-Modified-Since} with 304, and keeps the answer in this instance's memory for
 * {@code rencontres.public-pages.cache-ttl}, served again without going through the rest of the filters to
 * visitors without a session cookie. One request at a time makes a missing or stale answer: the others wait for it
 * (missing) or get the stale copy meanwhile, so that a page's expiry under load is one rendering, not a hundred. A signed-in user's answer is {@code private, no-store}; an answer that sets
 * a cookie is never public.
 */
@Component
public class PublicCaching {

    /** The request attribute that marks an answer public (set by {@link #mark()}, read by the filter). */
    static final String MARK = PublicCaching.class.getName() + ".public";
    static final String PRIVATE = "private, no-store";

    /**
     * A public answer as it was sent: replayed as is to the next visitors who ask for the same thing. Its gzip form
     * (null when not worth it) is made once, here: Tomcat compresses nothing that has a strong ETag.
     */
    record Answer(String contentType, List<Map.Entry<String, String>> headers, byte[] body, String etag,
                  byte[] gzip, String gzipEtag, Instant lastModified, long keptAt) {

        Answer(String contentType, List<Map.Entry<String, String>> headers, byte[] body, Instant lastModified) {
            this(contentType, headers, body, etagOf(body), compressed(contentType, body), gzipEtagOf(body),
                    lastModified, System.nanoTime());
        }
    }

    private final Cache<String, Answer> answers;
    /** The answers being made, one request per key; the others wait for it rather than all rendering at once. */
    private final ConcurrentHashMap<String, CompletableFuture<Answer>> making = new ConcurrentHashMap<>();
    private final long freshNanos;
    /** When this instance first sent the bytes of an ETag: their Last-Modified, kept while they are asked for. */
    private final Cache<String, Instant> firstSent;
    private final String cacheControl;

    PublicCaching(@Value("${rencontres.public-pages.cache-ttl:30s}") Duration keptFor,
                  @Value("${rencontres.public-pages.max-age:30s}") Duration maxAge,
                  @Value("${rencontres.public-pages.stale-while-revalidate:60s}") Duration stale,
                  @Value("${rencontres.public-pages.cache-size:32MB}") org.springframework.util.unit.DataSize size) {
        // Kept twice as long as fresh: past its freshness an answer is still sent while one request makes it anew.
        this.answers = Caffeine.newBuilder().expireAfterWrite(keptFor.multipliedBy(2))
                .maximumWeight(size.toBytes())
                .<String, Answer>weigher((key, answer) -> answer.body().length + 1_024)
                .build();
        this.firstSent = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1)).maximumSize(10_000).build();
        this.freshNanos = keptFor.toNanos();
        this.cacheControl = "public, max-age=" + maxAge.toSeconds() + ", stale-while-revalidate=" + stale.toSeconds();
    }

    /**
     * Marks the answer to the current request as public, the same for every visitor who is not signed in. Call it
     * from the handler of a GET once the answer is known to be a 200 (after a 404 has been ruled out). A signed-in
     * user's answer is made {@code private, no-store} at once.
     */
    public static void mark() {
        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = current.getRequest();
        HttpServletResponse response = current.getResponse();
        boolean signedIn = request.getUserPrincipal() != null;
        if (!signedIn) {
            request.setAttribute(MARK, Boolean.TRUE);
        }
        if (response != null) {
            // Said now, so that Spring Security's default (no-cache, no-store) is not written; the filter gives
            // a public answer its final header.
            response.setHeader(HttpHeaders.CACHE_CONTROL, signedIn ? PRIVATE : "no-cache");
        }
    }

    /** Empties this instance's copies of public answers (the data they show changed). */
    public void forgetAll() {
        answers.invalidateAll();
    }

    Answer kept(String key) {
        return answers.getIfPresent(key);
    }

    boolean fresh(Answer answer) {
        return System.nanoTime() - answer.keptAt() < freshNanos;
    }

    /** Null when this request is to make the answer of this key; else the answer another request is making. */
    CompletableFuture<Answer> claim(String key) {
        return making.putIfAbsent(key, new CompletableFuture<>());
    }

    /** The claimed answer is made: kept (null: not public, the stale copy goes) and given to who waits for it. */
    void made(String key, Answer answer) {
        if (answer != null) {
            answers.put(key, answer);
        } else {
            answers.invalidate(key);
        }
        CompletableFuture<Answer> claimed = making.remove(key);
        if (claimed != null) {
            claimed.complete(answer);
        }
    }

    String cacheControl() {
        return cacheControl;
    }

    /** The ETag of these bytes: strong, the first 128 bits of their SHA-256 in hexadecimal. */
    static String etagOf(byte[] body) {
        return "\"" + Secrets.sha256Hex(body).substring(0, 32) + "\"";
    }

    /** The ETag of the same bytes sent gzipped: another representation, so another strong ETag. */
    private static String gzipEtagOf(byte[] body) {
        return etagOf(body).replaceFirst("\"$", "-gzip\"");
    }

    /** Texts of more than 1 KB (pages, calendars, JSON) are worth compressing; a PDF is compressed already. */
    private static byte[] compressed(String contentType, byte[] body) {
        if (body.length < 1_024 || contentType == null
                || !(contentType.startsWith("text/") || contentType.contains("json") || contentType.contains("xml"))) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** When this instance first sent the bytes of this ETag, to the second. */
    Instant lastModified(String etag) {
        return firstSent.get(etag, e -> Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
