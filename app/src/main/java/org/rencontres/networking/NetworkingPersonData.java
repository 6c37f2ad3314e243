package org.rencontres.networking;

import java.util.ArrayList;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the networking rotation holds about an agent: their name and organisation as the plan shows
 * them, and their table at each round. Erasure replaces the name and organisation (the plan of a past
 * session keeps its seats, no longer naming anyone).
 */
@Component
@Order(PersonData.BEFORE_REGISTRATION)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NetworkingPersonData implements PersonData {

    private final Registrations registrations;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    private record Participant(long id, String session, String name, String organisation) {
    }

    @Override
    public List<Section> of(EmailAddress person, Locale locale) {
        List<Section> sections = new ArrayList<>();
        for (Participant p : participants(person)) {
            List<Entry> entries = new ArrayList<>();
            entries.add(new Entry(text("networking.persondata.name", locale), p.name()));
            entries.add(new Entry(text("networking.persondata.organisation", locale), p.organisation()));
            jdbc.sql("""
                    SELECT s.round, t.name FROM networking_seat s JOIN networking_table t ON t.id = s.table_id
                    WHERE s.participant_id = ? ORDER BY s.round""").param(p.id())
                    .query((rs, n) -> new Entry(text("networking.persondata.round", locale, rs.getInt(1) + 1),
                            rs.getString(2)))
                    .list().forEach(entries::add);
            sections.add(new Section(text("networking.persondata.section", locale, p.session()), entries));
        }
        return sections;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Erasure erase(EmailAddress person, Locale locale) {
        List<Participant> participants = participants(person);
        if (participants.isEmpty()) {
            return Erasure.nothing();
        }
        String anonymous = text("networking.persondata.anonymous", locale);
        for (Participant p : participants) {
            jdbc.sql("UPDATE networking_participant SET name = ?, organisation = NULL WHERE id = ?")
                    .params(anonymous, p.id()).update();
        }
        return new Erasure(List.of(text("networking.persondata.erased", locale)),
                List.of(new Kept(text("networking.persondata.kept", locale), text("networking.persondata.kept.why", locale))));
    }

    private List<Participant> participants(EmailAddress person) {
        Long[] ids = registrations.ofAgent(person).stream().map(Registration::id).toArray(Long[]::new);
        return jdbc.sql("""
                SELECT p.id, s.title, p.name, p.organisation FROM networking_participant p
                JOIN networking_session s ON s.id = p.session_id
                WHERE p.registration_id = ANY(?) ORDER BY p.id""").param(ids)
                .query((rs, n) -> new Participant(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
