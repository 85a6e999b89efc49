// The import's progress bar: asks the status URL every second and moves the bar; when the run is no longer
// busy, the page reloads to show what was done. Without JavaScript the page has a link to refresh it.
(function () {
  "use strict";
  var bar = document.getElementById("import-progress");
  if (!bar || !window.fetch) {
    return;
  }
  var label = document.querySelector("[data-progress-label]");
  var count = document.querySelector("[data-progress-count]");
  function poll() {
    fetch(bar.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (status) {
        bar.value = status.percent;
        bar.textContent = status.percent + "%";
        if (label) {
          label.textContent = status.label;
        }
        if (count) {
          count.textContent = status.processed;
        }
        if (status.busy) {
          window.setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }
  window.setTimeout(poll, 1000);
})();
