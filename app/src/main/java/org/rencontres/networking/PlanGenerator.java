package org.rencontres.networking;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.rencontres.audit.AuditTrail;
import org.rencontres.planner.rotation.RotationPlan;
import org.rencontres.planner.rotation.RotationPlanner;
import org.rencontres.planner.rotation.RotationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the planner off the request, on a small pool of its own, and stores the plan in the
 * database; a result arriving after the set-up changed (or after another generation started) is
 * dropped. The state lives in the database, so any instance shows the progress.
 */
@Component
class PlanGenerator implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PlanGenerator.class);

    /** A plan to compute: the problem as the set-up stood when it was asked for. */
    record Job(long dayId, long sessionId, String title, int generation, RotationProblem problem) {
    }

    private final RotationStore store;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ThreadPoolExecutor pool;

    PlanGenerator(RotationStore store, AuditTrail audit, PlatformTransactionManager transactions) {
        this.store = store;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16), r -> {
            Thread t = new Thread(r, "rotation-planner-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    void submit(Job job) {
        try {
            pool.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            fail(job, "Trop de plans sont en cours de calcul : relancez la génération dans une minute.");
        }
    }

    private void run(Job job) {
        RotationPlan plan;
        try {
            plan = RotationPlanner.plan(job.problem());
        } catch (RuntimeException e) {
            LOG.warn("Rotation plan of session {} failed", job.sessionId(), e);
            fail(job, "Le calcul du plan a échoué (" + e.getMessage() + ") : vérifiez les tables et les participants,"
                    + " puis relancez la génération.");
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                store.lock(job.sessionId());
                if (!store.awaits(job.sessionId(), job.generation())) {
                    return;
                }
                store.storeSeats(job.sessionId(), RotationProblems.seatRows(plan.rounds(), 0));
                store.storeMetrics(job.sessionId(), job.problem().rounds(), plan.metrics(), plan.elapsedMillis(), true);
                Object[] requester = store.requester(job.sessionId());
                audit.record(job.dayId(), requester[0] == null ? null : ((Number) requester[0]).longValue(),
                        (String) requester[1], "networking", "plan.generated", "Speed dating « " + job.title()
                                + " » : plan calculé (" + job.problem().rounds() + " rotations, "
                                + plan.metrics().hardViolations() + " règle(s) non respectée(s))");
            });
        } catch (RuntimeException e) {
            LOG.warn("Storing the rotation plan of session {} failed", job.sessionId(), e);
            fail(job, "Le plan calculé n'a pas pu être enregistré : relancez la génération.");
        }
    }

    private void fail(Job job, String message) {
        try {
            transaction.executeWithoutResult(status -> store.failed(job.sessionId(), job.generation(), message));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the failure of session {}'s plan", job.sessionId(), e);
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
