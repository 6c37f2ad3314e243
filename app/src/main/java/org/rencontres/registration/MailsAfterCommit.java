package org.rencontres.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.rencontres.notification.Message;
import org.rencontres.notification.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the registration's e-mails go once their variables are gathered (and their single-use links
 * issued) in the change's transaction: by default straight to the outbox, rendered in that
 * transaction; inside {@link #deferring}, kept aside and rendered (Thymeleaf, attachments) only after
 * the work's transaction has committed and given its connection back, then written to the outbox
 * together in one short transaction of their own. Every act of a request handler that changes a
 * registration goes through it (the public form, the organiser's acts one by one or in bulk, the
 * approvers' decisions and the agent's acts through their links): the change's transaction then holds
 * the day's locks and a connection for the writes only, not for the rendering of e-mails and their
 * attachments (a convocation's PDF and calendar file).
 *
 * <p>The caller answers only once both have committed, so a request acknowledged to the agent always
 * has its e-mails in the outbox. What this costs: should the instance die between the two commits, or
 * the e-mails fail to render, the request is recorded without them and the agent gets an error page,
 * not the confirmation (the organiser sees the request; submitting again says it exists).
 */
@Component
class MailsAfterCommit {

    private static final ThreadLocal<List<Supplier<Message>>> DEFERRED = new ThreadLocal<>();

    private final Outbox outbox;
    private final TransactionTemplate tx;

    MailsAfterCommit(Outbox outbox, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
    }

    /** An e-mail of the change in progress: rendered now, or after the commit inside {@link #deferring}. */
    void send(Supplier<Message> message) {
        List<Supplier<Message>> pending = DEFERRED.get();
        if (pending != null) {
            pending.add(message);
        } else {
            outbox.send(message.get());
        }
    }

    /**
     * Runs {@code work}, which must open and commit its own transaction, keeping the e-mails it causes
     * until it has returned; then renders them and writes them to the outbox in one transaction. Work
     * that throws leaves no e-mail. Inside a transaction already (whose commit is not this method's to
     * see), the e-mails are rendered in place, as without it.
     */
    <T> T deferring(Supplier<T> work) {
        if (DEFERRED.get() != null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        List<Supplier<Message>> pending = new ArrayList<>();
        DEFERRED.set(pending);
        T result;
        try {
            result = work.get();
        } finally {
            DEFERRED.remove();
        }
        if (!pending.isEmpty()) {
            List<Message> rendered = pending.stream().map(Supplier::get).toList();
            tx.executeWithoutResult(status -> rendered.forEach(outbox::send));
        }
        return result;
    }

    /** {@link #deferring(Supplier)} for work that answers nothing. */
    void runDeferring(Runnable work) {
        deferring(() -> {
            work.run();
            return null;
        });
    }
}
