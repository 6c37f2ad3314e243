/**
 * Collective writing: a shared rich-text document per workshop and per small group, edited by many
 * people at once in the browser with Yjs (a CRDT). The server does not read the text: it checks who
 * may write, numbers and stores every Yjs update in PostgreSQL (compacted into snapshots that an
 * editor's browser computes on request), relays each update to the other clients of this instance
 * over WebSocket and to the other instances through LISTEN/NOTIFY. The editors' browsers also send
 * the text as HTML a few seconds after each change, which is what the exports and the published
 * resources are made of.
 */
@ApplicationModule(displayName = "Collective writing")
package org.rencontres.writing;

import org.springframework.modulith.ApplicationModule;
