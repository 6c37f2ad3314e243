package org.rencontres.demo;

import static org.rencontres.programme.SlotKind.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.NewPerson;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.event.Contact;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.Partner;
import org.rencontres.event.Resource;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Venue;
import org.rencontres.networking.NetworkingDraft;
import org.rencontres.networking.NetworkingSessions;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.programme.SlotPersonDraft;
import org.rencontres.programme.SlotRole;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.Workshops;
import org.rencontres.workshops.WritingTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the day of {@code shared/seed/journee-aict-2020-programme.txt} with every element of its
 * brochure. Idempotent: a day with its session code already present is left alone, and an
 * advisory lock keeps two instances starting together from loading it twice.
 */
@Component
@ConditionalOnBooleanProperty(name = "rencontres.demo.enabled", matchIfMissing = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoDayLoader implements ApplicationRunner {

    static final SessionCode SESSION_CODE = new SessionCode("Z20IN 001");
    private static final long LOCK_KEY = 0x52454E43_44454D4FL; // "RENCDEMO"
    private static final Logger log = LoggerFactory.getLogger(DemoDayLoader.class);

    private final Days days;
    private final Programmes programmes;
    private final NetworkingSessions networking;
    private final Workshops workshops;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** Loads the demo day unless it is there; true when it was loaded now. */
    boolean load() {
        Boolean loaded = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK_KEY).query(Object.class).single();
            if (days.exists(SESSION_CODE)) {
                return false;
            }
            loadDay();
            return true;
        });
        if (Boolean.TRUE.equals(loaded)) {
            log.info("Demo day {} loaded: /journees/{}", SESSION_CODE, SESSION_CODE.slug());
        }
        return Boolean.TRUE.equals(loaded);
    }

    private void loadDay() {
        Organisation cnfpt = directory.organisationNamed(new NewOrganisation(
                "Centre national de la fonction publique territoriale – INSET de Nancy", "CNFPT – INSET de Nancy",
                OrganisationKind.PUBLIC_BODY, null, null, null, "Nancy",
                "https://www.cnfpt.fr"));
        Organisation agglo = directory.organisationNamed(new NewOrganisation(
                "Communauté d'agglomération Grand Paris Sud Seine-Essonnes-Sénart", "Grand Paris Sud",
                OrganisationKind.INTERCOMMUNALITE, null, "500 place des Champs-Élysées", "91080",
                "Évry-Courcouronnes", null));
        Organisation agence = directory.organisationNamed(NewOrganisation.named(
                "Agence du monde commun", OrganisationKind.OTHER));

        long pornet = person("Dominique", "Pornet Rivoire",
                "directrice Grand Est - Délégation de Lorraine, directrice par intérim de l'INSET de Nancy", cnfpt, null, null);
        long bisson = person("Michel", "Bisson",
                "président de la Communauté d'agglomération Grand Paris Sud Seine-Essonnes-Sénart", agglo, null, null);
        long thouary = person("Emmanuel", "Thouary",
                "chef du service Communication et ressources formatives, responsable des formations Europe et International, INSET de Nancy",
                cnfpt, "emmanuel.thouary@cnfpt.fr", "06 16 95 88 75");
        long lechevallier = person("Yannick", "Lechevallier", "directeur de l'Agence du monde commun", agence, null, null);

        long dayId = days.create(new DayDraft(
                SESSION_CODE,
                "Nouveaux mandats, nouvelles perspectives",
                "pour l'action internationale des collectivités territoriales (AICT)",
                "Europe et international",
                List.of(new SessionDayDraft(LocalDate.of(2020, 6, 25), LocalTime.of(9, 30), LocalTime.of(16, 30))),
                """
                2020, année électorale pour les municipalités et année de bilan et de réflexion prospective pour les agentes et agents territoriaux en charge de l'action internationale en collectivité territoriale (AICT).

                Les précédentes échéances, en 2014, s'étaient soldées par un net recul de l'AICT dans les collectivités locales, recul qui semble s'atténuer depuis quelques mois avec un certain regain de la question des liens entre les territoires et le monde et le rôle des autorités locales dans la marche de ce dernier.

                Dans la droite ligne de ce que nous notions dès 2018 et que nous avons abordé lors la précédente édition de cette journée d'actualité, *l'international en collectivité* est aujourd'hui l'objet d'une nouvelle vague de recrutements, signe d'un renouveau en marche.

                Au cours de cette rencontre, nous dresserons, de manière participative, un état des lieux des réflexions et des sujets abordés en collectivité en matière d'AICT. Nous étudierons *l'art et la manière* de les aborder. Nous partagerons et construirons collectivement des outils afin d'aider les agentes et agents territoriaux à engager un dialogue renouvelé avec les nouvelles équipes municipales, qui au lendemain des élections, auront à penser et conduire l'AICT et l'internationalisation de leur territoire.
                """,
                "Directeurs et directrices de l'action internationale, chargés et chargées de mission relations internationales, coopération décentralisée, Europe, jumelages, jeunesse, culture, etc.",
                "Pour vous inscrire, merci de vous rapprocher du service formation de votre collectivité (inscription en ligne).",
                "https://www.cnfpt.fr",
                true,
                cnfpt.id(),
                "INSET de Nancy",
                new Venue("Communauté d'agglomération Grand Paris Sud Seine-Essonnes-Sénart",
                        "Siège administratif de l'Agglomération Grand Paris Sud",
                        "500 place des Champs-Élysées", "91080", "Évry-Courcouronnes",
                        "500 place des Champs Élysées, 91054 Évry-Courcouronnes",
                        null, null,
                        "En RER : ligne D, gare d'Évry-Courcouronnes.\n"
                                + "La journée se tient au siège administratif de l'Agglomération, place des Champs-Élysées."),
                List.of(
                        new Contact(Contact.Purpose.PROGRAMME, "Emmanuel Thouary",
                                "chef du service Communication et ressources formatives, conseiller formations Europe et International",
                                "CNFPT – INSET de Nancy", "06 16 95 88 75", "emmanuel.thouary@cnfpt.fr"),
                        new Contact(Contact.Purpose.REGISTRATION, "Magali Belot", "secrétaire de formation",
                                "CNFPT – INSET de Nancy", "03 83 19 22 20", "magali.belot@cnfpt.fr")),
                List.of(new Partner(agglo.id(), "accueille la journée et offre le déjeuner")),
                List.of(
                        new Resource(Resource.Kind.COMMUNITY_LINK, "E-communauté Action internationale des collectivités territoriales",
                                "L'espace d'échange en ligne du CNFPT sur l'AICT.", "https://e-communaut.es.cnfpt.fr/", null),
                        new Resource(Resource.Kind.BROCHURE, "Plaquette du « Diagnostic territorial de mondialité » de Grand Paris Sud",
                                "Disponible sur la e-communauté AICT du CNFPT.", "https://e-communaut.es.cnfpt.fr/", null)),
                // The brochure: « DEJEUNER sur place et offert par la Communauté d'agglomération de Grand Paris Sud ».
                true));

        slot(dayId, "09:30", "10:00", WELCOME, null, "Accueil des participants et participantes", null, null);
        slot(dayId, "10:00", "10:15", SPEECH, null, "Allocutions d'ouverture", null, null,
                List.of(), List.of(
                        new SlotPersonDraft(pornet, SlotRole.SPEAKER, null, cnfpt.id(), "ou son représentant"),
                        new SlotPersonDraft(bisson, SlotRole.SPEAKER, null, agglo.id(), "ou son représentant")));
        slot(dayId, "10:00", "10:15", SPEECH, null, "Présentation du programme", null, null,
                List.of(), List.of(new SlotPersonDraft(thouary, SlotRole.SPEAKER, null, cnfpt.id(), null)));
        slot(dayId, "10:15", "11:15", TALK, "Exposés introductifs", "Nouveaux enjeux de l'AICT pour l'année 2020", null, null,
                List.of("Le diagnostic de mondialité", "Expertise territoriale et expatriation"), List.of());
        slot(dayId, "11:15", "12:15", INTERACTION, "Interaction", "L'AICT dans ma collectivité en 2020",
                "Écriture collective de l'état de l'art. Échanges en petits groupes.", null);
        slot(dayId, "12:15", "12:30", SHARING, "Mise en partage des expériences", "Mise en partage des expériences", null, null,
                List.of(), List.of(new SlotPersonDraft(lechevallier, SlotRole.MODERATOR, null, agence.id(), null)));
        slot(dayId, "12:30", "14:00", MEAL, null, "Déjeuner",
                "Sur place et offert par la Communauté d'agglomération de Grand Paris Sud.", null);
        long speedDating = slot(dayId, "12:45", "14:00", NETWORKING, "Interaction", "Le speed dating de l'AICT",
                "Rencontres par groupes de 6 personnes par rotation de 10 à 12 min autour d'intervenants animateurs.",
                "Speed dating");
        slot(dayId, "14:00", "14:30", TALK, "Exposé",
                "Présentation du « Diagnostic territorial de mondialité » de Grand Paris Sud",
                "Plaquette disponible sur la e-communauté AICT du CNFPT.", null);
        long atelier1 = slot(dayId, "14:30", "16:00", WORKSHOP, "Ateliers participatifs",
                "Le document idéal à produire et proposer aux futur(e)s élu(e)s", null, "Atelier n°1");
        long atelier2 = slot(dayId, "14:30", "16:00", WORKSHOP, "Ateliers participatifs",
                "Expertise territoriale et expatriation, mobilité internationale", null, "Atelier n°2");
        slot(dayId, "16:00", "16:15", SHARING, "Mise en partage des travaux en ateliers", "Mise en partage des travaux en ateliers",
                null, null, List.of(), List.of(new SlotPersonDraft(lechevallier, SlotRole.MODERATOR, null, agence.id(), null)));
        slot(dayId, "16:15", "16:30", CLOSING, null, "Mot de clôture", null, null);
        slot(dayId, "16:30", "16:30", END, null, "Fin de la journée d'actualité", null, null);

        networking.define(dayId, new NetworkingDraft(speedDating, "Le speed dating de l'AICT",
                "Rencontres par groupes de 6 personnes par rotation de 10 à 12 min autour d'intervenants animateurs, "
                        + "en parallèle du déjeuner à partir de 12h45.",
                6, 10, 12, true,
                List.of("ODD, FICOL, Cadre juridique et AICT",
                        "Formation AICT et CNFPT",
                        "Associations de migrants en Île-de-France",
                        "Expatriation et territoriaux",
                        "Déclaration de l'APD")));
        workshops.add(dayId, new WorkshopDraft(atelier1, 1,
                "Le document idéal (bilan, diagnostic de mondialité, etc.) à produire et proposer aux futur(e)s élu(e)s.",
                null, WritingTemplate.BRIGHT_MIRROR, null));
        workshops.add(dayId, new WorkshopDraft(atelier2, 2,
                "Expertise territoriale et expatriation, mobilité internationale : les nouveaux territoires de l'AICT.",
                null, null, null));

        days.tag(dayId, List.of("Europe et international", "Action internationale"));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
    }

    private long person(String given, String family, String jobTitle, Organisation organisation, String email,
                        String phone) {
        return directory.addPerson(new NewPerson(given, family, jobTitle, organisation.id(), email, phone)).id();
    }

    private long slot(long dayId, String start, String end, SlotKind kind, String format, String title,
                      String description, String track) {
        return slot(dayId, start, end, kind, format, title, description, track, List.of(), List.of());
    }

    private long slot(long dayId, String start, String end, SlotKind kind, String format, String title,
                      String description, String track, List<String> topics, List<SlotPersonDraft> people) {
        long sessionDay = days.days(dayId).orElseThrow().first().id();
        return programmes.addSlot(dayId, new SlotDraft(sessionDay, LocalTime.parse(start), LocalTime.parse(end), kind, format,
                title, description, track, false, false, topics, people));
    }
}
