package org.rencontres.mailing;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.notification.MailLog;
import org.rencontres.security.Organiser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Resending a message of a session's log: the copy and its audit entry in one transaction. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Resends {

    private final MailLog log;
    private final AuditTrail audit;

    /** The copy's id; empty when the message is not one of the session's. */
    @Transactional
    public Optional<Long> resend(long dayId, long id, Organiser by) {
        Optional<MailLog.Mail> mail = log.find(dayId, id);
        if (mail.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> copy = log.resend(dayId, id);
        copy.ifPresent(newId -> audit.record(dayId, by.accountId(), by.displayName(), "mailing", "resend",
                "Courriel « " + mail.get().entry().subject() + " » renvoyé à " + mail.get().entry().recipient()
                        + " (copie du message " + id + " : message " + newId + ")"));
        return copy;
    }
}
