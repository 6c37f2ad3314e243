// A signature pad: a <canvas> drawn on with pointer events (mouse, pen, finger), read back as a PNG data URL.
// Used by the welcome desk (checkin.js) and a trainer's signing page (trainer-sign.js); load it before them.
//   var pad = signaturePad(canvas);  pad.inked() (was anything drawn?), pad.clear(), pad.png()
(function () {
  'use strict';
  window.signaturePad = function (canvas) {
    var ctx = canvas.getContext('2d');
    var drawing = false;
    var inked = false;

    function point(event) {
      var rect = canvas.getBoundingClientRect();
      return {x: (event.clientX - rect.left) * canvas.width / rect.width, y: (event.clientY - rect.top) * canvas.height / rect.height};
    }

    canvas.addEventListener('pointerdown', function (event) {
      drawing = true;
      canvas.setPointerCapture(event.pointerId);
      var p = point(event);
      ctx.lineWidth = 3;
      ctx.lineCap = 'round';
      ctx.strokeStyle = '#000';
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      event.preventDefault();
    });
    canvas.addEventListener('pointermove', function (event) {
      if (!drawing) {
        return;
      }
      var p = point(event);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      inked = true;
    });
    ['pointerup', 'pointercancel'].forEach(function (name) {
      canvas.addEventListener(name, function () { drawing = false; });
    });

    return {
      inked: function () { return inked; },
      clear: function () {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        inked = false;
      },
      png: function () { return canvas.toDataURL('image/png'); }
    };
  };
})();
