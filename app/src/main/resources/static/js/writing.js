// Collective writing: one shared document per element with data-socket (the editor page has one, the
// projector up to four). The text is a Yjs document bound to a ProseMirror editor; every local change is
// sent to the server, kept here (and in localStorage) until the server acknowledges it, and sent again
// after a reconnection, so nothing typed while offline is lost. See WritingSocketHandler for the protocol.
import {
  Y, Awareness, encodeAwarenessUpdate, applyAwarenessUpdate,
  ySyncPlugin, yCursorPlugin, yUndoPlugin, undo, redo, ySyncPluginKey,
  absolutePositionToRelativePosition, relativePositionToAbsolutePosition, prosemirrorJSONToYXmlFragment,
  EditorState, Plugin, PluginKey, EditorView, Decoration, DecorationSet, Schema,
  basicSchema, addListNodes, wrapInList, liftListItem, sinkListItem, splitListItem,
  baseKeymap, toggleMark, setBlockType, keymap
} from '../vendor/collab/collab.js';

// Snapshots (3) are the server's to make: it sends them as COVERING frames.
const UPDATE = 1, AWARENESS = 2, COVERING = 4;
const REMOTE = 'remote';
const COLOURS = 8;
/** The fixed Yjs client id of template content: every browser lays out the same items, which Yjs merges as one. */
const SEED_CLIENT = 1;

const schema = new Schema({
  nodes: addListNodes(basicSchema.spec.nodes.remove('image').remove('code_block'), 'paragraph block*', 'block'),
  marks: basicSchema.spec.marks.remove('link').remove('code')
});

function colourOf(name) {
  let h = 0;
  for (const c of name || '') h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % COLOURS;
}

function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text) {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** The link of one Yjs document to the server: numbered updates in, acknowledged updates out. */
class Link {
  constructor(root, doc, awareness, hooks) {
    this.root = root;
    this.doc = doc;
    this.awareness = awareness;
    this.hooks = hooks;
    this.url = new URL(root.dataset.socket, location.href);
    this.url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    // One key per tab (two tabs of a document must not overwrite each other's unsent edits); a new tab
    // takes over the keys of the tabs before it (restore).
    this.storagePrefix = 'rencontres-writing-' + root.dataset.document + '-';
    this.storageKey = this.storagePrefix + Math.random().toString(36).slice(2);
    this.lastHeard = Date.now();
    this.gapSince = 0;
    this.have = 0;            // every update numbered up to this one is applied here
    this.seen = new Set();    // numbers above it already applied
    this.pending = new Map(); // local updates not yet acknowledged, by reference
    this.nextRef = 1;
    this.synced = false;
    this.everSynced = false;
    this.canEdit = false;
    this.retry = 500;
    this.ws = null;
    doc.on('update', (update, origin) => {
      if (origin === REMOTE) return;
      const ref = this.nextRef++;
      this.pending.set(ref, update);
      this.keep();
      if (this.synced) this.sendUpdate(ref, update);
      this.hooks.changed();
    });
    awareness.on('update', ({ added, updated, removed }, origin) => {
      if (origin === REMOTE) return;
      if (!added.concat(updated, removed).includes(doc.clientID) || this.presenceTimer) return;
      // Cursor moves come with every keystroke: one presence frame per 150 ms is enough.
      this.presenceTimer = setTimeout(() => {
        this.presenceTimer = null;
        if (this.isOpen() && this.canEdit) {
          this.sendFrame(AWARENESS, encodeAwarenessUpdate(awareness, [doc.clientID]));
        }
      }, 150);
    });
    this.restore();
  }

  isOpen() {
    return this.ws && this.ws.readyState === WebSocket.OPEN;
  }

  connect() {
    // Once the document has been here, a new attempt is still "offline" for the writer: edits are kept.
    this.hooks.status(this.everSynced ? 'offline' : 'connecting');
    const ws = new WebSocket(this.url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      this.retry = 500;
      this.lastHeard = Date.now();
      ws.send(JSON.stringify({ t: 'hello', since: this.have }));
    };
    ws.onmessage = event => {
      this.lastHeard = Date.now();
      if (typeof event.data === 'string') this.onText(JSON.parse(event.data));
      else this.onBinary(new Uint8Array(event.data));
    };
    ws.onclose = event => {
      if (this.ws !== ws) return;
      // 4403: access withdrawn (the "refused" message may not have arrived before the close).
      if (event.code === 4403) this.revoked = true;
      this.synced = false;
      this.oldestPending = 0;
      if (this.revoked) {
        if (this.canEdit) {
          this.canEdit = false;
          this.hooks.welcome({ ...(this.welcomeMessage || {}), canEdit: false });
        }
        this.hooks.status('revoked');
        return;
      }
      this.hooks.status('offline');
      // Others' presence is stale while we are away.
      const others = Array.from(this.awareness.getStates().keys()).filter(id => id !== this.doc.clientID);
      if (others.length) {
        others.forEach(id => this.awareness.states.delete(id));
        this.hooks.presence();
      }
      setTimeout(() => this.connect(), this.retry);
      this.retry = Math.min(this.retry * 2, 8000);
    };
  }

  /**
   * Checked every 5 s: a ping every 20 s (the server drops connections silent for 2 minutes); a connection that answers
   * nothing for 45 s, or leaves an update unacknowledged for 15 s, is dropped and made again; a
   * number missing for 3 s is asked for again.
   */
  watch() {
    setInterval(() => {
      if (!this.isOpen()) return;
      const now = Date.now();
      if (now - this.lastHeard > 45000 || (this.pending.size && this.oldestPending && now - this.oldestPending > 15000)) {
        this.ws.close();
        return;
      }
      if (this.seen.size) {
        if (!this.gapSince) this.gapSince = now;
        else if (now - this.gapSince > 3000) {
          this.gapSince = 0;
          this.ws.send(JSON.stringify({ t: 'hello', since: this.have }));
        }
      } else {
        this.gapSince = 0;
      }
      if (now - this.lastPing > 20000 || !this.lastPing) {
        this.lastPing = now;
        this.ws.send(JSON.stringify({ t: 'ping' }));
      }
    }, 5000);
  }

  /** Drops the connection as a network failure would (the offline test uses it through window.rencontresWriting). */
  disconnect() {
    if (this.ws) this.ws.close();
  }

  onText(message) {
    switch (message.t) {
      case 'welcome':
        this.welcomeMessage = message;
        this.canEdit = message.canEdit;
        this.hooks.welcome(message);
        break;
      case 'synced':
        this.markCovered(message.seq);
        this.synced = true;
        if (this.pending.size) {
          const merged = Y.mergeUpdates(Array.from(this.pending.values()));
          this.pending.clear();
          const ref = this.nextRef++;
          this.pending.set(ref, merged);
          this.sendUpdate(ref, merged);
        }
        if (!this.everSynced) {
          this.everSynced = true;
          this.hooks.firstSync();
        }
        if (this.canEdit && this.awareness.getLocalState()) {
          this.sendFrame(AWARENESS, encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
        }
        this.hooks.caughtUp();
        this.hooks.status('online');
        break;
      case 'ack':
        this.pending.delete(message.ref);
        this.oldestPending = this.pending.size ? Date.now() : 0;
        this.mark(message.seq);
        this.keep();
        this.hooks.status('online');
        break;
      case 'resync':
        if (this.isOpen()) this.ws.send(JSON.stringify({ t: 'hello', since: this.have }));
        break;
      case 'closed':
        // The organisers closed the document: read-only from now on (the server takes nothing more).
        this.canEdit = false;
        this.hooks.welcome({ ...(this.welcomeMessage || {}), canEdit: false, closed: true });
        this.hooks.status('closed');
        break;
      case 'refused':
        if (message.reason === 'access') {
          // Access withdrawn (registration withdrawn, moved to another workshop): no reconnection.
          this.revoked = true;
          this.canEdit = false;
          this.hooks.welcome({ ...(this.welcomeMessage || {}), canEdit: false });
          this.hooks.status('revoked');
          break;
        }
        this.hooks.status(message.reason === 'closed' ? 'closed' : message.reason === 'readonly' ? 'readonly' : 'refused');
        break;
    }
  }

  onBinary(bytes) {
    const type = bytes[0];
    if (type === UPDATE || type === COVERING) {
      const seq = Number(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(1));
      Y.applyUpdate(this.doc, bytes.subarray(9), REMOTE);
      if (type === COVERING) this.markCovered(seq); else this.mark(seq);
    } else if (type === AWARENESS) {
      applyAwarenessUpdate(this.awareness, bytes.subarray(1), REMOTE);
    }
  }

  mark(seq) {
    if (seq <= this.have) return;
    this.seen.add(seq);
    while (this.seen.has(this.have + 1)) {
      this.seen.delete(this.have + 1);
      this.have++;
    }
  }

  /** A snapshot (or the end of a catch-up) stands for every update up to its number. */
  markCovered(seq) {
    if (seq > this.have) this.have = seq;
    for (const s of this.seen) if (s <= this.have) this.seen.delete(s);
    while (this.seen.has(this.have + 1)) {
      this.seen.delete(this.have + 1);
      this.have++;
    }
  }

  sendUpdate(ref, update) {
    if (!this.isOpen()) return;
    if (!this.oldestPending) this.oldestPending = Date.now();
    const frame = new Uint8Array(5 + update.length);
    frame[0] = UPDATE;
    new DataView(frame.buffer).setUint32(1, ref);
    frame.set(update, 5);
    this.ws.send(frame);
  }

  sendFrame(type, payload) {
    if (!this.isOpen()) return;
    const frame = new Uint8Array(1 + payload.length);
    frame[0] = type;
    frame.set(payload, 1);
    this.ws.send(frame);
  }

  sendText(message) {
    if (this.isOpen()) this.ws.send(JSON.stringify(message));
  }

  /** Keeps the unacknowledged updates in localStorage, so that closing the page offline loses nothing. */
  keep(now) {
    clearTimeout(this.keepTimer);
    const write = () => {
      try {
        if (this.pending.size) {
          localStorage.setItem(this.storageKey, toBase64(Y.mergeUpdates(Array.from(this.pending.values()))));
        } else {
          localStorage.removeItem(this.storageKey);
        }
      } catch (e) {
        // storage full or refused: the updates stay in memory
      }
    };
    if (now) write(); else this.keepTimer = setTimeout(write, 200);
  }

  /**
   * Takes over the edits that earlier tabs of this document kept but could not send. They are queued
   * as they are, not through the document's update event: Yjs holds back an update whose context it
   * has not received yet and integrates it during the catch-up, whose origin is REMOTE.
   */
  restore() {
    const found = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key && key.startsWith(this.storagePrefix)) found.push(key);
      }
      for (const key of found) {
        const bytes = fromBase64(localStorage.getItem(key));
        this.pending.set(this.nextRef++, bytes);
        Y.applyUpdate(this.doc, bytes, REMOTE);
      }
      if (found.length) {
        this.keep(true);
        found.forEach(key => localStorage.removeItem(key));
      }
    } catch (e) {
      // storage refused: nothing to take over
    }
    addEventListener('pagehide', () => this.keep(true));
  }

  pendingCount() {
    return this.pending.size;
  }
}

function highlightPlugin(awareness) {
  const key = new PluginKey('rencontres-highlight');
  return new Plugin({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, old, oldState, newState) {
        const ystate = ySyncPluginKey.getState(newState);
        if (!ystate || !ystate.binding) return DecorationSet.empty;
        if (!tr.getMeta(key) && !tr.docChanged) return old;
        const decorations = [];
        awareness.getStates().forEach(state => {
          const h = state && state.highlight;
          if (!h) return;
          const from = relativePositionToAbsolutePosition(ystate.doc, ystate.type,
            Y.createRelativePositionFromJSON(h.anchor), ystate.binding.mapping);
          const to = relativePositionToAbsolutePosition(ystate.doc, ystate.type,
            Y.createRelativePositionFromJSON(h.head), ystate.binding.mapping);
          if (from !== null && to !== null && from !== to) {
            decorations.push(Decoration.inline(Math.min(from, to), Math.max(from, to), { class: 'writing-highlight' }));
          }
        });
        return DecorationSet.create(newState.doc, decorations);
      }
    },
    props: {
      decorations(state) {
        return key.getState(state);
      }
    },
    view(view) {
      const refresh = () => {
        view.dispatch(view.state.tr.setMeta(key, true));
        const marked = view.dom.querySelector('.writing-highlight');
        if (marked) marked.scrollIntoView({ block: 'center', behavior: 'smooth' });
      };
      awareness.on('change', refresh);
      return { destroy: () => awareness.off('change', refresh) };
    }
  });
}

function start(root) {
  const t = name => root.dataset['t' + name.charAt(0).toUpperCase() + name.slice(1)] || name;
  const status = root.querySelector('.writing-status');
  const presenceList = root.querySelector('#writing-presence');
  const toolbar = root.querySelector('#writing-toolbar');
  const place = root.querySelector('.writing-editor');
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const fragment = doc.getXmlFragment('prosemirror');
  const name = root.dataset.name || '';
  let view = null;
  let welcome = null;

  const showStatus = state => {
    let text = t(state);
    if (state === 'offline' && link.pendingCount()) text = t('offline') + ' ' + t('pending');
    if (welcome && !welcome.canEdit && state === 'online') text = t(welcome.closed ? 'closed' : 'readonly');
    if (status && status.textContent !== text) status.textContent = text;
    root.dataset.state = state;
  };

  const showPresence = () => {
    if (!presenceList) return;
    const items = [];
    awareness.getStates().forEach((state, id) => {
      if (!state || !state.user) return;
      items.push({ name: state.user.name, colour: state.user.color, me: id === doc.clientID });
    });
    items.sort((a, b) => (b.me - a.me) || a.name.localeCompare(b.name));
    presenceList.replaceChildren(...items.map(item => {
      const li = document.createElement('li');
      const dot = document.createElement('span');
      dot.className = 'writing-dot writing-c' + item.colour;
      dot.setAttribute('aria-hidden', 'true');
      li.append(dot, item.me ? item.name + ' ' + t('you') : item.name);
      return li;
    }));
    if (items.length <= 1) {
      const li = document.createElement('li');
      li.className = 'hint';
      li.textContent = t('alone');
      presenceList.append(li);
    }
  };
  awareness.on('change', showPresence);

  const link = new Link(root, doc, awareness, {
    status: showStatus,
    caughtUp: () => {},
    presence: showPresence,
    changed: () => {
      if (!link.synced) showStatus('offline');
    },
    welcome: message => {
      welcome = message;
      if (message.canEdit) {
        awareness.setLocalState({ user: { name: message.name, color: colourOf(message.name) } });
      } else {
        awareness.setLocalState(null);
      }
      if (view) view.setProps({ editable: () => link.canEdit });
    },
    firstSync: () => {
      const sections = (root.dataset.seed || '').split('|').filter(s => s.length);
      if (link.canEdit && fragment.length === 0 && sections.length) {
        const seed = new Y.Doc();
        seed.clientID = SEED_CLIENT;
        const content = [];
        sections.forEach(section => {
          content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: section }] });
          content.push({ type: 'paragraph' });
        });
        prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, seed.getXmlFragment('prosemirror'));
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed), 'seed');
      }
      view = createView();
      if (toolbar && link.canEdit) toolbar.hidden = false;
      showPresence();
    }
  });

  const createView = () => {
    const plugins = [
      ySyncPlugin(fragment),
      yCursorPlugin(awareness, {
        cursorBuilder: user => {
          const cursor = document.createElement('span');
          cursor.className = 'writing-cursor writing-c' + user.color;
          const label = document.createElement('span');
          label.className = 'writing-cursor-label';
          label.textContent = user.name;
          cursor.append('\u2060', label, '\u2060');
          return cursor;
        },
        selectionBuilder: user => ({ class: 'writing-selection writing-c' + user.color })
      }),
      yUndoPlugin(),
      highlightPlugin(awareness),
      keymap({
        'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo,
        'Mod-b': toggleMark(schema.marks.strong), 'Mod-i': toggleMark(schema.marks.em),
        'Enter': splitListItem(schema.nodes.list_item),
        'Mod-]': sinkListItem(schema.nodes.list_item), 'Mod-[': liftListItem(schema.nodes.list_item)
      }),
      keymap(baseKeymap)
    ];
    const editor = new EditorView(place, {
      state: EditorState.create({ schema, plugins }),
      editable: () => link.canEdit,
      attributes: {
        role: 'textbox', 'aria-multiline': 'true', 'aria-label': t('editor'), class: 'writing-text'
      }
    });
    place.dataset.ready = 'true';
    return editor;
  };

  const commands = {
    h2: () => setBlockType(schema.nodes.heading, { level: 2 }),
    h3: () => setBlockType(schema.nodes.heading, { level: 3 }),
    p: () => setBlockType(schema.nodes.paragraph),
    ul: () => wrapInList(schema.nodes.bullet_list),
    ol: () => wrapInList(schema.nodes.ordered_list),
    strong: () => toggleMark(schema.marks.strong),
    em: () => toggleMark(schema.marks.em),
    undo: () => undo,
    redo: () => redo,
    highlight: () => state => {
      const ystate = ySyncPluginKey.getState(state);
      const { from, to } = state.selection;
      if (from === to) return false;
      const rel = pos => Y.relativePositionToJSON(
        absolutePositionToRelativePosition(pos, ystate.type, ystate.binding.mapping));
      awareness.setLocalStateField('highlight', { anchor: rel(from), head: rel(to) });
      return true;
    },
    unhighlight: () => () => {
      awareness.setLocalStateField('highlight', null);
      return true;
    }
  };
  if (toolbar) {
    toolbar.addEventListener('click', event => {
      const button = event.target.closest('button[data-command]');
      if (!button || !view) return;
      commands[button.dataset.command]()(view.state, view.dispatch, view);
      view.focus();
    });
  }

  link.connect();
  link.watch();
  return { doc, link, awareness, text: () => (view ? view.state.doc.textContent : null), view: () => view };
}

const started = Array.from(document.querySelectorAll('[data-socket]')).map(start);
// For tests and the load benchmark: the documents of this page, their text and their connection.
window.rencontresWriting = started;
