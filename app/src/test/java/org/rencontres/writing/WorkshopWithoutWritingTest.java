package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.rencontres.registration.AgentSpaceLinks;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A workshop « sans écriture collective » (no writing method) gets no shared document: none is made for it,
 * its participants' space lists none, and one made while it still had a method is no longer offered to
 * them; the workshop that writes keeps its document and its link.
 */
@RencontresIntegrationTest
class WorkshopWithoutWritingTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired WritingDocuments documents;
    @Autowired WritingLinksForAgents agentLinks;

    private List<String> spaceLinks(long registrationId) {
        return agentLinks.of(registrations.find(registrationId).orElseThrow()).stream()
                .map(AgentSpaceLinks.Link::path).toList();
    }

    private static WorkshopDraft withoutWriting(Workshop w) {
        return new WorkshopDraft(w.slotId(), w.number(), w.title(), w.description(), null, w.capacity(), w.room());
    }

    @Test
    void a_workshop_without_writing_has_no_document_and_its_participants_no_link() throws Exception {
        WritingFixture fixture = WritingFixture.create(days, programmes, workshops, registrations, accounts, 1);
        Workshop writes = fixture.workshops().get(0);
        Workshop silent = fixture.workshops().get(1);
        workshops.update(fixture.dayId(), silent.id(), withoutWriting(silent));
        long writer = fixture.participants().get(0).get(0);
        long talker = fixture.participants().get(1).get(0);

        assertThat(spaceLinks(talker)).isEmpty();
        assertThat(spaceLinks(writer)).hasSize(1).first().asString().startsWith("/ecriture/participant/");
        assertThat(documents.ofWorkshop(silent.id())).isEmpty();
        assertThat(documents.ofWorkshop(writes.id())).isPresent();

        WebSession organiser = new WebSession(port);
        organiser.signIn(fixture.organiserEmail(), WritingFixture.PASSWORD);
        Document list = organiser.page("/admin/journees/" + fixture.slug() + "/ecriture");
        assertThat(list.select("table.writing-documents tbody th a").eachText()).containsExactly("Atelier 1 – État de l'art");
        assertThat(documents.ofWorkshop(silent.id())).isEmpty();
    }

    @Test
    void a_document_made_before_its_workshop_dropped_writing_is_no_longer_offered() throws Exception {
        WritingFixture fixture = WritingFixture.create(days, programmes, workshops, registrations, accounts, 1);
        Workshop later = fixture.workshops().get(1);
        long talker = fixture.participants().get(1).get(0);
        assertThat(spaceLinks(talker)).hasSize(1);
        assertThat(documents.ofWorkshop(later.id())).isPresent();

        workshops.update(fixture.dayId(), later.id(), withoutWriting(later));
        assertThat(spaceLinks(talker)).isEmpty();
        assertThat(spaceLinks(fixture.participants().get(0).get(0))).hasSize(1);
    }
}
