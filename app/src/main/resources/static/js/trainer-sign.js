// A trainer's signing page (templates/attendance/trainer-sign.html): a signature pad (signature-pad.js),
// sent as a PNG data URL in the form's hidden "signature" field. An empty pad is not sent.
(function () {
  'use strict';
  var canvas = document.getElementById('signature-pad');
  if (!canvas) {
    return;
  }
  var form = canvas.form || canvas.closest('form');
  var error = document.getElementById('signature-erreur');
  var pad = window.signaturePad(canvas);

  document.getElementById('signature-effacer').addEventListener('click', function () {
    pad.clear();
    error.hidden = true;
  });
  form.addEventListener('submit', function (event) {
    if (!pad.inked()) {
      event.preventDefault();
      error.hidden = false;
      return;
    }
    form.elements.signature.value = pad.png();
  });
})();
