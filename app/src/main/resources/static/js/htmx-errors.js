// Pages with quick edits (htmx): htmx swaps nothing when the server refuses a request (a 4xx page:
// a control character pasted in a field, a text too long, an expired page). This puts the refusal's
// title and message at the top of the page's <main>, as an alert that takes the focus, so that the
// organiser is told and nothing typed is lost (the words of a server that cannot be reached are the
// layout's data-refusal-* attributes, from the messages). Without JavaScript the forms post and show the same page.
(function () {
  function show(xhr) {
    var main = document.querySelector('main');
    if (!main) {
      return;
    }
    var previous = document.getElementById('htmx-refusal');
    if (previous) {
      previous.remove();
    }
    var box = document.createElement('div');
    box.id = 'htmx-refusal';
    box.className = 'error-summary';
    box.setAttribute('role', 'alert');
    box.setAttribute('tabindex', '-1');
    var title = document.createElement('h2');
    var text = document.createElement('p');
    var refused = xhr && xhr.responseText
        ? new DOMParser().parseFromString(xhr.responseText, 'text/html').querySelector('main') : null;
    var heading = refused && refused.querySelector('h1');
    var message = refused && refused.querySelector('h1 ~ p');
    title.textContent = heading ? heading.textContent : main.getAttribute('data-refusal-title');
    text.textContent = message ? message.textContent
        : main.getAttribute('data-refusal-text');
    box.appendChild(title);
    box.appendChild(text);
    main.insertBefore(box, main.firstChild);
    box.focus();
  }
  // htmx's requests say they take anything; the server's error pages then answer in JSON. Ask for the
  // page, whose title and message are shown.
  document.addEventListener('htmx:configRequest', function (event) {
    event.detail.headers['Accept'] = 'text/html';
  });
  document.addEventListener('htmx:responseError', function (event) {
    show(event.detail.xhr);
  });
  document.addEventListener('htmx:sendError', function () {
    show(null);
  });
})();
