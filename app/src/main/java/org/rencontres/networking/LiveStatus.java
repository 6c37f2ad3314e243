package org.rencontres.networking;

/** Where a live rotation's clock stands. */
enum LiveStatus {
    NOT_STARTED, RUNNING, PAUSED, FINISHED
}
