// Programme editor: htmx replaces a part of the page after a quick edit; this moves the focus to
// what the edit says (the error summary or the confirmation), so that screen readers and keyboard
// users land on it. Without JavaScript the forms post and redirect as usual.
if (window.htmx) {
  // No inline style: the page's Content-Security-Policy forbids it.
  window.htmx.config.includeIndicatorStyles = false;
}
document.addEventListener('htmx:afterSwap', function (event) {
  var target = event.detail.target && document.getElementById(event.detail.target.id);
  var scope = target || document;
  var focus = scope.querySelector('[data-focus]');
  if (focus) {
    focus.focus();
  }
});
