// Modal dialogs (role="dialog" aria-modal="true"), one rule for all of them (RGAA 7.1, 7.3, 12.8, 12.9):
// while a dialog is open everything outside it is inert (no Tab, no click, hidden from screen readers),
// Tab and Shift+Tab cycle inside it, Escape closes it, and closing gives focus back to what opened it.
// A page's script opens one with RencontresDialog.open(element, opener) and closes it with
// RencontresDialog.close(element); the element's "rencontres:dialog-close" event tells that script.
(function () {
  'use strict';
  var FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]),'
    + ' textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  var open = null;

  function focusables(dialog) {
    return Array.prototype.filter.call(dialog.querySelectorAll(FOCUSABLE), function (el) {
      return el.getClientRects().length > 0;
    });
  }

  function makeRestInert(dialog) {
    var made = [];
    for (var node = dialog; node && node !== document.body; node = node.parentElement) {
      var parent = node.parentElement;
      if (!parent) {
        break;
      }
      Array.prototype.forEach.call(parent.children, function (sibling) {
        if (sibling !== node && !sibling.inert && sibling.tagName !== 'SCRIPT') {
          sibling.inert = true;
          made.push(sibling);
        }
      });
    }
    return made;
  }

  function openDialog(dialog, opener) {
    if (open) {
      closeDialog(open.dialog, false);
    }
    dialog.hidden = false;
    open = {dialog: dialog, opener: opener || document.activeElement, inert: makeRestInert(dialog)};
    var first = dialog.querySelector('[data-dialog-focus]') || dialog.querySelector('h1, h2, h3');
    if (first) {
      if (!first.hasAttribute('tabindex') && !first.matches(FOCUSABLE)) {
        first.setAttribute('tabindex', '-1');
      }
      first.focus();
    } else {
      (focusables(dialog)[0] || dialog).focus();
    }
  }

  function closeDialog(dialog, returnFocus) {
    if (!open || open.dialog !== dialog) {
      dialog.hidden = true;
      return;
    }
    var state = open;
    open = null;
    state.inert.forEach(function (el) { el.inert = false; });
    dialog.hidden = true;
    if (returnFocus !== false && state.opener && document.contains(state.opener)) {
      state.opener.focus();
    }
    dialog.dispatchEvent(new CustomEvent('rencontres:dialog-close'));
  }

  document.addEventListener('keydown', function (event) {
    if (!open) {
      return;
    }
    var dialog = open.dialog;
    if (event.key === 'Escape') {
      event.preventDefault();
      closeDialog(dialog, true);
      return;
    }
    if (event.key !== 'Tab') {
      return;
    }
    var items = focusables(dialog);
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    var first = items[0];
    var last = items[items.length - 1];
    var inside = dialog.contains(document.activeElement);
    if (event.shiftKey && (!inside || document.activeElement === first || items.indexOf(document.activeElement) < 0)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (!inside || document.activeElement === last)) {
      event.preventDefault();
      first.focus();
    }
  });

  window.RencontresDialog = {open: openDialog, close: closeDialog};
})();
