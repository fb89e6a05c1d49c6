// The ballroom screen: fetch the panel again every data-every ms and swap it in when it
// changed (no reload; the server decides what it holds, winners included). The panel never
// scrolls: while it is taller than the screen, its text is scaled down (--scale, to 0.5).
(function () {
  "use strict";
  var panel = document.getElementById("panel");
  var source = panel.getAttribute("data-source");
  var every = Number(panel.getAttribute("data-every")) || 1500;
  var last = null;
  var SMALLEST = 0.5;

  function overflows() {
    return panel.scrollHeight > panel.clientHeight + 0.5 || panel.scrollWidth > panel.clientWidth + 0.5;
  }

  function fit() {
    var scale = 1;
    panel.style.setProperty("--scale", "1");
    while (overflows() && scale > SMALLEST) {
      scale = Math.max(SMALLEST, scale - 0.04);
      panel.style.setProperty("--scale", scale.toFixed(2));
    }
    panel.setAttribute("data-scale", scale.toFixed(2));
  }

  function tick() {
    fetch(source, { cache: "no-store", credentials: "omit" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null && html !== last) {
          last = html;
          panel.innerHTML = html;
          fit();
          panel.setAttribute("data-updated", String(Date.now()));
        }
      })
      .catch(function () { /* the next tick tries again */ })
      .then(function () { setTimeout(tick, every); });
  }
  fit();
  window.addEventListener("resize", fit);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fit);
  setTimeout(tick, every);
})();
