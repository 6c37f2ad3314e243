package org.rencontres.notification;

/** Where a message of the outbox stands. */
public enum OutboxStatus {
    /** waiting to be sent, or to be tried again after a failure */
    PENDING,
    /** accepted by the SMTP server */
    SENT,
    /** given up after the maximum number of attempts; kept for the record */
    FAILED
}
