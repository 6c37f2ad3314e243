package org.rencontres.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.TrainingContact;
import org.rencontres.directory.TrainingContacts;
import org.rencontres.shared.FrenchTime;
import org.springframework.stereotype.Component;

/**
 * For whom and since when a request on the approval chain waits: its line manager, its employer's
 * training service (with their addresses), or the organiser, with the reason when the organiser
 * stands in for a training service that no one can ask (a typed employer, or an organisation of the
 * directory without a training-service address). Read by the queue, the request's page, the
 * automatic reminders and the organisers' digest, so they all say the same.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApprovalWaits {

    /** Who is expected to act on a request. */
    enum Whom { MANAGER, TRAINING_SERVICE, ORGANISER }

    /**
     * A request that waits.
     *
     * @param addresses the addresses that were (or can be) asked, empty for the organiser
     * @param reasonKey the message key of why it falls to the organiser ({0}: the employer), or null
     */
    record Wait(long registrationId, RegistrationState state, Instant since, Whom whom, List<String> addresses,
                String reasonKey, String employer) {

        /** Whole days since the request entered its step, counted on Paris dates. */
        public long days(Instant now) {
            LocalDate from = since.atZone(FrenchTime.PARIS).toLocalDate();
            return Math.max(0, ChronoUnit.DAYS.between(from, now.atZone(FrenchTime.PARIS).toLocalDate()));
        }

        /** Whether someone other than the organiser can be sent the link again or reminded. */
        public boolean approverToAsk() {
            return whom != Whom.ORGANISER && !addresses.isEmpty();
        }
    }

    static final Set<RegistrationState> WAITING = Set.of(RegistrationState.AWAITING_MANAGER,
            RegistrationState.AWAITING_TRAINING_SERVICE, RegistrationState.AWAITING_ORGANISER);

    private final RegistrationQueries queries;
    private final TrainingContacts contacts;

    /** The waits of the day's requests on the chain, by registration id. */
    Map<Long, Wait> ofDay(long dayId, Collection<Registration> registrations) {
        Map<Long, Instant> since = queries.sinceOfDay(dayId);
        return of(registrations, since);
    }

    Map<Long, Wait> of(Collection<Registration> registrations, Map<Long, Instant> since) {
        List<Registration> waiting = registrations.stream().filter(r -> WAITING.contains(r.state())).toList();
        Map<Long, List<TrainingContact>> services = contacts.of(waiting.stream()
                .map(Registration::employerOrganisationId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, Wait> waits = new HashMap<>();
        for (Registration r : waiting) {
            Instant at = since.getOrDefault(r.id(), r.createdAt());
            waits.put(r.id(), waitOf(r, at, r.employerOrganisationId() == null ? List.of()
                    : services.getOrDefault(r.employerOrganisationId(), List.of())));
        }
        return waits;
    }

    /** The wait of one request, if it is on the chain. */
    java.util.Optional<Wait> of(Registration r) {
        if (!WAITING.contains(r.state())) {
            return java.util.Optional.empty();
        }
        Instant at = queries.since(r.id()).orElse(r.createdAt());
        return java.util.Optional.of(waitOf(r, at,
                r.employerOrganisationId() == null ? List.of() : contacts.of(r.employerOrganisationId())));
    }

    private static Wait waitOf(Registration r, Instant since, List<TrainingContact> services) {
        String employer = r.employerName() == null || r.employerName().isBlank() ? "—" : r.employerName().strip();
        return switch (r.state()) {
            case AWAITING_MANAGER -> r.lineManagerEmail() == null
                    ? new Wait(r.id(), r.state(), since, Whom.ORGANISER, List.of(), "registration.wait.reason.no.manager", employer)
                    : new Wait(r.id(), r.state(), since, Whom.MANAGER, List.of(r.lineManagerEmail()), null, employer);
            case AWAITING_TRAINING_SERVICE -> {
                if (r.employerOrganisationId() == null) {
                    yield new Wait(r.id(), r.state(), since, Whom.ORGANISER, List.of(),
                            "registration.wait.reason.typed", employer);
                }
                if (services.isEmpty()) {
                    yield new Wait(r.id(), r.state(), since, Whom.ORGANISER, List.of(),
                            "registration.wait.reason.no.service", employer);
                }
                yield new Wait(r.id(), r.state(), since, Whom.TRAINING_SERVICE,
                        services.stream().map(TrainingContact::email).toList(), null, employer);
            }
            default -> new Wait(r.id(), r.state(), since, Whom.ORGANISER, List.of(), null, employer);
        };
    }
}
