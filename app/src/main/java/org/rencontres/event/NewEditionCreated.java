package org.rencontres.event;

/**
 * An organiser duplicated a day as a new edition (a draft, at a new date). Published inside the
 * transaction that creates it: the modules that own a part of a day (programme, networking,
 * workshops) copy theirs in plain, synchronous listeners, so that a failed copy rolls the new
 * edition back with everything else.
 */
public record NewEditionCreated(long fromDayId, long toDayId) {
}
