// Load test of collective writing (issue 7): simulated editors, each a real Yjs client speaking the
// protocol of /ecriture/ws/{id} exactly as app/src/main/resources/static/js/writing.js does (hello with
// the last number applied, [1][ref][update] acknowledged, incoming [1]/[4] applied in any order, a
// snapshot [3][upTo][state] when the server asks for one, reconnection with catch-up), all in one
// process so that every client shares one clock.
//
//   node bench/writing-load.mjs <base url> <cookie header> <edits per client> <ms between edits> \
//        <name>=<document id>,<document id>…:<clients per document>[/2] …
//
// With "/2" (and BENCH_SECOND="<base url of a second instance> <its cookie header>"), the clients of
// each document are dealt alternately to the two instances, so that half of the edits cross over
// PostgreSQL's LISTEN/NOTIFY; the final check then also rebuilds the text through the second instance.
//
// Every scenario on the command line runs after the previous one. Each client makes its edits at a
// steady rate (± 50 % jitter), each inserting a unique marker "c<client>-e<edit> " at a random
// boundary between markers of the first paragraph (so that markers stay whole and the final text can
// be checked word by word). Propagation is measured per edit and per other client of the document:
// from the sender's local change to the moment the edit is integrated in the receiver's Yjs document
// (Yjs state vector of the sender's client id), so an edit held back because an earlier one is late
// counts until it is really there. After the edits, once every client's updates are acknowledged and
// the clients of a document agree, the check: every client's text holds every marker of its document
// exactly once, and a fresh client (hello since 0) rebuilds the same text from what the server stored.
// With BENCH_DROPS=n, every client also loses its connection n times at random moments while it edits
// (as a network failure would: no close handshake), keeps editing offline, and comes back 500 ms later
// as the browser does (hello since its last number, its unacknowledged edits merged and sent again).
// A scenario may have only some of its clients follow the text ("+F": F followers): the others, typists, make
// their edits into their own Yjs document and read every frame the server sends them (numbers, catch-up) but
// apply none of the others' updates, as if the 200 browsers of a room were on 200 machines and not all in this
// one process; propagation is then measured on the followers only, and the check asks every follower's text to
// hold every marker of the document (the typists' included) once, and every typist's edits acknowledged.
// Prints a Markdown summary and a JSON line; exit status 0 only if every check passed.
import * as Y from 'yjs';
import WebSocket from 'ws';
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';

const UPDATE = 1, SNAPSHOT = 3, COVERING = 4;
const REMOTE = 'remote';
const SEED_CLIENT = 1;
const QUIET_TIMEOUT_MS = 120_000;
const DROPS = Number(process.env.BENCH_DROPS || 0);

const [base, cookie, editsArg, intervalArg, ...scenarioArgs] = process.argv.slice(2);
if (!base || cookie === undefined || !scenarioArgs.length) {
  console.error('usage: node writing-load.mjs <base url> <cookie header> <edits> <interval ms> name=id,id…:clients …');
  process.exit(2);
}
const EDITS = Number(editsArg || 75);
const INTERVAL = Number(intervalArg || 200);
const endpoints = [{ ws: base.replace(/^http/, 'ws'), cookie }];
if (process.env.BENCH_SECOND) {
  const [secondBase, ...secondCookie] = process.env.BENCH_SECOND.split(' ');
  endpoints.push({ ws: secondBase.replace(/^http/, 'ws'), cookie: secondCookie.join(' ') });
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The same seed in every client: one paragraph laid out by a fixed client id, merged by Yjs as one. */
function seedUpdate() {
  const seed = new Y.Doc();
  seed.clientID = SEED_CLIENT;
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText()]);
  seed.getXmlFragment('prosemirror').insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(seed);
}
const SEED = seedUpdate();

function textOf(doc) {
  const paragraph = doc.getXmlFragment('prosemirror').get(0);
  if (!paragraph) return '';
  const text = paragraph.get(0);
  return text ? text.toString() : '';
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function stats(values) {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99), max: sorted.length ? sorted[sorted.length - 1] : NaN
  };
}

/** One editor (or the fresh reader of the final check): a Yjs document and its link to the server. */
class Client {
  constructor(scenario, room, label, { edits = 0, interval = INTERVAL, measure = true, endpoint = endpoints[0], follow = true } = {}) {
    this.follow = follow;
    this.scenario = scenario;
    this.interval = interval;
    this.endpoint = endpoint;
    this.room = room;
    this.label = label;
    this.editsToMake = edits;
    this.measure = measure;
    this.doc = new Y.Doc();
    this.have = 0;
    this.seen = new Set();
    this.pending = new Map();
    this.nextRef = 1;
    this.synced = false;
    this.everSynced = false;
    this.closedByUs = false;
    this.markers = [];
    this.sentAt = new Map();      // ref -> time, for the acknowledgement round trip
    this.connects = 0;
    this.refusals = [];
    this.compactAsked = 0;
    this.snapshotsSent = 0;
    this.coveringReceived = [];
    this.received = new Map();    // sender client -> index of its next edit not yet seen here
    this.doc.on('update', (update, origin) => {
      if (origin === REMOTE) return;
      const ref = this.nextRef++;
      this.pending.set(ref, update);
      if (this.synced) this.sendUpdate(ref, update);
    });
    if (measure && follow) {
      // Only the clients whose clock this transaction moved (200 editors: not 199 look-ups per update).
      this.doc.on('afterTransaction', tr => {
        if (tr.origin !== REMOTE) return;
        const now = performance.now();
        for (const [clientId, clock] of tr.afterState) {
          if (clock === (tr.beforeState.get(clientId) || 0)) continue;
          const sender = room.byClientId.get(clientId);
          if (!sender || sender === this) continue;
          let i = this.received.get(sender) || 0;
          const log = sender.editLog;
          while (i < log.length && log[i].clock <= clock) {
            scenario.propagation.push(now - log[i].at);
            i++;
          }
          this.received.set(sender, i);
        }
      });
    }
    this.editLog = [];            // {clock after the edit, time of the local change}
  }

  connect() {
    return new Promise((resolve, reject) => {
      this.firstSync = resolve;
      this.open(reject);
    });
  }

  open(reject) {
    this.connects++;
    const ws = new WebSocket(`${this.endpoint.ws}/ecriture/ws/${this.room.id}`, {
      headers: this.endpoint.cookie ? { Cookie: this.endpoint.cookie } : {}, perMessageDeflate: false
    });
    ws.binaryType = 'nodebuffer';
    this.ws = ws;
    ws.on('open', () => ws.send(JSON.stringify({ t: 'hello', since: this.have })));
    ws.on('message', (data, isBinary) => {
      if (isBinary) this.onBinary(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      else this.onText(JSON.parse(data.toString()));
    });
    ws.on('unexpected-response', (req, res) => {
      const error = new Error(`${this.label}: handshake answered ${res.statusCode}`);
      if (reject && !this.everSynced) reject(error); else console.error(error.message);
    });
    ws.on('error', e => {
      if (reject && !this.everSynced && this.connects === 1) reject(e);
    });
    ws.on('close', () => {
      if (this.ws !== ws) return;
      this.synced = false;
      if (this.closedByUs) return;
      this.scenario.reconnects++;
      setTimeout(() => this.open(null), 500);
    });
  }

  onText(message) {
    switch (message.t) {
      case 'welcome':
        this.canEdit = message.canEdit;
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
          if (this.editsToMake) Y.applyUpdate(this.doc, SEED, 'seed');
          this.firstSync();
        }
        break;
      case 'ack': {
        this.pending.delete(message.ref);
        const at = this.sentAt.get(message.ref);
        if (at !== undefined) {
          this.scenario.acks.push(performance.now() - at);
          this.sentAt.delete(message.ref);
        }
        this.mark(message.seq);
        break;
      }
      case 'compact':
        this.compactAsked++;
        if (!this.follow) break;   // a typist does not hold the text
        this.sendFrame(SNAPSHOT, Y.encodeStateAsUpdate(this.doc), this.have);
        this.snapshotsSent++;
        break;
      case 'resync':
        if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ t: 'hello', since: this.have }));
        break;
      case 'refused':
        this.refusals.push(message.reason);
        break;
    }
  }

  onBinary(bytes) {
    const type = bytes[0];
    if (type === UPDATE || type === COVERING) {
      const seq = Number(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(1));
      if (this.follow) Y.applyUpdate(this.doc, bytes.subarray(9), REMOTE);
      if (type === COVERING) {
        this.coveringReceived.push(seq);
        this.markCovered(seq);
      } else {
        this.mark(seq);
      }
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

  markCovered(seq) {
    if (seq > this.have) this.have = seq;
    for (const s of this.seen) if (s <= this.have) this.seen.delete(s);
    while (this.seen.has(this.have + 1)) {
      this.seen.delete(this.have + 1);
      this.have++;
    }
  }

  sendUpdate(ref, update) {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const frame = new Uint8Array(5 + update.length);
    frame[0] = UPDATE;
    new DataView(frame.buffer).setUint32(1, ref);
    frame.set(update, 5);
    if (!this.sentAt.has(ref)) this.sentAt.set(ref, performance.now());
    this.ws.send(frame);
  }

  sendFrame(type, payload, upTo) {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const frame = new Uint8Array(9 + payload.length);
    frame[0] = type;
    new DataView(frame.buffer).setBigUint64(1, BigInt(upTo));
    frame.set(payload, 9);
    this.ws.send(frame);
  }

  /** One edit: a marker at a random boundary between the markers already there. */
  edit(n) {
    const marker = `c${this.label}-e${String(n).padStart(3, '0')} `;
    const xmlText = this.doc.getXmlFragment('prosemirror').get(0).get(0);
    const text = xmlText.toString();
    const boundaries = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) boundaries.push(i + 1);
    const at = boundaries[Math.floor(Math.random() * boundaries.length)];
    const t = performance.now();
    xmlText.insert(at, marker);
    this.editLog.push({ clock: Y.getState(this.doc.store, this.doc.clientID), at: t });
    this.markers.push(marker.trim());
  }

  async run() {
    const drops = [];
    for (let k = 0; k < DROPS; k++) {
      drops.push(setTimeout(() => { if (this.ws.readyState === WebSocket.OPEN) this.ws.terminate(); },
        Math.random() * this.editsToMake * this.interval));
    }
    await sleep(Math.random() * this.interval);
    for (let n = 1; n <= this.editsToMake; n++) {
      this.edit(n);
      if (n < this.editsToMake) await sleep(this.interval * (0.5 + Math.random()));
    }
    // As the browser does 1.5 s after its last change: the text as HTML, for the exports.
    await sleep(1500);
    if (this.ws.readyState === WebSocket.OPEN && this.follow) {
      this.ws.send(JSON.stringify({ t: 'content', html: `<p>${textOf(this.doc)}</p>` }));
    }
  }

  close() {
    this.closedByUs = true;
    if (this.ws) this.ws.close();
  }
}

async function scenario(name, ids, perDocument, split, edits, interval, followers = perDocument) {
  const s = { name, propagation: [], acks: [], reconnects: 0 };
  const rooms = ids.map(id => ({ id, clients: [], byClientId: new Map() }));
  const used = split ? endpoints : endpoints.slice(0, 1);
  let label = 0;
  for (const room of rooms) {
    for (let i = 0; i < perDocument; i++) {
      const client = new Client(s, room, String(++label), { edits, interval, endpoint: used[i % used.length],
        follow: i < followers });
      room.clients.push(client);
      room.byClientId.set(client.doc.clientID, client);
    }
  }
  const all = rooms.flatMap(r => r.clients);
  const t0 = performance.now();
  await Promise.all(all.map(c => c.connect()));
  const connectedMs = performance.now() - t0;
  const cpu0 = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const e0 = performance.now();
  await Promise.all(all.map(c => c.run()));
  const editMs = performance.now() - e0;
  loop.disable();
  const cpu = process.cpuUsage(cpu0);

  // Quiet: every update acknowledged, every client of a document at the same state.
  const q0 = performance.now();
  const agreed = () => rooms.every(room => {
    const first = Y.encodeStateVector(room.clients[0].doc).toString();
    return room.clients.every(c => c.pending.size === 0 && c.synced && (!c.follow || (Y.encodeStateVector(c.doc).toString() === first
      && c.doc.store.pendingStructs === null && c.doc.store.pendingDs === null)));
  });
  while (!agreed() && performance.now() - q0 < QUIET_TIMEOUT_MS) await sleep(100);
  const quietMs = performance.now() - q0;
  const quiet = agreed();
  await sleep(500);

  // The checks.
  const problems = [];
  let fresh = [];
  for (const room of rooms) {
    const expected = new Set(room.clients.flatMap(c => c.markers));
    for (const c of room.clients) {
      if (!c.follow) {
        if (c.pending.size) problems.push(`document ${room.id}, typist ${c.label}: ${c.pending.size} edits never acknowledged`);
        if (c.refusals.length) problems.push(`document ${room.id}, typist ${c.label}: refused ${c.refusals.join(', ')}`);
        continue;
      }
      const words = textOf(c.doc).split(' ').filter(w => w.length);
      const counts = new Map();
      for (const w of words) counts.set(w, (counts.get(w) || 0) + 1);
      const missing = [...expected].filter(m => !counts.has(m));
      const twice = [...counts].filter(([, n]) => n > 1).map(([w]) => w);
      const strange = [...counts.keys()].filter(w => !expected.has(w));
      if (missing.length || twice.length || strange.length) {
        problems.push(`document ${room.id}, client ${c.label}: ${missing.length} missing (${missing.slice(0, 5).join(' ')}), `
          + `${twice.length} twice, ${strange.length} unknown words`);
      }
      if (c.refusals.length) problems.push(`document ${room.id}, client ${c.label}: refused ${c.refusals.join(', ')}`);
    }
    for (const [n, endpoint] of used.entries()) {
      const reader = new Client(s, room, `fresh-${room.id}-${n + 1}`, { measure: false, endpoint });
      await reader.connect();
      const text = textOf(reader.doc);
      const reference = textOf(room.clients[0].doc);
      if (text !== reference) {
        const words = new Set(text.split(' '));
        const missing = [...expected].filter(m => !words.has(m));
        problems.push(`document ${room.id}: the fresh client through instance ${n + 1} rebuilds another text (${text.length} `
          + `against ${reference.length} characters, ${missing.length} markers missing: ${missing.slice(0, 5).join(' ')})`);
      }
      fresh.push({ id: room.id, seq: reader.have, covering: reader.coveringReceived, chars: text.length });
      reader.close();
    }
  }
  for (const c of all) c.close();
  if (!quiet) problems.unshift(`not quiet after ${QUIET_TIMEOUT_MS} ms`);
  return {
    name, documents: ids.length, perDocument, followers: Math.min(followers, perDocument), instances: used.length, clients: all.length,
    editsPerClient: edits, interval,
    edits: all.reduce((n, c) => n + c.markers.length, 0),
    connectedMs, editMs, quietMs, propagation: stats(s.propagation), acks: stats(s.acks),
    expectedMeasures: rooms.reduce((n, r) => n + Math.min(followers, r.clients.length) * (r.clients.length - 1) * edits, 0),
    reconnects: s.reconnects, compactAsked: all.reduce((n, c) => n + c.compactAsked, 0),
    snapshotsSent: all.reduce((n, c) => n + c.snapshotsSent, 0), fresh,
    driverCpuMs: (cpu.user + cpu.system) / 1000, loopDelayP99Ms: loop.percentile(99) / 1e6, loopDelayMaxMs: loop.max / 1e6,
    problems, pass: problems.length === 0
  };
}

const results = [];
for (const arg of scenarioArgs) {
  const m = /^([^=]+)=([\d,]+):(\d+)(\/2)?(?:@(\d+)x(\d+))?(?:\+(\d+))?$/.exec(arg);
  if (!m || (m[4] && endpoints.length < 2)) {
    console.error(`bad scenario ${arg} (a "/2" one needs BENCH_SECOND)`);
    process.exit(2);
  }
  results.push(await scenario(m[1], m[2].split(',').map(Number), Number(m[3]), Boolean(m[4]),
    m[6] ? Number(m[6]) : EDITS, m[5] ? Number(m[5]) : INTERVAL, m[7] ? Number(m[7]) : Number(m[3])));
  await sleep(2000);
}

const f = x => (Number.isFinite(x) ? x.toFixed(1) : '–');
console.log(`${EDITS} edits per client, one every ${INTERVAL} ms ± 50 % (unless the scenario says otherwise)`
  + `${DROPS ? `, ${DROPS} connection losses per client` : ''}; times in ms.`);
console.log();
console.log('| scenario | clients | edits | propagation p50 | p95 | p99 | max | measures (expected) | ack p50 | ack p99 | check |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of results) {
  const where = (r.instances > 1 ? `, half on each of ${r.instances} instances` : '')
    + (r.editsPerClient !== EDITS || r.interval !== INTERVAL ? `, ${r.editsPerClient} edits each, one every ${r.interval} ms` : '')
    + (r.followers < r.perDocument ? `, ${r.followers} following the text (the others typists)` : '');
  console.log(`| ${r.name}: ${r.documents} document${r.documents > 1 ? 's' : ''} × ${r.perDocument} clients${where} | ${r.clients} | ${r.edits} `
    + `| ${f(r.propagation.p50)} | ${f(r.propagation.p95)} | ${f(r.propagation.p99)} | ${f(r.propagation.max)} `
    + `| ${r.propagation.count} (${r.expectedMeasures}) | ${f(r.acks.p50)} | ${f(r.acks.p99)} | ${r.pass ? 'PASS' : 'FAIL'} |`);
}
console.log();
for (const r of results) {
  const covered = r.fresh.filter(x => x.covering.length).length;
  console.log(`- ${r.name}: connected in ${f(r.connectedMs)} ms, edits over ${(r.editMs / 1000).toFixed(1)} s, quiet ${f(r.quietMs)} ms after; `
    + `compaction asked ${r.compactAsked}×, snapshots sent ${r.snapshotsSent}; fresh clients: ${covered}/${r.fresh.length} started from a `
    + `stored snapshot, last numbers ${[...new Set(r.fresh.map(x => x.seq))].join(', ')}; reconnections ${r.reconnects}; `
    + `driver CPU ${(r.driverCpuMs / 1000).toFixed(1)} s, its event-loop delay p99 ${f(r.loopDelayP99Ms)} ms (max ${f(r.loopDelayMaxMs)})`);
  for (const p of r.problems.slice(0, 20)) console.log(`  - FAIL: ${p}`);
}
console.log();
console.log('JSON ' + JSON.stringify(results));
process.exit(results.every(r => r.pass) ? 0 : 1);
