package org.rencontres.registration;

import java.util.List;

/**
 * What other modules add to an agent's space: links to their own pages for this registration (for
 * instance the personal page of the networking rotation). Implemented outside the registration
 * module, which knows none of them.
 */
public interface AgentSpaceLinks {

    /** A link of the agent's space: its text and the site-relative address it leads to. */
    record Link(String text, String path) {
    }

    List<Link> of(Registration registration);

    /**
     * The links of the space opened by {@code token}, for a module whose pages hang under the space's own
     * address ({@code /inscription/espace/{token}/…}, checked by {@link SpaceLinks#registrationOf}); by
     * default those of {@link #of(Registration)}.
     */
    default List<Link> of(Registration registration, String token) {
        return of(registration);
    }
}
