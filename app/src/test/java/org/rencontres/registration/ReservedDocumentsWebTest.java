package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestFiles;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayFiles;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.Resource;
import org.rencontres.event.SessionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The documents reserved to participants, served from a confirmed agent's space: checked on the way
 * in like every upload, served always as attachments under their checked type, never sniffed.
 */
@RencontresIntegrationTest
class ReservedDocumentsWebTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired DayFiles dayFiles;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;

    @Test
    void a_confirmed_agent_downloads_the_reserved_documents_as_attachments_with_their_checked_type() throws Exception {
        long n = System.nanoTime() % 100_000_000;
        String slug = new SessionCode("ZRDO " + n).slug();
        long dayId = days.create(new DayDraft(new SessionCode("ZRDO " + n), "Journée des documents", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 7, 3), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null,
                null, false, null, "INSET des documents " + n, null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
        dayFiles.addResourceFile(dayId, "liste.pdf", TestFiles.pdf("Liste des participants"), "Liste", null,
                Resource.Visibility.PARTICIPANTS);
        byte[] trame = TestFiles.docx();
        dayFiles.addResourceFile(dayId, "trame.docx", trame, "Trame", null, Resource.Visibility.PARTICIPANTS);
        // The same check as the organisers' upload: a page zipped as .docx is not offered.
        assertThatThrownBy(() -> dayFiles.addResourceFile(dayId, "piege.docx",
                TestFiles.zip(java.util.Map.of("index.html", "<script>alert(1)</script>")), "Piège", null,
                Resource.Visibility.PARTICIPANTS)).isInstanceOf(IllegalArgumentException.class);
        List<Resource> resources = days.find(slug).orElseThrow().resources();
        assertThat(resources).extracting(Resource::title).containsExactly("Liste", "Trame");

        String email = "documents" + n + "@mairie.fr";
        WebSession visitor = new WebSession(port);
        String form = "/journees/" + slug + "/inscription";
        assertThat(visitor.submit(form, form, AgentLinks.requestForm("Documents", "Dana", email)).statusCode()).isEqualTo(302);
        long id = registrations.ofDay(dayId).get(0).id();
        String space = AgentLinks.space(jdbc, email);
        String pdfPath = space + "/documents/" + resources.get(0).storedFile();
        assertThat(visitor.getBytes(pdfPath).statusCode()).as("not confirmed yet").isEqualTo(404);

        AgentLinks.confirm(registrations, id);
        HttpResponse<byte[]> pdf = visitor.getBytes(pdfPath);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"liste.pdf\"");
        assertThat(pdf.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(pdf.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

        HttpResponse<byte[]> docx = visitor.getBytes(space + "/documents/" + resources.get(1).storedFile());
        assertThat(docx.headers().firstValue("Content-Type"))
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"trame.docx\"");
        assertThat(docx.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(docx.body()).isEqualTo(trame);
    }
}
