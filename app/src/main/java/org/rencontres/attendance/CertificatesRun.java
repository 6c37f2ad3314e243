package org.rencontres.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.notification.Message;
import org.rencontres.notification.Outbox;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk generation of a day's certificates, in the background: one job row per run (total, done,
 * state) that the progress page reads; the certificates missing at the start are made in batches,
 * each batch's PDFs and e-mails rendered in parallel (one thread per core) outside any transaction, the
 * next batch rendering while this one is inserted and queued for e-mail (PDF attached) in one
 * transaction per batch, which also advances the job's count. A second run
 * makes only the missing ones. At most one run per day at a time (a partial unique index); a run left
 * RUNNING by a stopped instance is marked FAILED after {@link #STALE} without progress and may be
 * started again.
 */
@Service
class CertificatesRun implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CertificatesRun.class);
    static final int BATCH = 25;
    static final Duration STALE = Duration.ofMinutes(10);

    /** A run as the progress page shows it. */
    record Job(long id, String state, int total, int done, String startedBy, Instant startedAt, Instant finishedAt,
               String error) {
        public boolean running() {
            return "RUNNING".equals(state);
        }
    }

    /** Why a run did not start. */
    enum Refusal { NOT_ENDED, ALREADY_RUNNING }

    private final JdbcClient jdbc;
    private final Certificates certificates;
    private final Attendances attendances;
    private final Days days;
    private final Registrations registrations;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attendance-certificates");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService renderers;

    CertificatesRun(JdbcClient jdbc, Certificates certificates, Attendances attendances, Days days,
                    Registrations registrations, Outbox outbox, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.certificates = certificates;
        this.attendances = attendances;
        this.days = days;
        this.registrations = registrations;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.renderers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "attendance-certificate-pdf");
            t.setDaemon(true);
            return t;
        });
    }

    /** The day's latest run, if any. */
    Optional<Job> latest(long dayId) {
        return jdbc.sql("""
                SELECT id, state, total, done, started_by, started_at, finished_at, error
                FROM attendance_certificate_job WHERE event_day_id = ? ORDER BY id DESC LIMIT 1""")
                .param(dayId)
                .query((rs, n) -> new Job(rs.getLong("id"), rs.getString("state"), rs.getInt("total"), rs.getInt("done"),
                        rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null),
                        rs.getString("error")))
                .optional();
    }

    /**
     * Starts a run for the day's missing certificates (after the day's end only).
     *
     * @return the refusal, or empty when the run started
     */
    Optional<Refusal> start(long dayId, String actor) {
        Day day = days.find(dayId).orElseThrow();
        if (day.end().toInstant().isAfter(Instant.now())) {
            return Optional.of(Refusal.NOT_ENDED);
        }
        Optional<Long> jobId = tx.execute(s -> {
            jdbc.sql("""
                    UPDATE attendance_certificate_job SET state = 'FAILED', finished_at = now(),
                           error = 'Interrompue (instance arrêtée ?)'
                    WHERE event_day_id = ? AND state = 'RUNNING' AND updated_at < now() - make_interval(secs => ?)""")
                    .params(dayId, STALE.toSeconds()).update();
            return jdbc.sql("""
                    INSERT INTO attendance_certificate_job (event_day_id, state, total, started_by)
                    VALUES (?, 'RUNNING', ?, ?)
                    ON CONFLICT (event_day_id) WHERE state = 'RUNNING' DO NOTHING RETURNING id""")
                    .params(dayId, certificates.missing(dayId).size(), actor)
                    .query(Long.class).optional();
        });
        if (jobId.isEmpty()) {
            return Optional.of(Refusal.ALREADY_RUNNING);
        }
        long id = jobId.get();
        runner.submit(() -> run(id, dayId));
        return Optional.empty();
    }

    /** A certificate ready to store: its PDF rendered and its e-mail written (sent only if the certificate is new). */
    private record Prepared(Certificates.Present present, Certificate issued, String code, int minutes, Message mail) {
    }

    void run(long jobId, long dayId) {
        try {
            Day day = days.find(dayId).orElseThrow();
            List<Certificates.Pending> missing = certificates.missing(dayId);
            jdbc.sql("UPDATE attendance_certificate_job SET total = ?, updated_at = now() WHERE id = ?")
                    .params(missing.size(), jobId).update();
            Map<Long, Registration> byId = new HashMap<>();
            for (Registration r : registrations.ofDay(dayId)) {
                byId.put(r.id(), r);
            }
            // A pipeline: the next batch renders (on the renderers' threads, one per core) while this one is stored.
            List<Future<Prepared>> next = submit(day, byId, missing, 0);
            for (int from = 0; from < missing.size(); from += BATCH) {
                List<Future<Prepared>> futures = next;
                next = submit(day, byId, missing, from + BATCH);
                List<Prepared> prepared = new ArrayList<>();
                for (Future<Prepared> f : futures) {
                    prepared.add(f.get());
                }
                tx.executeWithoutResult(s -> {
                    for (Prepared p : prepared) {
                        // Another run (or a single issue) may have made it meanwhile: then no e-mail.
                        boolean fresh = p.issued() == null
                                ? certificates.insert(dayId, p.present(), p.code(), p.minutes(), true)
                                : certificates.markEmailed(p.issued().id());
                        if (fresh) {
                            outbox.send(p.mail());
                        }
                    }
                    jdbc.sql("UPDATE attendance_certificate_job SET done = done + ?, updated_at = now() WHERE id = ?")
                            .params(prepared.size(), jobId).update();
                });
            }
            jdbc.sql("UPDATE attendance_certificate_job SET state = 'DONE', finished_at = now(), updated_at = now() WHERE id = ?")
                    .param(jobId).update();
        } catch (Exception | Error e) {
            log.error("Certificates of day {} (job {}) failed", dayId, jobId, e);
            jdbc.sql("""
                    UPDATE attendance_certificate_job SET state = 'FAILED', finished_at = now(), updated_at = now(),
                           error = ? WHERE id = ?""")
                    .params(String.valueOf(e.getMessage()), jobId).update();
        }
    }

    /** Starts rendering the batch that begins at {@code from} (nothing past the end). */
    private List<Future<Prepared>> submit(Day day, Map<Long, Registration> byId, List<Certificates.Pending> missing,
                                          int from) {
        List<Future<Prepared>> futures = new ArrayList<>();
        for (Certificates.Pending pending : missing.subList(Math.min(from, missing.size()),
                Math.min(missing.size(), from + BATCH))) {
            futures.add(renderers.submit(() -> {
                Certificates.Present p = pending.present();
                Certificate issued = pending.issued();
                // A registration's agent, or a walk-in who gave an e-mail at the desk.
                Certificates.Holder r = p.walkInId() != null ? certificates.walkIn(p.walkInId()).orElseThrow()
                        : Certificates.Holder.of(byId.get(p.registrationId()));
                String code = issued != null ? issued.code() : Certificates.newCode();
                List<AttendedHalfDay> attended = issued != null ? issued.halfDays() : p.halfDays();
                int minutes = issued != null ? issued.minutes() : Certificates.minutes(attended);
                byte[] pdf = certificates.pdf(day, r, code, attended, minutes);
                return new Prepared(p, issued, code, minutes, certificates.mail(day, r, code, minutes, pdf));
            }));
        }
        return futures;
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
        renderers.shutdownNow();
    }
}
