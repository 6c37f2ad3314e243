/**
 * A whole session as one JSON document ({@code docs/session-document.schema.json}): its export from
 * the back office, and its import as a new draft after a check against the schema and a preview. A
 * top module, like {@code daypage}: it reads and writes through the public APIs of event,
 * programme, networking, workshops and directory, and no module depends on it.
 */
@ApplicationModule(displayName = "Exchange")
package org.rencontres.exchange;

import org.springframework.modulith.ApplicationModule;
