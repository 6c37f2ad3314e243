// A trainer's signing page (templates/attendance/trainer-sign.html): a signature pad drawn with pointer
// events, sent as a PNG data URL in the form's hidden "signature" field. An empty pad is not sent.
(function () {
  'use strict';
  var pad = document.getElementById('signature-pad');
  if (!pad) {
    return;
  }
  var form = pad.form || pad.closest('form');
  var error = document.getElementById('signature-erreur');
  var ctx = pad.getContext('2d');
  var drawing = false;
  var inked = false;

  function point(event) {
    var rect = pad.getBoundingClientRect();
    return {x: (event.clientX - rect.left) * pad.width / rect.width, y: (event.clientY - rect.top) * pad.height / rect.height};
  }

  pad.addEventListener('pointerdown', function (event) {
    drawing = true;
    pad.setPointerCapture(event.pointerId);
    var p = point(event);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#000';
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    event.preventDefault();
  });
  pad.addEventListener('pointermove', function (event) {
    if (drawing) {
      var p = point(event);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      inked = true;
    }
  });
  ['pointerup', 'pointercancel'].forEach(function (name) {
    pad.addEventListener(name, function () { drawing = false; });
  });
  document.getElementById('signature-effacer').addEventListener('click', function () {
    ctx.clearRect(0, 0, pad.width, pad.height);
    inked = false;
    error.hidden = true;
  });
  form.addEventListener('submit', function (event) {
    if (!inked) {
      event.preventDefault();
      error.hidden = false;
      return;
    }
    form.elements.signature.value = pad.toDataURL('image/png');
  });
})();
