package org.rencontres.programme;

import java.util.Optional;

/**
 * What another module hangs on a slot (a networking rotation, workshops). Implemented by those
 * modules, so that the programme, which cannot see them, never changes a slot's kind under them.
 */
public interface SlotDependents {

    /** What depends on that slot, in French ("le speed dating « … »"), if anything. */
    Optional<String> on(long dayId, long slotId);
}
