package org.rencontres.mailing;

import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.notification.MailLog;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.PersonData;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mails sent to an agent's address (subject and date; the bodies are the platform's own texts
 * around the data the other sections show). Erasure deletes those sent; those still waiting go out.
 */
@Component
@Order(PersonData.BEFORE_REGISTRATION)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MailingPersonData implements PersonData {

    private final MailLog log;
    private final MessageSource messages;

    @Override
    public List<Section> of(EmailAddress person, Locale locale) {
        List<Entry> entries = log.to(person.value()).stream()
                .map(m -> new Entry(PersonData.at(m.sentAt() != null ? m.sentAt() : m.createdAt(), locale), m.subject()))
                .toList();
        return entries.isEmpty() ? List.of()
                : List.of(new Section(messages.getMessage("mailing.persondata.section", null, locale), entries));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Erasure erase(EmailAddress person, Locale locale) {
        int forgotten = log.forget(person.value());
        return forgotten == 0 ? Erasure.nothing()
                : new Erasure(List.of(messages.getMessage("mailing.persondata.erased", new Object[] {forgotten}, locale)),
                List.of());
    }
}
