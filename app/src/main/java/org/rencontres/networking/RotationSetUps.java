package org.rencontres.networking;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationData.Settings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rotation's set-up read and written whole, for the session document ({@code exchange}): the
 * back office changes it one setting or table at a time ({@link RotationSetup}), with its own checks.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RotationSetUps {

    private final RotationStore store;

    public RotationSetUp of(NetworkingSession session) {
        Settings s = store.settings(session);
        return new RotationSetUp(s.rotationMinutes(), s.changeoverMinutes(), s.roundsChosen(), s.tableOnce(),
                s.separateOrganisations(), store.tables(session.id()).stream()
                        .map(t -> new RotationSetUp.Table(t.name(), t.place(), t.capacity(), t.hostPersonId(),
                                t.hostName(), t.theme()))
                        .toList());
    }

    /** Gives a new rotation (no table yet, no plan) its settings and tables, in the caller's transaction. */
    @Transactional
    public void setUp(long sessionId, RotationSetUp setUp) {
        store.lock(sessionId);
        store.saveSettings(sessionId, new Settings(setUp.rotationMinutes(), setUp.changeoverMinutes(),
                setUp.roundsChosen(), setUp.tableOnce(), setUp.separateOrganisations()));
        for (RotationSetUp.Table t : setUp.tables()) {
            store.addTable(sessionId, new RoomTable(0, t.name(), t.place(), t.capacity(), t.hostPersonId(),
                    t.hostName(), t.theme(), 0));
        }
    }
}
