// Plan of a networking rotation: while the plan is being computed, htmx reloads the plan's part of
// the page every 2 seconds (data-hx-* attributes). Without JavaScript, the "refresh" link does it.
if (window.htmx) {
  // No inline style: the page's Content-Security-Policy forbids it.
  window.htmx.config.includeIndicatorStyles = false;
}
