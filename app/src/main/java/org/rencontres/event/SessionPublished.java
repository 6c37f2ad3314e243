package org.rencontres.event;

/**
 * A draft session was published (a cancelled one put back is {@link SessionReinstated}): published in the
 * change's transaction, for the modules above that tell the outside world (webhooks).
 */
public record SessionPublished(long dayId) {
}
