package org.rencontres.daypage;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import org.rencontres.document.PdfTemplates;
import org.rencontres.event.DayChanged;
import org.rencontres.programme.ProgrammeChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.thymeleaf.context.Context;

/**
 * The printable brochure (plaquette) of a public day: the day page's model, laid out by the
 * {@code daypage/brochure} template and rendered as PDF.
 *
 * <p>Rendering takes a good part of a second of CPU, so a brochure is kept like the page model is
 * (for {@code rencontres.public-pages.cache-ttl}, emptied at once on {@link DayChanged}), and
 * rendered on a small pool of its own: one thread fewer than the machine has cores, with a short
 * queue. Requests for the same brochure share one rendering; pages keep a core to themselves;
 * and when the queue is full a request is turned away ({@link Busy}) rather than piling up.
 */
@Service
class Brochures {

    private static final Logger log = LoggerFactory.getLogger(Brochures.class);

    private final DayPages pages;
    private final PdfTemplates pdfs;
    private final ExecutorService renderPool;
    private final AsyncCache<Key, byte[]> cache;

    Brochures(DayPages pages, PdfTemplates pdfs, @Value("${rencontres.public-pages.cache-ttl:30s}") Duration cacheTtl,
              @Value("${rencontres.brochures.render-queue:16}") int queue) {
        this.pages = pages;
        this.pdfs = pdfs;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("brochure-");
        threadFactory.setDaemon(true);
        this.renderPool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), threadFactory, new ThreadPoolExecutor.AbortPolicy());
        // A PDF weighs about 100 kB: a hundred of them is a few megabytes at most.
        this.cache = Caffeine.newBuilder().maximumSize(100).expireAfterWrite(cacheTtl).buildAsync();
    }

    /**
     * The brochure of a public day, or nothing for a draft or an unknown code.
     *
     * @param pageUrl the address of the day's public page, printed in the brochure
     * @throws Busy when too many brochures are being rendered already
     */
    Optional<Brochure> brochure(String slug, String pageUrl, Locale locale) {
        Optional<DayPage> found = pages.publicPage(slug, pageUrl);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DayPage page = found.get();
        Locale language = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        Key key = new Key(page.day().sessionCode().slug(), pageUrl, language);
        try {
            byte[] pdf = cache.get(key, (k, executor) ->
                    CompletableFuture.supplyAsync(() -> render(page, k), renderPool)).join();
            return Optional.of(new Brochure(key.slug(), pdf));
        } catch (RejectedExecutionException e) {
            throw new Busy();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RejectedExecutionException) {
                throw new Busy();
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private byte[] render(DayPage page, Key key) {
        long start = System.nanoTime();
        Context context = new Context(key.locale());
        context.setVariable("page", page);
        context.setVariable("day", page.day());
        context.setVariable("pageUrl", key.pageUrl());
        byte[] pdf = pdfs.render("daypage/brochure", context, key.pageUrl());
        log.debug("Brochure {} ({}) rendered in {} ms, {} bytes", key.slug(), key.locale(),
                (System.nanoTime() - start) / 1_000_000, pdf.length);
        return pdf;
    }

    // After commit, like the page cache: emptied earlier, it could be filled again with what is being replaced.
    @TransactionalEventListener(fallbackExecution = true)
    void on(DayChanged change) {
        cache.synchronous().invalidateAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ProgrammeChanged change) {
        cache.synchronous().invalidateAll();
    }

    @PreDestroy
    void stop() {
        renderPool.shutdownNow();
    }

    /** A rendered brochure, with the slug of its day for the file name. */
    record Brochure(String slug, byte[] pdf) {

        String fileName() {
            return "plaquette-" + slug + ".pdf";
        }
    }

    /** Too many brochures are being rendered: the request may be tried again shortly. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("Too many brochures are being rendered", null, false, false);
        }
    }

    private record Key(String slug, String pageUrl, Locale locale) {
    }
}
