package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rencontres.registration.RegistrationState.AWAITING_ORGANISER;
import static org.rencontres.registration.RegistrationState.AWAITING_TRAINING_SERVICE;
import static org.rencontres.registration.RegistrationState.CONFIRMED;
import static org.rencontres.registration.RegistrationState.REFUSED;
import static org.rencontres.registration.RegistrationState.WAITING_LIST;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.directory.TrainingContactForm;
import org.rencontres.directory.TrainingContacts;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.notification.QueuedMails;
import org.rencontres.notification.QueuedMails.QueuedMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The registration module alone with the modules it depends on (no web pages of the others, no demo day), on the
 * real embedded PostgreSQL: an agent's request goes through the chain to a confirmation with its e-mail, and each
 * change of state is announced as a {@link RegistrationChanged}.
 */
// Beyond the modules whose beans registration's code injects: database (the embedded PostgreSQL), web (the
// templates' @formats bean), registrants (while it exists) and attendance (networking, reached through event today,
// needs registrants' bridge back to registration). Modulith ignores a module name that no longer exists.
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {"database", "web", "registrants", "attendance"})
class RegistrationModuleTest {

    private static final String DECISION = "/inscription/decision/";

    @Autowired Registrations registrations;
    @Autowired Days days;
    @Autowired Directory directory;
    @Autowired TrainingContacts contacts;
    @Autowired JdbcClient jdbc;

    private QueuedMails mails;
    private long n;
    private long dayId;
    private Organisation employer;
    private String service;

    @BeforeEach
    void aDayWithSeatsAndAnEmployer() {
        mails = new QueuedMails(jdbc);
        n = System.nanoTime() % 100_000_000;
        dayId = days.create(new DayDraft(new SessionCode("ZMOD " + n), "Journée du module", null, null, List.of(new SessionDayDraft(LocalDate.now().plusMonths(2), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null,
                null, false, null, "INSET du module", null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 1, 48, false));
        employer = directory.organisationNamed(NewOrganisation.named("Commune du Module " + n, OrganisationKind.COMMUNE));
        service = "formation" + n + "@module.test";
        contacts.add(employer.id(), new TrainingContactForm("Service formation", service));
    }

    private RequestDraft agent(String givenName, String email) {
        return new RequestDraft("Martin", givenName, email, "01 60 79 74 00", "Assistante RH", employer.id(), employer.name(),
                null, null, null, Instant.now());
    }

    /** The token of the last decision link e-mailed to the training service. */
    private String decisionToken() {
        String path = mails.lastLink(service, DECISION).orElseThrow(() -> new AssertionError("no decision link to " + service));
        return path.substring(DECISION.length());
    }

    @Test
    void a_request_goes_through_the_chain_to_a_confirmation_with_its_email(Scenario scenario) {
        String email = "lea" + n + "@module.test";
        long id = registrations.submit(dayId, agent("Léa", email), "fr", List.of());
        assertThat(registrations.find(id).orElseThrow().state()).isEqualTo(AWAITING_TRAINING_SERVICE);
        assertThat(mails.subjects(email)).containsExactly("Demande d'inscription reçue : Journée du module");
        String token = decisionToken();

        // The training service accepts through its single-use link; the organiser confirms.
        assertThat(registrations.trainingServiceDecision(token, true, null)).isEqualTo(AWAITING_ORGANISER);
        assertThatThrownBy(() -> registrations.trainingServiceDecision(token, true, null))
                .as("a used link decides nothing more").isInstanceOf(RuntimeException.class);
        scenario.stimulate(() -> registrations.confirm(id, "Organisatrice"))
                .andWaitForEventOfType(RegistrationChanged.class)
                .matching(change -> change.registration().id() == id && change.from() == AWAITING_ORGANISER)
                .toArriveAndVerify(change -> {
                    assertThat(change.to()).isEqualTo(CONFIRMED);
                    assertThat(change.registration().state()).isEqualTo(CONFIRMED);
                });

        assertThat(registrations.history(id)).extracting(Transition::to)
                .containsExactly(RegistrationState.REQUESTED, AWAITING_TRAINING_SERVICE, AWAITING_ORGANISER, CONFIRMED);
        assertThat(mails.subjects(email)).containsExactly("Demande d'inscription reçue : Journée du module",
                "Demande acceptée par votre service formation : Journée du module",
                "Inscription confirmée et convocation : Journée du module");
        QueuedMail confirmation = mails.to(email, "Inscription confirmée").get(0);
        assertThat(confirmation.text()).contains("Bonjour Léa Martin", "est confirmée", "/inscription/espace/");
        assertThat(mails.attachment(confirmation.id(), "application/pdf")).startsWith("%PDF".getBytes());
    }

    @Test
    void a_full_day_puts_the_next_confirmation_on_the_waiting_list_and_a_refusal_tells_the_agent_why(Scenario scenario) {
        String first = "premier" + n + "@module.test";
        String second = "second" + n + "@module.test";
        long seated = registrations.registerByService(dayId, agent("Paul", first), service, List.of());
        long waiting = registrations.registerByService(dayId, agent("Rose", second), service, List.of());
        assertThat(registrations.confirm(seated, "Organisatrice")).isEqualTo(CONFIRMED);

        scenario.stimulate(() -> registrations.confirm(waiting, "Organisatrice"))
                .andWaitForEventOfType(RegistrationChanged.class)
                .matching(change -> change.registration().id() == waiting && change.from() == AWAITING_ORGANISER)
                .toArriveAndVerify(change -> assertThat(change.to()).isEqualTo(WAITING_LIST));
        assertThat(registrations.waitingList(dayId)).extracting(Registration::id).containsExactly(waiting);
        assertThat(mails.to(second, "Inscription confirmée")).isEmpty();
        assertThat(mails.subjects(second)).contains("Inscription sur liste d'attente : Journée du module");

        String late = "tardive" + n + "@module.test";
        long refused = registrations.submit(dayId, agent("Inès", late), "fr", List.of());
        scenario.stimulate(() -> registrations.trainingServiceDecision(decisionToken(), false, "Service en sous-effectif"))
                .andWaitForEventOfType(RegistrationChanged.class)
                .matching(change -> change.registration().id() == refused && change.from() == AWAITING_TRAINING_SERVICE)
                .toArriveAndVerify(change -> {
                    assertThat(change.to()).isEqualTo(REFUSED);
                    assertThat(change.reason()).isEqualTo("Service en sous-effectif");
                });
        assertThat(mails.lastText(late)).contains("a été refusée", "Service en sous-effectif");
    }
}
