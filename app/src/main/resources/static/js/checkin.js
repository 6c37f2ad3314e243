// Welcome desk (templates/attendance/desk.html), progressive enhancement only: the page's plain forms
// work without this script. With it:
// - every check-in carries a fresh idempotency key ("cle", a UUID): a check-in sent twice is recorded once;
// - while offline, check-ins are kept in localStorage and sent as JSON to the page's data-sync address
//   (with the page's CSRF token, from <meta name="csrf-token">) when the "online" event fires or the
//   page loads online; the server answers each one, and answered ones are forgotten;
// - a camera scan button when the browser has the BarcodeDetector API;
// - an optional signature pad (signature-pad.js, loaded before) posting a PNG data URL with the check-in, in a modal dialog
//   run by dialog.js (focus kept inside, Escape closes, focus back on the button that opened it);
// - the network banner and the queue are written into live regions that are in the page from the start
//   (#etat-reseau, #file-attente), so screen readers announce them; a queued "Présent" button keeps the
//   focus (aria-disabled, a second press does nothing) instead of being disabled under it.
(function () {
  'use strict';
  var desk = document.getElementById('accueil');
  if (!desk) {
    return;
  }
  var syncUrl = desk.getAttribute('data-sync');
  var storageKey = 'rencontres.checkins:' + syncUrl;
  var networkState = document.getElementById('etat-reseau');
  var queueBox = document.getElementById('file-attente');
  var offline = !navigator.onLine;
  var flushing = false;

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
  }

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || '[]');
    } catch (e) {
      return [];
    }
  }

  function save(queue) {
    window.localStorage.setItem(storageKey, JSON.stringify(queue));
  }

  function show(title, lines) {
    queueBox.textContent = '';
    var box = document.createElement('div');
    box.className = 'desk-queue';
    var p = document.createElement('p');
    p.textContent = title;
    box.appendChild(p);
    var ul = document.createElement('ul');
    lines.forEach(function (line) {
      var li = document.createElement('li');
      li.textContent = line;
      ul.appendChild(li);
    });
    box.appendChild(ul);
    queueBox.appendChild(box);
  }

  function showPending() {
    var queue = load();
    if (queue.length > 0) {
      show(queueBox.getAttribute('data-pending'), queue.map(function (item) { return item.label; }));
    }
  }

  function setOffline(value) {
    offline = value;
    var banner = document.getElementById('hors-ligne');
    if (value && !banner) {
      banner = document.createElement('p');
      banner.id = 'hors-ligne';
      banner.className = 'alert desk-offline';
      banner.textContent = networkState.getAttribute('data-offline');
      networkState.appendChild(banner);
    } else if (!value && banner) {
      banner.remove();
    }
    if (!value) {
      flush();
    }
  }

  function field(form, name) {
    var input = form.elements[name];
    return input ? input.value : null;
  }

  function describe(form) {
    var type = form.getAttribute('data-type');
    if (type === 'inscription') {
      var row = form.closest('li');
      var strong = row ? row.querySelector('strong') : null;
      return strong ? strong.textContent : field(form, 'personne');
    }
    if (type === 'sans-inscription') {
      return (field(form, 'prenom') + ' ' + field(form, 'nom')).trim();
    }
    return field(form, 'code');
  }

  function queueCheckIn(form) {
    var item = {
      cle: field(form, 'cle'),
      type: form.getAttribute('data-type'),
      personne: field(form, 'personne'),
      code: field(form, 'code'),
      jour: field(form, 'jour'),
      demi: field(form, 'demi'),
      moment: Date.now(),
      signature: field(form, 'signature'),
      signatureDemandee: field(form, 'signatureDemandee') === 'oui',
      nom: field(form, 'nom'),
      prenom: field(form, 'prenom'),
      organisation: field(form, 'organisation'),
      courriel: field(form, 'courriel'),
      label: describe(form)
    };
    var queue = load();
    queue.push(item);
    save(queue);
    show(queueBox.getAttribute('data-queued'), [item.label]);
    var button = form.querySelector('button[type=submit]');
    if (button && form.getAttribute('data-type') === 'inscription') {
      button.setAttribute('aria-disabled', 'true');
    }
    if (form.getAttribute('data-type') !== 'inscription') {
      form.reset();
    }
  }

  function flush() {
    var queue = load();
    if (flushing || offline || queue.length === 0) {
      return;
    }
    flushing = true;
    var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    var token = document.querySelector('meta[name=csrf-token]');
    var header = document.querySelector('meta[name=csrf-header]');
    if (token && header) {
      headers[header.getAttribute('content')] = token.getAttribute('content');
    }
    fetch(syncUrl, {method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify(queue)})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (results) {
        var answered = {};
        results.forEach(function (r) { answered[r.cle] = true; });
        // Keep what was queued meanwhile and anything the server did not answer.
        save(load().filter(function (item) { return !answered[item.cle]; }));
        show(queueBox.getAttribute('data-sent'), results.map(function (r) { return r.message; }));
      })
      .catch(function () {
        showPending();
      })
      .then(function () {
        flushing = false;
      });
  }

  // Signature pad.
  var choice = document.getElementById('choix-signature');
  var ask = document.getElementById('faire-signer');
  var panel = document.getElementById('signature');
  var pad = window.signaturePad(document.getElementById('signature-pad'));
  var padError = document.getElementById('signature-erreur');
  var pending = null;
  choice.hidden = false;

  function clearPad() {
    pad.clear();
    padError.hidden = true;
  }

  function openPad(form, button) {
    pending = form;
    clearPad();
    window.RencontresDialog.open(panel, button);
  }

  function closePad() {
    window.RencontresDialog.close(panel);
  }
  panel.addEventListener('rencontres:dialog-close', function () { pending = null; });

  function hidden(form, name, value) {
    var input = form.elements[name];
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      form.appendChild(input);
    }
    input.value = value;
  }

  document.getElementById('signature-effacer').addEventListener('click', clearPad);
  document.getElementById('signature-annuler').addEventListener('click', closePad);
  document.getElementById('signature-valider').addEventListener('click', function () {
    if (!pad.inked()) {
      padError.hidden = false;
      return;
    }
    var form = pending;
    hidden(form, 'signatureDemandee', 'oui');
    hidden(form, 'signature', pad.png());
    closePad();
    send(form);
  });

  function send(form) {
    // A trainer's signature is not queued offline: it goes with the page's own form.
    if (offline && form.getAttribute('data-type') !== 'intervenant') {
      queueCheckIn(form);
    } else {
      form.submit();
    }
  }

  document.querySelectorAll('form.checkin-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = form.querySelector('button[type=submit]');
      if (button && button.getAttribute('aria-disabled') === 'true') {
        return;
      }
      hidden(form, 'cle', uuid());
      var type = form.getAttribute('data-type');
      if (ask.checked && type !== 'sans-inscription') {
        openPad(form, event.submitter || form.querySelector('button[type=submit]'));
      } else {
        send(form);
      }
    });
  });

  // A trainer always signs (the trainers' part of the desk).
  document.querySelectorAll('form.trainer-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      openPad(form, event.submitter || form.querySelector('button[type=submit]'));
    });
  });

  // Camera scan, where the browser reads QR codes itself.
  var scanButton = document.getElementById('scanner');
  if ('BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    var camera = document.getElementById('camera');
    var video = document.getElementById('camera-video');
    var cameraError = document.getElementById('camera-erreur');
    var stream = null;
    var timer = null;
    scanButton.hidden = false;

    var stop = function () {
      if (timer) {
        window.clearInterval(timer);
        timer = null;
      }
      if (stream) {
        stream.getTracks().forEach(function (t) { t.stop(); });
        stream = null;
      }
      camera.hidden = true;
    };

    scanButton.addEventListener('click', function () {
      cameraError.hidden = true;
      camera.hidden = false;
      navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}}).then(function (s) {
        stream = s;
        video.srcObject = s;
        return video.play();
      }).then(function () {
        var detector = new window.BarcodeDetector({formats: ['qr_code']});
        timer = window.setInterval(function () {
          detector.detect(video).then(function (codes) {
            if (codes.length > 0) {
              stop();
              var form = scanButton.form;
              form.elements.code.value = codes[0].rawValue;
              if (form.requestSubmit) {
                form.requestSubmit();
              } else {
                form.submit();
              }
            }
          }).catch(function () { /* the next frame will do */ });
        }, 300);
      }).catch(function () {
        stop();
        camera.hidden = false;
        cameraError.hidden = false;
      });
    });
    document.getElementById('camera-stop').addEventListener('click', stop);
  }

  window.addEventListener('online', function () { setOffline(false); });
  window.addEventListener('offline', function () { setOffline(true); });
  setOffline(offline);
  showPending();
})();
