package org.rencontres.writing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.WorkshopDraft;
import org.rencontres.workshops.WritingTemplate;

/**
 * A day of its own (a draft in 2016) with two workshops of an afternoon slot, an organiser of its unit,
 * and confirmed participants: {@code perWorkshop} in each workshop.
 */
record WritingFixture(long dayId, String slug, String organiserEmail, List<Workshop> workshops,
                      List<List<Long>> participants) {

    static final String PASSWORD = "correct horse battery";

    static WritingFixture create(Days days, Programmes programmes, org.rencontres.workshops.Workshops workshops,
                                 Registrations registrations, Accounts accounts, int perWorkshop) {
        long n = System.nanoTime() % 100_000_000;
        String unit = "INSET de l'écriture " + n;
        String code = "ZECR " + n;
        long dayId = days.create(new DayDraft(new SessionCode(code), "Journée d'écriture", null, null, List.of(new SessionDayDraft(LocalDate.of(2016, 6, 23), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null,
                null, false, null, unit, null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(dayId, 200, 190, false));
        String email = "ecriture." + n + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Élise Écriture", Role.ORGANISER, unit, PASSWORD));
        long slot = programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(14, 0), LocalTime.of(16, 0), SlotKind.WORKSHOP,
                null, "Ateliers participatifs", null, null, false, false, List.of(), List.of()));
        workshops.add(dayId, new WorkshopDraft(slot, 1, "État de l'art", null, WritingTemplate.STATE_OF_THE_ART, perWorkshop));
        workshops.add(dayId, new WorkshopDraft(slot, 2, "Bright Mirror", null, WritingTemplate.BRIGHT_MIRROR, perWorkshop));
        List<Workshop> rooms = workshops.ofDay(dayId);
        List<List<Long>> people = new ArrayList<>();
        for (int w = 0; w < rooms.size(); w++) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < perWorkshop; i++) {
                long id = registrations.request(dayId, new RequestDraft("Redacteur" + w + "x" + i, "Agent",
                        "ecrit." + System.nanoTime() + "@test.fr", "01 60 79 74 00", "Juriste", null, "Commune " + i, null,
                        null, null, Instant.parse("2016-01-10T10:00:00Z")), "fr", null, List.of(rooms.get(w).id()));
                registrations.advance(id, "orga@cnfpt.fr", null);
                registrations.advance(id, "orga@cnfpt.fr", null);
                registrations.confirm(id, "orga@cnfpt.fr");
                ids.add(id);
            }
            people.add(ids);
        }
        return new WritingFixture(dayId, new SessionCode(code).slug(), email, rooms, people);
    }
}
