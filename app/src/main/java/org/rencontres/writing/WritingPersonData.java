package org.rencontres.writing;

import java.util.List;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.PersonData;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What collective writing holds about an agent: the documents they were given a key to (their group's,
 * their workshop's). The text is written together and stored as one shared document, not per person:
 * nothing in it is attributed to anyone, so erasure keeps it.
 */
@Component
@Order(PersonData.BEFORE_REGISTRATION)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingPersonData implements PersonData {

    private final Registrations registrations;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    @Override
    public List<Section> of(EmailAddress person, Locale locale) {
        List<Entry> entries = documents(person).stream()
                .map(title -> new Entry(text("writing.persondata.document", locale), title)).toList();
        return entries.isEmpty() ? List.of()
                : List.of(new Section(text("writing.persondata.section", locale), entries));
    }

    @Override
    public Erasure erase(EmailAddress person, Locale locale) {
        return documents(person).isEmpty() ? Erasure.nothing()
                : new Erasure(List.of(), List.of(new Kept(text("writing.persondata.kept", locale),
                text("writing.persondata.kept.why", locale))));
    }

    private List<String> documents(EmailAddress person) {
        Long[] ids = registrations.ofAgent(person).stream().map(Registration::id).toArray(Long[]::new);
        return jdbc.sql("""
                SELECT DISTINCT d.id, d.title FROM writing_document d
                LEFT JOIN writing_access a ON a.document_id = d.id
                LEFT JOIN writing_group_member m ON m.group_id = d.group_id
                WHERE a.registration_id = ANY(?) OR m.registration_id = ANY(?) ORDER BY d.id""")
                .params(ids, ids).query((rs, n) -> rs.getString(2)).list();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
