package org.rencontres.event;

import org.rencontres.security.Organiser;

/**
 * Who may manage which day: an organiser limited to an organising unit manages only that unit's
 * days. Decided once a request by {@link ManagedDayResolver}: controllers take a {@link ManagedDay}
 * parameter and never call this themselves.
 */
public interface DayAccess {

    /**
     * The day at that address ({@code Z20IN001}) if the organiser may manage it.
     *
     * @throws org.springframework.web.server.ResponseStatusException 404 when there is no such day
     * @throws org.springframework.security.access.AccessDeniedException (403) when it belongs to another unit
     */
    ManagedDay requireManage(Organiser organiser, String slug);
}
