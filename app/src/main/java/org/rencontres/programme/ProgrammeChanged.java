package org.rencontres.programme;

/**
 * The programme of a day changed (a slot added, edited, moved or removed, a person attached or
 * detached): whoever shows the programme (the public page's cache) should forget what it knows.
 */
public record ProgrammeChanged(long dayId) {
}
