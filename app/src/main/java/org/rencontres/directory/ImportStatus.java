package org.rencontres.directory;

/** What confirming the import would do with a line. */
enum ImportStatus {
    NEW, UPDATE, ERROR
}
