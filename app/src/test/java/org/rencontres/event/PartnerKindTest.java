package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A partner typed on the session's page is recorded in the directory as the kind chosen, or the kind its name says. */
@RencontresIntegrationTest
class PartnerKindTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired Directory directory;

    private WebSession organiser;
    private String base;
    private String slug;
    private final long n = System.nanoTime() % 1_000_000;

    @BeforeEach
    void aSessionAndItsOrganiser() throws Exception {
        SessionCode code = new SessionCode("ZPKD " + n);
        days.create(new DayDraft(code, "Journée des partenaires", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2031, 5, 20), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                null, null, null, null, false, null, "INSET des partenaires " + n, null, List.of(), List.of(), List.of()));
        slug = code.slug();
        base = "/admin/journees/" + slug;
        String email = "partenaires." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Orga partenaires", Role.ORGANISER, "INSET des partenaires " + n, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
    }

    private OrganisationKind partnerKind(String name) {
        Day day = days.find(slug).orElseThrow();
        return day.partners().stream().map(p -> directory.organisation(p.organisationId()).orElseThrow())
                .filter(o -> o.name().equals(name)).findFirst().orElseThrow().kind();
    }

    @Test
    void a_new_partner_takes_the_kind_its_name_says_or_the_kind_chosen() throws Exception {
        Document page = organiser.page(base);
        assertThat(page.select("select#typePartenaire option").eachAttr("value"))
                .contains("", "COMMUNE", "INTERCOMMUNALITE", "ASSOCIATION", "OTHER");
        assertThat(page.select("label[for=typePartenaire]").text()).isEqualTo("Type d'organisme");

        String agglo = "Communauté d'agglomération du Val " + n;
        organiser.submit(base, base + "/partenaires", Map.of("partenaire", agglo, "contribution", "accueille"));
        assertThat(partnerKind(agglo)).isEqualTo(OrganisationKind.INTERCOMMUNALITE);

        String agency = "Agence des rencontres " + n;
        organiser.submit(base, base + "/partenaires", Map.of("partenaire", agency, "typePartenaire", ""));
        assertThat(partnerKind(agency)).isEqualTo(OrganisationKind.OTHER);

        String collective = "Collectif des territoires " + n;
        organiser.submit(base, base + "/partenaires", Map.of("partenaire", collective, "typePartenaire", "ASSOCIATION"));
        assertThat(partnerKind(collective)).isEqualTo(OrganisationKind.ASSOCIATION);

        // An organisation already in the directory keeps its kind.
        String known = "Ville nouvelle " + n;
        directory.organisationNamed(NewOrganisation.named(known, OrganisationKind.PUBLIC_BODY));
        organiser.submit(base, base + "/partenaires", Map.of("partenaire", known, "typePartenaire", "COMMUNE"));
        assertThat(partnerKind(known)).isEqualTo(OrganisationKind.PUBLIC_BODY);
    }
}
