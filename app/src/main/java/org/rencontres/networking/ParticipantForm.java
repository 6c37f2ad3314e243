package org.rencontres.networking;

/** A participant typed by hand. */
record ParticipantForm(String nom, String organisation) {
}
