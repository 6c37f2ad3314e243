package org.rencontres.networking;

/** A round at the tables, or the changeover when people move to their next table. */
enum LivePhase {
    ROUND, CHANGEOVER
}
