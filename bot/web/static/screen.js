// The ballroom screen: fetch the panel again every data-every ms and swap it in when it
// changed (no reload; the server decides what it holds, winners included).
(function () {
  "use strict";
  var panel = document.getElementById("panel");
  var source = panel.getAttribute("data-source");
  var every = Number(panel.getAttribute("data-every")) || 1500;
  var last = null;
  function tick() {
    fetch(source, { cache: "no-store", credentials: "omit" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null && html !== last) {
          last = html;
          panel.innerHTML = html;
          panel.setAttribute("data-updated", String(Date.now()));
        }
      })
      .catch(function () { /* the next tick tries again */ })
      .then(function () { setTimeout(tick, every); });
  }
  setTimeout(tick, every);
})();
