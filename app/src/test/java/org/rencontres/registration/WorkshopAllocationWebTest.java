package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.notification.QueuedMails;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The allocation to workshops end to end, over real HTTP: agents rank workshops on the public form
 * (and one again from their space), are confirmed, the organiser computes the optimal allocation,
 * reads the rank profile, moves someone into a full workshop (warned), publishes after confirming
 * the excess, and the agents see their workshop in their space and on their convocation PDF; the
 * roster PDF lists the right people, sorted by surname; unpublishing makes it pending again.
 */
@RencontresIntegrationTest
class WorkshopAllocationWebTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Accounts accounts;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    private long n;
    private long dayId;
    private String slug;
    private long a;
    private long b;
    private long c;
    private WebSession visitor;
    private WebSession organiser;

    // A day of its own, published (its public form must be open) and a few months ahead.
    @BeforeEach
    void aDayWithThreeWorkshops() throws Exception {
        n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZALL " + n);
        slug = code.slug();
        String unit = "INSET de la répartition " + n;
        dayId = days.create(new DayDraft(code, "Journée des ateliers répartis", null, null, List.of(new SessionDayDraft(LocalDate.now().plusMonths(4), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null,
                null, null, false, null, unit, null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
        long slot = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(14, 0), LocalTime.of(16, 0),
                SlotKind.WORKSHOP, null, "Ateliers participatifs", null, null, false, false, List.of(), List.of()));
        a = workshops.add(dayId, new WorkshopDraft(slot, 1, "Le document idéal", null, null, 2, "Salle Europe"));
        b = workshops.add(dayId, new WorkshopDraft(slot, 2, "Expertise territoriale", null, null, 2, null));
        c = workshops.add(dayId, new WorkshopDraft(slot, 3, "Mobilité internationale", null, null, null, null));
        workshops.addFacilitator(a, "Yannick Lechevallier", "y.lechevallier@monde-commun.fr");
        String email = "repartition." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Rose Répartition", Role.ORGANISER, unit, PASSWORD));
        organiser = new WebSession(port);
        organiser.signIn(email, PASSWORD);
        visitor = new WebSession(port);
    }

    @AfterEach
    void unpublish() {
        days.changeStatus(dayId, DayStatus.DRAFT);
    }

    private String email(String surname) {
        return surname.toLowerCase() + n + "@repartition.test";
    }

    /** An agent asks for the day on the public form with these workshops ranked; returns the registration id. */
    private long register(String surname, long... choices) throws Exception {
        String form = "/journees/" + slug + "/inscription";
        Map<String, String> fields = new LinkedHashMap<>(AgentLinks.requestForm(surname, "Camille", email(surname)));
        for (int i = 0; i < 3; i++) {
            fields.put("atelier1-" + (i + 1), i < choices.length ? String.valueOf(choices[i]) : "");
        }
        HttpResponse<String> sent = visitor.submit(form, form, fields);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        return registrations.ofDay(dayId).stream().filter(r -> r.email().equals(email(surname))).findFirst()
                .orElseThrow().id();
    }

    /** The agent's space, from the link e-mailed to them. */
    private String space(String surname) {
        return AgentLinks.space(jdbc, email(surname));
    }

    private String base() {
        return "/admin/journees/" + slug + "/ateliers/repartition";
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private String convocation(String surname) throws Exception {
        HttpResponse<byte[]> pdf = visitor.getBytes(space(surname) + "/convocation.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        return pdfText(pdf.body());
    }

    private String workshopInSpace(String surname) throws Exception {
        return visitor.page(space(surname)).select("#mon-atelier").text();
    }

    @Test
    void agents_rank_the_organiser_allocates_adjusts_and_publishes_and_agents_see_their_workshop() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        long dupont = register("Dupont", a, b);
        long durand = register("Durand", a, b);
        long bernard = register("Bernard", a, c);
        long petit = register("Petit", b);
        long roux = register("Roux", a);
        long zola = register("Zola", b);   // never confirmed: left out of the allocation

        // Bernard ranks again from their space: bad inputs are refused with French messages, then C first.
        String ranking = space("Bernard") + "/ateliers";
        Document rankingPage = visitor.page(ranking);
        assertThat(rankingPage.select("#atelier1-1 option[selected]").attr("value")).isEqualTo(String.valueOf(a));
        pages.put("ranking", rankingPage.outerHtml());
        HttpResponse<String> twice = visitor.submit(ranking, ranking,
                Map.of("atelier1-1", String.valueOf(c), "atelier1-2", String.valueOf(c), "atelier1-3", ""));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(twice.body()).select("#atelier1-2-erreur").text()).startsWith("Vous avez déjà choisi cet atelier");
        pages.put("ranking with errors", twice.body());
        HttpResponse<String> unknown = visitor.submit(ranking, ranking,
                Map.of("atelier1-1", "999999999", "atelier1-2", "", "atelier1-3", ""));
        assertThat(Jsoup.parse(unknown.body()).select("#atelier1-1-erreur").text()).startsWith("Cet atelier n'existe pas");
        HttpResponse<String> none = visitor.submit(ranking, ranking, Map.of("atelier1-1", "", "atelier1-2", "", "atelier1-3", ""));
        assertThat(Jsoup.parse(none.body()).select("#atelier1-1-erreur").text()).startsWith("Choisissez au moins un atelier");
        assertThat(registrations.workshopChoices(bernard)).containsExactly(a, c);
        HttpResponse<String> saved = visitor.submit(ranking, ranking,
                Map.of("atelier1-1", String.valueOf(c), "atelier1-2", String.valueOf(a), "atelier1-3", ""));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(saved.body()).select("[role=status]").text()).isEqualTo("Vos choix d'ateliers sont enregistrés.");
        assertThat(registrations.workshopChoices(bernard)).containsExactly(c, a);

        for (long id : List.of(dupont, durand, bernard, petit, roux)) {
            AgentLinks.confirm(registrations, id);
        }

        // Nothing computed yet: the page says so and offers to compute, after a confirmation page.
        Document empty = organiser.page(base());
        assertThat(empty.select("#etat-repartition").text()).startsWith("Aucune répartition n'est encore calculée");
        pages.put("allocation none", empty.outerHtml());
        pages.put("confirm computing", organiser.get(base() + "/calcul").body());
        HttpResponse<String> computed = organiser.submit(base() + "/calcul", base() + "/calcul", Map.of());
        assertThat(computed.statusCode()).isEqualTo(302);

        // Optimal: Roux A, Petit B, Bernard C (their first choices), one of Dupont/Durand A, the other B.
        Document draft = organiser.page(base());
        assertThat(draft.select("[role=status]").text()).startsWith("La répartition est calculée pour 5 participants");
        assertThat(draft.select("#profil span").text()).isEqualTo("4 ont leur premier choix, 1 son deuxième.");
        assertThat(draft.select("#charge-" + a + " td").get(1).text()).isEqualTo("2 / 2");
        assertThat(draft.select("#charge-" + b + " td").get(1).text()).isEqualTo("2 / 2");
        assertThat(draft.select("#charge-" + c + " td").get(1).text()).startsWith("1 (sans limite");
        assertThat(draft.select("#participants tbody tr")).hasSize(5);
        assertThat(draft.select("#participant-" + zola)).isEmpty();
        assertThat(draft.select("#participants tbody th").eachText())
                .containsExactly("BERNARD Camille", "DUPONT Camille", "DURAND Camille", "PETIT Camille", "ROUX Camille");
        assertThat(draft.select("#participant-" + bernard + " .given").text()).isEqualTo("3. Mobilité internationale");

        // Before publication, the agents read that the allocation is pending, and the convocation has no workshop.
        assertThat(workshopInSpace("Roux")).startsWith("La répartition dans les ateliers est en cours");
        pages.put("space pending", visitor.get(space("Roux")).body());
        assertThat(convocation("Roux")).doesNotContain("VOTRE ATELIER", "Le document idéal");

        // Petit moves into A, full already: allowed, and warned.
        HttpResponse<String> moved = organiser.submit(base(), base() + "/deplacement",
                Map.of("inscription", String.valueOf(petit), "atelier", String.valueOf(a)));
        assertThat(moved.statusCode()).isEqualTo(302);
        Document over = organiser.page(base());
        assertThat(over.select("[role=status]").text()).isEqualTo("Camille Petit est maintenant dans l'atelier n°1 « Le document idéal ».");
        assertThat(over.select("#avertissement").text())
                .isEqualTo("Attention : l'atelier n°1 « Le document idéal » compte 3 participants pour 2 places.");
        assertThat(over.select("#charge-" + a + " td").get(1).text()).contains("3 / 2", "Attention : 1 de plus que la capacité");
        assertThat(over.select("#participant-" + petit + " .rank").text()).isEqualTo("Hors de ses choix (déplacé à la main)");
        assertThat(over.select("#profil span").text())
                .isEqualTo("3 ont leur premier choix, 1 son deuxième, 1 un atelier qu'il n'avait pas choisi.");
        pages.put("allocation draft over capacity", over.outerHtml());

        // Bad moves change nothing.
        HttpResponse<String> badMove = organiser.submit(base(), base() + "/deplacement",
                Map.of("inscription", String.valueOf(petit), "atelier", "999999999"));
        assertThat(badMove.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(badMove.body()).select("#erreur").text()).startsWith("Cet atelier n'existe pas");
        HttpResponse<String> outsider = organiser.submit(base(), base() + "/deplacement",
                Map.of("inscription", String.valueOf(zola), "atelier", String.valueOf(c)));
        assertThat(Jsoup.parse(outsider.body()).select("#erreur").text())
                .isEqualTo("Cette personne ne fait pas partie de la répartition.");

        // Publishing over capacity asks for a confirmation of the excess.
        Document confirmPublish = organiser.page(base() + "/publication");
        assertThat(confirmPublish.text()).contains("Ateliers au-delà de leur capacité",
                "l'atelier n°1 « Le document idéal » compte 3 participants pour 2 places");
        pages.put("confirm publishing", confirmPublish.outerHtml());
        HttpResponse<String> unconfirmed = organiser.submit(base() + "/publication", base() + "/publication", Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(unconfirmed.body()).select("#depassement-erreur").text())
                .startsWith("Cochez la case pour publier malgré");
        pages.put("confirm publishing with error", unconfirmed.body());
        assertThat(workshopInSpace("Petit")).startsWith("La répartition dans les ateliers est en cours");

        HttpResponse<String> published = organiser.submit(base() + "/publication", base() + "/publication",
                Map.of("depassement", "oui"));
        assertThat(published.statusCode()).isEqualTo(302);
        Document after = organiser.page(base());
        assertThat(after.select("[role=status]").text())
                .isEqualTo("La répartition est publiée : 5 participants voient leur atelier.");
        assertThat(after.select("#etat-repartition").text()).startsWith("Répartition publiée le");
        assertThat(after.select("form.allocation-move")).isEmpty();
        pages.put("allocation published", after.outerHtml());
        assertThat(audit.of(dayId).get(0).details()).startsWith("Répartition dans les ateliers publiée : 5 participant(s)")
                .contains("au-delà de la capacité : atelier n°1 : 3 pour 2 places");

        // The agents see their workshop in their space and on their convocation.
        long inA = registrations.find(dupont).orElseThrow().hasWorkshop(a) ? dupont : durand;
        String inASurname = inA == dupont ? "Dupont" : "Durand";
        String inBSurname = inA == dupont ? "Durand" : "Dupont";
        assertThat(workshopInSpace("Petit")).isEqualTo("Votre atelier : 1. Le document idéal");
        assertThat(workshopInSpace("Bernard")).isEqualTo("Votre atelier : 3. Mobilité internationale");
        assertThat(workshopInSpace(inBSurname)).isEqualTo("Votre atelier : 2. Expertise territoriale");
        assertThat(convocation("Petit")).contains("VOTRE ATELIER\n1. Le document idéal");
        assertThat(convocation("Bernard")).contains("3. Mobilité internationale");
        assertThat(registrations.find(roux).orElseThrow().workshopIds()).containsExactly(a);
        assertThat(registrations.find(zola).orElseThrow().workshopIds()).isEmpty();
        // Each agent given a workshop was told by e-mail (outbox, same transaction), once.
        String petitEmail = registrations.find(petit).orElseThrow().email();
        QueuedMails queued = new QueuedMails(jdbc);
        assertThat(queued.to(petitEmail, "Votre atelier")).hasSize(1);
        assertThat(registrations.ofDay(dayId).stream().map(Registration::email).distinct()
                .mapToLong(email -> queued.to(email, "Votre atelier").size()).sum()).isEqualTo(5);

        // Choices can no longer be changed.
        Document closed = visitor.page(space("Bernard") + "/ateliers");
        assertThat(closed.select("[role=status]").text()).startsWith("Les choix d'ateliers ne peuvent plus être modifiés");
        HttpResponse<String> late = visitor.submit("/connexion", space("Bernard") + "/ateliers",
                Map.of("atelier1-1", String.valueOf(a), "atelier1-2", "", "atelier1-3", ""));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(registrations.workshopChoices(bernard)).containsExactly(c, a);

        // The roster of A: title, room, facilitator, the people sorted by surname.
        HttpResponse<byte[]> roster = organiser.getBytes(base() + "/" + a + "/liste.pdf");
        assertThat(roster.statusCode()).isEqualTo(200);
        assertThat(roster.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        try (PDDocument doc = Loader.loadPDF(roster.body())) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Atelier n°1 : Le document idéal");
            assertThat(doc.getDocumentInformation().getSubject()).startsWith("Liste des participants d'un atelier – ");
        }
        String text = pdfText(roster.body());
        assertThat(text).contains("Atelier n°1 : Le document idéal", "Salle Europe", "Yannick Lechevallier",
                "3 pour 2 places", "Commune de Petit-sur-Seine");
        List<String> order = new ArrayList<>();
        for (String name : List.of("BERNARD", "DUPONT", "DURAND", "PETIT", "ROUX")) {
            if (text.contains(name + " Camille")) {
                order.add(name);
            }
        }
        assertThat(order).containsExactly(inASurname.toUpperCase(), "PETIT", "ROUX");
        assertThat(text.indexOf(inASurname.toUpperCase())).isLessThan(text.indexOf("PETIT")).isLessThan(text.indexOf("ROUX"));
        assertThat(organiser.getBytes(base() + "/999999999/liste.pdf").statusCode()).isEqualTo(404);
        assertThat(new WebSession(port).get(base()).statusCode()).isNotEqualTo(200);

        // Unpublishing, after a confirmation page: pending again.
        pages.put("confirm unpublishing", organiser.get(base() + "/depublication").body());
        assertThat(organiser.submit(base() + "/depublication", base() + "/depublication", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(workshopInSpace("Petit")).startsWith("La répartition dans les ateliers est en cours");
        assertThat(organiser.page(base()).select("form.allocation-move")).hasSize(5);

        HtmlChecker.assertValid("workshop-allocation", pages);
    }

    @Test
    void computing_needs_workshops_and_confirmed_participants() throws Exception {
        HttpResponse<String> nobody = organiser.submit(base() + "/calcul", base() + "/calcul", Map.of());
        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(nobody.body()).select("#erreur").text())
                .isEqualTo("Aucune inscription n'est confirmée : il n'y a personne à répartir.");
        HttpResponse<String> publish = organiser.submit(base(), base() + "/publication", Map.of());
        assertThat(Jsoup.parse(publish.body()).select("#erreur").text())
                .isEqualTo("Aucune répartition n'est calculée : calculez-la d'abord.");
        // Without an allocation, a confirmation gives the best free workshop at once, as before.
        long id = register("Morel", a, b);
        AgentLinks.confirm(registrations, id);
        assertThat(registrations.find(id).orElseThrow().workshopIds()).containsExactly(a);
        assertThat(workshopInSpace("Morel")).isEqualTo("Votre atelier : 1. Le document idéal");
    }
}
