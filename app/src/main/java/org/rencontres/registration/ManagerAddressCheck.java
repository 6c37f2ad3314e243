package org.rencontres.registration;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.Directory;
import org.rencontres.directory.EmailDomains;
import org.springframework.stereotype.Component;

/**
 * The agent types their line manager's address on the request form, so they could type one of their
 * own and give the opinion themselves. Where the directory knows the employer's e-mail domains, a
 * manager's address outside them is flagged; an address equal to the agent's own is flagged always
 * (no domain is needed to see it). A flag informs the organiser, the manager and the training service:
 * it refuses nothing. No domain known and a different address: no flag.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ManagerAddressCheck {

    /** Why the address is doubtful: a message key taking the manager's address and the employer's domains. */
    record Flag(String messageKey, String manager, String domains) {
    }

    private final Directory directory;

    Optional<Flag> of(Registration r) {
        EmailDomains domains = r.employerOrganisationId() == null ? EmailDomains.none()
                : directory.emailDomains(r.employerOrganisationId());
        return of(r, domains);
    }

    /** The flags of many registrations, by registration id, with one look-up of the domains. */
    Map<Long, Flag> of(Collection<Registration> registrations) {
        Map<Long, EmailDomains> domains = directory.emailDomains(registrations.stream()
                .map(Registration::employerOrganisationId).filter(Objects::nonNull).distinct().toList());
        Map<Long, Flag> flags = new HashMap<>();
        for (Registration r : registrations) {
            EmailDomains d = r.employerOrganisationId() == null ? EmailDomains.none()
                    : domains.getOrDefault(r.employerOrganisationId(), EmailDomains.none());
            of(r, d).ifPresent(f -> flags.put(r.id(), f));
        }
        return flags;
    }

    static Optional<Flag> of(Registration r, EmailDomains domains) {
        String manager = r.lineManagerEmail();
        if (manager == null || manager.isBlank()) {
            return Optional.empty();
        }
        if (r.email() != null && manager.strip().equalsIgnoreCase(r.email().strip())) {
            return Optional.of(new Flag("registration.manager.flag.self", manager.strip(), domains.text()));
        }
        if (!domains.isEmpty() && !domains.covers(manager)) {
            return Optional.of(new Flag("registration.manager.flag.outside", manager.strip(), domains.text()));
        }
        return Optional.empty();
    }
}
