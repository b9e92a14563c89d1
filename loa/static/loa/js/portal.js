/* Loa public pages: the counting beacon, the mobile menu and the print view.
   No framework: this runs on every page of a state portal, often on old phones. */
(function () {
  "use strict";

  function show(name, label) {
    document.querySelectorAll('[data-counter="' + name + '"]').forEach(function (el) {
      el.textContent = label;
    });
  }

  function sendBeacon() {
    var body = document.body;
    var pageId = parseInt(body.getAttribute("data-page-id"), 10);
    if (!pageId || !window.fetch) return;
    fetch(body.getAttribute("data-beacon-url"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ page: pageId }),
      credentials: "same-origin",
      keepalive: true,
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.labels) return;
        Object.keys(data.labels).forEach(function (name) { show(name, data.labels[name]); });
        document.documentElement.setAttribute("data-beacon", data.counted ? "counted" : "seen");
      })
      .catch(function () { /* counts are a courtesy: never disturb the reader */ });
  }

  function menu() {
    var toggle = document.querySelector(".main-nav__toggle");
    if (!toggle) return;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
    });
  }

  function printView() {
    if (document.body.classList.contains("print-view")) window.print();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { menu(); sendBeacon(); printView(); });
  } else {
    menu(); sendBeacon(); printView();
  }
})();
