package org.rencontres.programme;

/** What happens in a slot. */
public enum SlotKind {
    WELCOME, SPEECH, TALK, INTERACTION, SHARING, MEAL, NETWORKING, WORKSHOP, CLOSING, END
}
