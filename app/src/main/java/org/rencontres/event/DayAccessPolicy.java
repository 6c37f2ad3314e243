package org.rencontres.event;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.security.Organiser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Days belong to an organising unit; organisers limited to a unit manage only its days. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DayAccessPolicy implements DayAccess {

    private final Days days;

    @Override
    public ManagedDay requireManage(Organiser organiser, String slug) {
        Day day = days.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (organiser == null || !organiser.mayManage(day.organisingUnit())) {
            throw new AccessDeniedException("Day " + day.sessionCode() + " belongs to another organising unit");
        }
        return new ManagedDay(day.id(), day.sessionCode().value(), day.sessionCode().slug(), day.fullTitle(),
                day.days());
    }
}
