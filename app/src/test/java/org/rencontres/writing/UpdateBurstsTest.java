package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A burst of updates of one document ({@link ServerDocuments#acceptAll}, what {@link UpdateBursts} hands it):
 * each update checked on its own, the good ones stored under consecutive numbers in their order, the bad ones
 * (undecodable, or needing content that was never stored) refused without taking the others with them, and a
 * closed document taking none.
 */
@RencontresIntegrationTest
class UpdateBurstsTest {

    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired WritingDocuments documents;
    @Autowired ServerDocuments server;
    @Autowired UpdateStore store;

    private long documentId;

    @BeforeEach
    void aDocument() {
        WritingFixture fixture = WritingFixture.create(days, programmes, workshops, registrations, accounts, 1);
        documents.ensureForWorkshops(fixture.dayId());
        documentId = documents.ofWorkshop(fixture.workshops().get(0).id()).orElseThrow().id();
    }

    private List<ServerDocuments.Outcome> outcomes(List<ServerDocuments.Accepted> accepted) {
        return accepted.stream().map(ServerDocuments.Accepted::outcome).toList();
    }

    @Test
    void a_burst_of_good_updates_is_stored_in_its_order_under_consecutive_numbers() {
        try (YjsWriter writer = new YjsWriter()) {
            List<ServerDocuments.Accepted> accepted = server.acceptAll(documentId,
                    List.of(writer.paragraph("Un"), writer.paragraph("Deux"), writer.paragraph("Trois")),
                    u -> null);
            assertThat(outcomes(accepted)).containsOnly(ServerDocuments.Outcome.STORED);
            long first = accepted.get(0).seq();
            assertThat(accepted).extracting(ServerDocuments.Accepted::seq).containsExactly(first, first + 1, first + 2);
            assertThat(store.since(documentId, 0)).extracting(UpdateStore.Stored::seq)
                    .containsExactly(first, first + 1, first + 2);
            String html = server.html(documentId);
            assertThat(html).contains("Un", "Deux", "Trois");
            assertThat(html.indexOf("Un")).isLessThan(html.indexOf("Deux"));
            assertThat(html.indexOf("Deux")).isLessThan(html.indexOf("Trois"));
        }
    }

    @Test
    void the_bad_updates_of_a_burst_are_refused_and_the_others_kept() {
        try (YjsWriter writer = new YjsWriter(); YjsWriter other = new YjsWriter()) {
            byte[] one = writer.paragraph("Un");
            byte[] two = writer.paragraph("Deux");
            writer.paragraph("Jamais envoyé");                       // never stored …
            byte[] orphan = writer.paragraph("Orphelin");            // … so this one cannot be applied
            other.receive(one);
            other.receive(two);
            byte[] five = other.paragraph("Cinq");
            List<ServerDocuments.Accepted> accepted = server.acceptAll(documentId,
                    List.of(one, new byte[] {1, 2, 3}, two, orphan, five), u -> null);
            assertThat(outcomes(accepted)).containsExactly(ServerDocuments.Outcome.STORED,
                    ServerDocuments.Outcome.MALFORMED, ServerDocuments.Outcome.STORED,
                    ServerDocuments.Outcome.MALFORMED, ServerDocuments.Outcome.STORED);
            long first = accepted.get(0).seq();
            assertThat(accepted.get(2).seq()).isEqualTo(first + 1);
            assertThat(accepted.get(4).seq()).isEqualTo(first + 2);
            assertThat(store.since(documentId, 0)).hasSize(3);
            String html = server.html(documentId);
            assertThat(html).contains("Un", "Deux", "Cinq").doesNotContain("Orphelin", "Jamais");

            // The server's copy holds the good ones only: an update made after them is accepted next.
            other.receive(five);
            assertThat(server.accept(documentId, other.paragraph("Six"), u -> null).outcome())
                    .isEqualTo(ServerDocuments.Outcome.STORED);
        }
    }

    @Test
    void a_closed_document_takes_no_update_of_a_burst() {
        documents.close(documentId);
        try (YjsWriter writer = new YjsWriter()) {
            List<ServerDocuments.Accepted> accepted = server.acceptAll(documentId,
                    List.of(writer.paragraph("Un"), writer.paragraph("Deux")), u -> null);
            assertThat(outcomes(accepted)).containsOnly(ServerDocuments.Outcome.CLOSED);
            assertThat(store.since(documentId, 0)).isEmpty();
        }
    }
}
