package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.directory.Directory;
import org.rencontres.networking.NetworkingSession;
import org.rencontres.networking.NetworkingSessions;
import org.rencontres.programme.Programme;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.programme.SlotPerson;
import org.rencontres.programme.SlotRole;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.WritingTemplate;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;

/** The brochure of shared/seed/journee-aict-2020-programme.txt, element by element, as stored. */
@RencontresIntegrationTest
class DemoDayTest {

    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions networking;
    @Autowired Workshops workshops;
    @Autowired Directory directory;
    @Autowired List<ApplicationRunner> runners;

    private Day demo() {
        return days.findPublic("z20in001").orElseThrow();
    }

    @Test
    void the_day_its_code_date_venue_and_status() {
        Day day = demo();
        assertThat(day.sessionCode().value()).isEqualTo("Z20IN 001");
        assertThat(day.fullTitle()).isEqualTo(
                "Nouveaux mandats, nouvelles perspectives pour l'action internationale des collectivités territoriales (AICT)");
        assertThat(day.days().count()).isEqualTo(1);
        assertThat(day.days().first().date()).isEqualTo(LocalDate.of(2020, 6, 25));
        assertThat(day.days().first().startsAt()).isEqualTo(LocalTime.of(9, 30));
        assertThat(day.days().first().endsAt()).isEqualTo(LocalTime.of(16, 30));
        assertThat(day.zone().getId()).isEqualTo("Europe/Paris");
        assertThat(day.status()).isEqualTo(DayStatus.PUBLISHED);
        assertThat(day.programmeProvisional()).isTrue();
        assertThat(day.venue().street()).isEqualTo("500 place des Champs-Élysées");
        assertThat(day.venue().postcode()).isEqualTo("91080");
        assertThat(day.venue().city()).isEqualTo("Évry-Courcouronnes");
        assertThat(day.venue().postalAddress()).contains("91054");
        assertThat(day.context().paragraphs()).hasSize(4);
        assertThat(day.context().source()).contains("*l'international en collectivité*", "*l'art et la manière*");
        assertThat(day.audience()).startsWith("Directeurs et directrices de l'action internationale");
    }

    @Test
    void contacts_resources_and_partner() {
        Day day = demo();
        assertThat(day.contacts()).extracting(Contact::name, Contact::phone, Contact::email).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Emmanuel Thouary", "06 16 95 88 75", "emmanuel.thouary@cnfpt.fr"),
                org.assertj.core.groups.Tuple.tuple("Magali Belot", "03 83 19 22 20", "magali.belot@cnfpt.fr"));
        assertThat(day.resources()).extracting(Resource::kind)
                .containsExactly(Resource.Kind.COMMUNITY_LINK, Resource.Kind.BROCHURE);
        assertThat(day.resources().get(0).url()).isEqualTo("https://e-communaut.es.cnfpt.fr/");
        assertThat(day.partners()).hasSize(1);
        assertThat(day.registrationInstructions()).contains("service formation de votre collectivité");
    }

    @Test
    void every_slot_of_the_programme_with_its_time_and_people() {
        Programme programme = programmes.programmeOf(demo().id());
        assertThat(programme.slots()).extracting(s -> s.startsAt().toString()).containsExactly(
                "09:30", "10:00", "10:00", "10:15", "11:15", "12:15", "12:30", "12:45", "14:00", "14:30", "14:30",
                "16:00", "16:15", "16:30");
        Slot opening = programme.slots().get(1);
        assertThat(opening.people()).extracting(SlotPerson::familyName, SlotPerson::representative)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Pornet Rivoire", "ou son représentant"),
                        org.assertj.core.groups.Tuple.tuple("Bisson", "ou son représentant"));
        assertThat(programme.slots().get(2).people()).extracting(SlotPerson::familyName).containsExactly("Thouary");
        assertThat(programme.slots().get(3).topics())
                .containsExactly("Le diagnostic de mondialité", "Expertise territoriale et expatriation");
        assertThat(programme.slots().get(5).people(SlotRole.MODERATOR)).extracting(SlotPerson::familyName)
                .containsExactly("Lechevallier");
        assertThat(programme.slots().get(11).people(SlotRole.MODERATOR)).extracting(SlotPerson::organisation)
                .containsExactly("Agence du monde commun");
        assertThat(programme.slots().get(7).track()).isEqualTo("Speed dating");
        assertThat(programme.slots()).filteredOn(s -> s.startsAt().equals(LocalTime.of(14, 30)))
                .extracting(Slot::track).containsExactly("Atelier n°1", "Atelier n°2");
    }

    @Test
    void networking_rules_themes_and_workshops() {
        long dayId = demo().id();
        List<NetworkingSession> sessions = networking.ofDay(dayId);
        assertThat(sessions).hasSize(1);
        NetworkingSession speedDating = sessions.get(0);
        assertThat(speedDating.groupSize()).isEqualTo(6);
        assertThat(speedDating.rotationMinMinutes()).isEqualTo(10);
        assertThat(speedDating.rotationMaxMinutes()).isEqualTo(12);
        assertThat(speedDating.themesProvisional()).isTrue();
        assertThat(speedDating.themes()).hasSize(5).contains("Formation AICT et CNFPT", "Déclaration de l'APD");

        List<Workshop> list = workshops.ofDay(dayId);
        assertThat(list).extracting(Workshop::number).containsExactly(1, 2);
        assertThat(list.get(0).writingTemplate()).isEqualTo(WritingTemplate.BRIGHT_MIRROR);
        assertThat(list.get(1).title()).contains("les nouveaux territoires de l'AICT");
    }

    @Test
    void loading_again_changes_nothing() throws Exception {
        int people = directory.peopleByName().size();
        long demoDay = days.find("Z20IN001").orElseThrow().id();
        int slots = programmes.outline(demoDay).size();
        List<ApplicationRunner> demoLoaders = runners.stream()
                .filter(r -> r.getClass().getSimpleName().startsWith("DemoDayLoader")).toList();
        assertThat(demoLoaders).hasSize(1);
        demoLoaders.get(0).run(null);
        // (Session codes are unique: the same day, not a second one.)
        assertThat(days.find("Z20IN001").orElseThrow().id()).isEqualTo(demoDay);
        assertThat(directory.peopleByName()).hasSize(people);
        assertThat(programmes.outline(demoDay)).hasSize(slots);
    }
}
