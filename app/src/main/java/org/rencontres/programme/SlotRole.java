package org.rencontres.programme;

/** What a person does in a slot. */
public enum SlotRole {
    SPEAKER, MODERATOR, HOST
}
