// yjs on the server, run by GraalJS (WritingEngine.java). The browsers' CRDT itself, same version as
// tools/collab, so that what the server accepts and reads is exactly what the browsers make.
// Bytes cross the boundary as Uint8Array (made by the Java side from its byte arrays).
import './shim.js';
import * as Y from 'yjs';

/** The documents open on this instance, by id: each holds every update accepted so far. */
const live = new Map();

function integrated(doc) {
  return doc.store.pendingStructs === null && doc.store.pendingDs === null;
}

function fresh(updates) {
  const doc = new Y.Doc();
  for (let i = 0; i < updates.length; i++) Y.applyUpdate(doc, updates[i]);
  return doc;
}

/** A Y.XmlFragment as plain data: {n, a, c} per element, {t, m} per run of text (m: its marks). */
function tree(type) {
  return type.toArray().map(child => {
    if (child instanceof Y.XmlText) {
      return child.toDelta().filter(d => typeof d.insert === 'string')
        .map(d => ({ t: d.insert, m: d.attributes || {} }));
    }
    if (child instanceof Y.XmlElement) {
      return [{ n: child.nodeName, a: child.getAttributes(), c: tree(child) }];
    }
    return [];
  }).flat();
}

globalThis.RencontresYjs = {
  /** yjs itself, for the tests and the benchmark, which write documents as a browser would. */
  Y,
  /**
   * Throws unless the bytes decode in full as a Yjs update (random bytes, an update cut short);
   * decoding touches no document. Bytes after a whole update are ignored, here as by every client.
   */
  decodes(update) {
    Y.decodeUpdate(update);
    return true;
  },
  /** Opens a live document from its stored updates; false when they do not make a whole document. */
  open(id, updates) {
    const doc = fresh(updates);
    live.set(id, doc);
    return integrated(doc);
  },
  isOpen(id) {
    return live.has(id);
  },
  /** Applies an update to a live document: false when it needs something the document does not have. */
  apply(id, update) {
    const doc = live.get(id);
    Y.applyUpdate(doc, update);
    return integrated(doc);
  },
  drop(id) {
    const doc = live.get(id);
    if (doc) doc.destroy();
    live.delete(id);
  },
  openCount() {
    return live.size;
  },
  /** The whole document made of these updates, as one update (a snapshot). */
  state(updates) {
    const doc = fresh(updates);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return state;
  },
  /** The text of the editor (the fragment 'prosemirror' that y-prosemirror binds) as JSON. */
  text(updates) {
    const doc = fresh(updates);
    const json = JSON.stringify(tree(doc.getXmlFragment('prosemirror')));
    doc.destroy();
    return json;
  }
};
