package org.rencontres.networking;

/** Where a live rotation's clock stands. */
public enum LiveStatus {
    NOT_STARTED, RUNNING, PAUSED, FINISHED
}
