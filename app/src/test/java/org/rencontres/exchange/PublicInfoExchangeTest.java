package org.rencontres.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rencontres.exchange.ExchangeFixture.export;
import static org.rencontres.exchange.ExchangeFixture.importAs;
import static org.rencontres.exchange.ExchangeFixture.upload;
import static org.rencontres.exchange.ExchangeFixture.withoutCode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.PublicInformation;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.security.Accounts;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.Phone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public information (Qualiopi) travels in the session document: exported as the schema of docs/ says, imported
 * into the new session unchanged (a duration that follows the days stays so), and a document whose disability
 * contact has a wrong e-mail address or phone is refused at that path.
 */
@RencontresIntegrationTest
class PublicInfoExchangeTest {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired PublicInformation publicInformation;

    @Test
    void the_public_information_goes_out_and_comes_back_with_the_session() throws Exception {
        WebSession organiser = ExchangeFixture.organiser(accounts, port, "echanges.qualiopi@cnfpt.fr", "INSET de Nancy");
        long n = System.nanoTime() % 10_000_000;
        SessionCode code = new SessionCode("ZQX" + n);
        long id = days.create(new DayDraft(code, "Journée exportée", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2031, 9, 9), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                null, null, null, null, false, null, "INSET de Nancy", null, List.of(), List.of(), List.of()));
        PublicInfo info = new PublicInfo("Connaître la réforme\nSavoir l'appliquer", "Aucun", "Exposés", "Quiz",
                null, new BigDecimal("12.50"), true, "gratuit pour les adhérents", "Plain-pied", "Claire Martin",
                new EmailAddress("referent@cdg77.fr"), new Phone("01 60 79 74 00"));
        publicInformation.save(id, info);

        ObjectNode document = export(organiser, code.slug());
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(Files.readString(Path.of("..", "docs", "session-document.schema.json")), InputFormat.JSON)
                .validate(document)).isEmpty();
        JsonNode exported = document.get("publicInfo");
        assertThat(exported.get("objectives").asString()).isEqualTo("Connaître la réforme\nSavoir l'appliquer");
        assertThat(exported.has("hours")).as("the duration follows the days").isFalse();
        assertThat(exported.get("price").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(exported.get("free").asBoolean()).isTrue();
        assertThat(exported.get("disabilityContact").get("email").asString()).isEqualTo("referent@cdg77.fr");
        assertThat(exported.get("disabilityContact").get("phone").asString()).isEqualTo("01 60 79 74 00");

        String copy = importAs(organiser, document, "ZQX" + n + " B");
        long copyId = days.find(copy).orElseThrow().id();
        assertThat(publicInformation.stored(copyId)).isEqualTo(info);
        assertThat(withoutCode(export(organiser, copy))).isEqualTo(withoutCode(document));

        ObjectNode wrong = document.deepCopy();
        ((ObjectNode) wrong.get("publicInfo").get("disabilityContact")).put("email", "referent@cdg77");
        assertThat(problems(upload(organiser, wrong)))
                .singleElement().asString().startsWith("$.publicInfo.disabilityContact.email");
        wrong = document.deepCopy();
        ((ObjectNode) wrong.get("publicInfo").get("disabilityContact")).put("phone", "poste 12");
        assertThat(problems(upload(organiser, wrong)))
                .singleElement().asString().startsWith("$.publicInfo.disabilityContact.phone");
        wrong = document.deepCopy();
        ((ObjectNode) wrong.get("publicInfo")).put("price", -1);
        assertThat(problems(upload(organiser, wrong)))
                .singleElement().asString().startsWith("$.publicInfo.price").contains("au moins 0");
    }

    private static List<String> problems(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("the import page again").isEqualTo(200);
        return Jsoup.parse(response.body()).select(".error-summary .document-problems li").eachText();
    }
}
