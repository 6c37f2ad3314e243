package org.rencontres.networking;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.AgentSpaceLinks;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationState;
import org.springframework.stereotype.Component;

/** The agent's space links to their personal page in each published networking rotation. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NetworkingPagesForAgents implements AgentSpaceLinks {

    private final PublishedPlans plans;

    @Override
    public List<Link> of(Registration registration) {
        if (registration.state() != RegistrationState.CONFIRMED) {
            return List.of();
        }
        return plans.personalPages(registration.id()).stream().map(p -> new Link(p.title(), p.path())).toList();
    }
}
