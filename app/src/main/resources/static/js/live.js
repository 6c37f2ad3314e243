/*
 * Live rotation screens (conductor screen, controls, participant's page).
 * The page is rendered with the state at load time; this script follows the server's stream
 * (Server-Sent Events), counts down locally between events from the phase's end and the server's
 * clock sent with each event (so that every screen shows the same second), signals each rotation
 * (a colour change and, once allowed, a short sound made with the Web Audio API) and tells screen
 * readers the time left politely, on the whole minute only.
 */
(function () {
  'use strict';

  var root = document.getElementById('direct');
  if (!root || !window.EventSource) {
    return;
  }
  var texts = document.getElementById('live-texts').dataset;
  var initial = document.getElementById('live-clock-data').dataset;
  var el = function (id) { return document.getElementById(id); };

  var state = null;
  var offset = 0;            // server clock minus this browser's clock, in ms
  var lastAnnounced = null;  // the whole second last announced
  var audio = null;          // AudioContext, once the sound is turned on

  function number(v) { return v === '' || v === undefined || v === null ? null : Number(v); }

  function format(template, a, b) {
    return template.replace('{0}', a).replace('{1}', b);
  }

  function receive(s) {
    var previous = state;
    if (previous && s.version < previous.version) {
      return; // an older state arriving late
    }
    offset = s.serverNow - Date.now();
    state = s;
    render(previous);
  }

  function remainingMs() {
    if (!state) { return 0; }
    if (state.status === 'RUNNING' && state.endsAt !== null) {
      return Math.max(0, state.endsAt - (Date.now() + offset));
    }
    return state.remainingMs;
  }

  function heading(s) {
    if (s.status === 'FINISHED') { return texts.headingFinished; }
    if (s.status === 'NOT_STARTED') { return format(texts.headingNotstarted, '', s.roundCount); }
    if (s.phase === 'CHANGEOVER') { return format(texts.headingChangeover, s.shownRound, s.roundCount); }
    return format(texts.headingRound, s.shownRound, s.roundCount);
  }

  function status(s) {
    if (s.status === 'FINISHED') { return texts.statusFinished; }
    if (s.status === 'NOT_STARTED') { return texts.statusNotstarted; }
    if (s.status === 'PAUSED') { return texts.statusPaused; }
    return s.phase === 'CHANGEOVER' ? texts.statusChangeover : texts.statusRunning;
  }

  function setText(id, text) {
    var e = el(id);
    if (e && e.textContent !== text) { e.textContent = text; }
  }

  function render(previous) {
    var s = state;
    setText('live-heading', heading(s));
    setText('live-phase', status(s));
    root.dataset.version = s.version;
    root.dataset.status = s.status;
    root.dataset.shownRound = s.shownRound;
    document.querySelectorAll('[data-when]').forEach(function (e) {
      e.hidden = e.dataset.when.split(' ').indexOf(s.status) < 0;
    });
    if (s.current !== undefined) { renderTables(s.current); }
    if (s.seat !== undefined) { renderSeat(s); }
    var moved = previous && (previous.shownRound !== s.shownRound || previous.phase !== s.phase
        || previous.status !== s.status);
    if (moved) {
      announce(heading(s) + '. ' + status(s) + '.');
      if (previous.shownRound !== s.shownRound || previous.phase !== s.phase) { signal(); }
    }
    tick();
  }

  function paragraph(cls, label, text) {
    var p = document.createElement('p');
    p.className = cls;
    if (label) {
      var l = document.createElement('span');
      l.className = 'live-label';
      l.textContent = label;
      p.appendChild(l);
      p.appendChild(document.createTextNode(' '));
      var v = document.createElement('span');
      v.textContent = text;
      p.appendChild(v);
    } else {
      p.textContent = text;
    }
    return p;
  }

  function tableParts(parent, t) {
    parent.appendChild(paragraph('live-table-name', null, t.name));
    if (t.place) { parent.appendChild(paragraph('live-table-place', null, t.place)); }
    if (t.theme) { parent.appendChild(paragraph('live-table-theme', texts.theme, t.theme)); }
    if (t.host) { parent.appendChild(paragraph('live-table-host', texts.host, t.host)); }
  }

  function renderTables(round) {
    var list = el('live-tables');
    if (!list) { return; }
    var key = JSON.stringify(round);
    if (list.dataset.rendered === key) { return; }
    list.dataset.rendered = key;
    setText('live-tables-heading', round ? format(texts.tables, round.number) : '');
    list.replaceChildren();
    if (!round) { return; }
    round.tables.forEach(function (t) {
      var li = document.createElement('li');
      li.className = 'live-table';
      tableParts(li, t);
      var seats = document.createElement('ul');
      seats.className = 'live-seats';
      seats.setAttribute('aria-label', format(texts.seats, t.name));
      t.seats.forEach(function (name) {
        var item = document.createElement('li');
        item.textContent = name;
        seats.appendChild(item);
      });
      li.appendChild(seats);
      list.appendChild(li);
    });
  }

  function roomTime(ms) {
    var parts = new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', minute: '2-digit', hourCycle: 'h23',
      timeZone: 'Europe/Paris' }).formatToParts(new Date(ms));
    var h = '', m = '';
    parts.forEach(function (p) {
      if (p.type === 'hour') { h = String(Number(p.value)); }
      if (p.type === 'minute') { m = p.value; }
    });
    return h + 'h' + m;
  }

  function renderSeat(s) {
    var now = el('seat-now'), next = el('seat-next');
    if (!now || !next) { return; }
    var key = JSON.stringify([s.seat, s.status, s.nextStartsAt]);
    if (now.dataset.rendered === key) { return; }
    now.dataset.rendered = key;
    now.replaceChildren();
    if (s.seat.now) { tableParts(now, s.seat.now); }
    else { now.appendChild(paragraph('', null, s.status === 'FINISHED' ? texts.over : texts.noSeat)); }
    next.replaceChildren();
    if (s.seat.next) { tableParts(next, s.seat.next); }
    else if (s.status !== 'FINISHED') { next.appendChild(paragraph('', null, s.shownRound >= s.roundCount ? '' : texts.noSeat)); }
    setText('seat-next-at', s.nextStartsAt ? format(texts.nextAt, roomTime(s.nextStartsAt)) : '');
  }

  function clockText(ms) {
    var seconds = Math.ceil(ms / 1000);
    var m = Math.floor(seconds / 60), sec = seconds % 60;
    return m + ':' + (sec < 10 ? '0' : '') + sec;
  }

  function tick() {
    if (!state) { return; }
    var ms = remainingMs();
    setText('live-clock', clockText(ms));
    var seconds = Math.ceil(ms / 1000);
    if (state.status === 'RUNNING' && seconds > 0 && seconds % 60 === 0 && seconds !== lastAnnounced) {
      lastAnnounced = seconds;
      var minutes = seconds / 60;
      announce(minutes === 1 ? texts.announceMinute : format(texts.announceMinutes, minutes));
    }
  }

  function announce(text) {
    var region = el('live-announce');
    if (region) { region.textContent = text; }
  }

  function signal() {
    document.body.classList.remove('live-signal');
    void document.body.offsetWidth; // restart the animation
    document.body.classList.add('live-signal');
    window.setTimeout(function () { document.body.classList.remove('live-signal'); }, 4000);
    beep();
  }

  function beep() {
    if (!audio) { return; }
    var at = audio.currentTime;
    [[880, 0], [660, 0.3], [880, 0.6]].forEach(function (note) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = note[0];
      gain.gain.setValueAtTime(0.0001, at + note[1]);
      gain.gain.exponentialRampToValueAtTime(0.4, at + note[1] + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + note[1] + 0.25);
      osc.connect(gain).connect(audio.destination);
      osc.start(at + note[1]);
      osc.stop(at + note[1] + 0.3);
    });
  }

  function tools() {
    var sound = el('live-sound');
    var Context = window.AudioContext || window.webkitAudioContext;
    if (sound && Context) {
      sound.hidden = false;
      sound.addEventListener('click', function () {
        if (audio) {
          audio.close();
          audio = null;
          sound.setAttribute('aria-pressed', 'false');
        } else {
          audio = new Context();
          sound.setAttribute('aria-pressed', 'true');
          beep();
        }
      });
    }
    var full = el('live-fullscreen');
    if (full && document.documentElement.requestFullscreen) {
      full.hidden = false;
      full.addEventListener('click', function () {
        if (document.fullscreenElement) { document.exitFullscreen(); }
        else { document.documentElement.requestFullscreen(); }
      });
    }
  }

  state = {
    version: number(initial.version), status: initial.status, phase: initial.phase,
    round: number(initial.round), shownRound: number(initial.shownRound), roundCount: number(initial.roundCount),
    endsAt: number(initial.endsAt), serverNow: number(initial.serverNow), remainingMs: number(initial.remaining),
    nextStartsAt: number(initial.nextStartsAt)
  };
  offset = state.serverNow - Date.now();
  lastAnnounced = Math.ceil(remainingMs() / 1000);
  tools();
  tick();
  window.setInterval(tick, 200);

  // The stream. After a network error the browser reconnects by itself (readyState CONNECTING), but after an
  // error answer (a 502 from a proxy whose instance just died, a 503) it gives up for good (CLOSED): then this
  // script opens a new stream itself, after a wait that doubles from 1 s to 30 s (with a random part, so that
  // the screens of a room do not all come back at the same instant). The state of the stream is in
  // #direct[data-stream] (open, lost) and said in the status region.
  var retryMs = 1000;
  var calm = null;

  function connect() {
    var source = new EventSource(root.dataset.flux);
    source.addEventListener('etat', function (event) {
      receive(JSON.parse(event.data));
    });
    source.addEventListener('open', function () {
      var wasLost = root.dataset.stream === 'lost';
      root.dataset.stream = 'open';
      retryMs = 1000;
      setText('live-lost', wasLost ? texts.back : '');
      window.clearTimeout(calm);
      if (wasLost) {
        calm = window.setTimeout(function () {
          if (root.dataset.stream === 'open') { setText('live-lost', ''); }
        }, 10000);
      }
    });
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.OPEN) { return; }
      root.dataset.stream = 'lost';
      window.clearTimeout(calm);
      setText('live-lost', texts.lost);
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        var wait = retryMs * (1 + Math.random() / 2);
        retryMs = Math.min(retryMs * 2, 30000);
        window.setTimeout(connect, wait);
      }
    });
  }
  connect();
}());
