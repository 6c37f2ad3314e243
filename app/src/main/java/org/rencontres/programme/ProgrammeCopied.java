package org.rencontres.programme;

import java.util.Map;

/**
 * A day's programme was copied to a new edition, in the transaction that creates it: the modules
 * whose parts hang on slots (networking, workshops) copy theirs onto the new slots in a plain,
 * synchronous listener, so that a failure rolls the whole new edition back.
 *
 * @param slotCopies the new slot id of each slot of the source day
 */
public record ProgrammeCopied(long fromDayId, long toDayId, Map<Long, Long> slotCopies) {

    public ProgrammeCopied {
        slotCopies = Map.copyOf(slotCopies);
    }
}
