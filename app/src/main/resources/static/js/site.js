// What every page does (fragments/layout.html), progressive enhancement only (RGAA 11.10, 11.11):
// - the error summary of a page that comes back with errors takes the focus, so a screen reader reads it first;
// - its links follow the order of the fields in the page, whatever order the server found the errors in;
// - the same for a summary htmx puts into the page.
(function () {
  'use strict';

  function orderLinks(summary) {
    var list = summary.querySelector('ul');
    if (!list) {
      return;
    }
    var items = Array.prototype.slice.call(list.children);
    var position = function (li) {
      var link = li.querySelector('a[href^="#"]');
      return link ? document.getElementById(decodeURIComponent(link.getAttribute('href').substring(1))) : null;
    };
    items.sort(function (a, b) {
      var ta = position(a);
      var tb = position(b);
      if (!ta || !tb) {
        return (ta ? 1 : 0) - (tb ? 1 : 0);
      }
      return ta.compareDocumentPosition(tb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    items.forEach(function (li) { list.appendChild(li); });
  }

  function focusSummary(scope) {
    var summary = scope.querySelector('.error-summary[data-focus]');
    if (summary) {
      orderLinks(summary);
      summary.focus();
    }
  }

  document.addEventListener('DOMContentLoaded', function () { focusSummary(document); });
  document.addEventListener('htmx:afterSettle', function (event) {
    if (event.target && event.target.querySelector) {
      focusSummary(event.target);
    }
  });
})();
