// The bell's number (templates/base.html): a page shows the count the session remembers; when it has
// none fresh, the bell asks for it here, so that no page itself spends a query on the count.
(function () {
  var bell = document.getElementById("bell");
  if (!bell || !bell.dataset.refresh) return;
  fetch(bell.dataset.refresh, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      if (!data) return;
      var badge = document.getElementById("bell-count");
      badge.textContent = data.count;
      badge.hidden = !data.count;
    })
    .catch(function () {});
})();
