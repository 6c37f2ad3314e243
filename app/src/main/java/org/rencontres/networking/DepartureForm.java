package org.rencontres.networking;

/** A departure as typed: the participant's id and the first round they miss (counted from 1). */
record DepartureForm(String participant, String tour) {
}
