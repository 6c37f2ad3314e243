package org.rencontres.networking;

import java.time.Duration;

import org.rencontres.networking.RotationData.Settings;
import org.rencontres.programme.Slot;

/** How many rounds fit in the slot, and how many the rotation will have. */
record Rounds(int slotMinutes, int fitting, Integer chosen, int effective) {

    static Rounds of(Slot slot, Settings s) {
        int slotMinutes = (int) Duration.between(slot.startsAt(), slot.endsAt()).toMinutes();
        int fitting = Math.max(0, (slotMinutes + s.changeoverMinutes()) / (s.rotationMinutes() + s.changeoverMinutes()));
        int effective = s.roundsChosen() == null ? fitting : Math.min(s.roundsChosen(), fitting);
        return new Rounds(slotMinutes, fitting, s.roundsChosen(), effective);
    }
}
