package org.rencontres.registration.allocation;

import org.rencontres.registration.Registration;

/**
 * A published allocation gave a confirmed agent their workshops. Published inside the publication's
 * transaction; the module's mails hear it there and tell the agent (outbox).
 */
public record WorkshopGiven(Registration registration) {
}
