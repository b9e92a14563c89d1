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

  /* Suggestions under every search box marked data-suggest: titles from /tim-kiem/goi-y/ after
     two letters, as an ARIA combobox (arrow keys, Enter opens, Escape closes). */
  function suggest(input) {
    var list = document.createElement("ul");
    var timer = null, items = [], active = -1, listId = input.id + "-suggestions";
    list.id = listId; list.className = "suggestions"; list.setAttribute("role", "listbox"); list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.parentNode.appendChild(list);

    function close() {
      list.hidden = true; active = -1; input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function mark(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      if (index >= 0) input.setAttribute("aria-activedescendant", list.children[index].id);
    }
    function render(suggestions) {
      items = suggestions; list.textContent = "";
      suggestions.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i; li.setAttribute("role", "option"); li.textContent = item.title;
        li.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = item.url; });
        list.appendChild(li);
      });
      if (suggestions.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); mark(-1); } else { close(); }
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || !window.fetch) { close(); return; }
      timer = setTimeout(function () {
        fetch("/tim-kiem/goi-y/?q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) { if (input.value.trim() === q) render(data.suggestions || []); })
          .catch(close);
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); mark(Math.min(active + 1, items.length - 1)); }
      else if (event.key === "ArrowUp") { event.preventDefault(); mark(Math.max(active - 1, -1)); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }  /* keep the typed words */
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); window.location.href = items[active].url; }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
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

  function start() {
    menu(); sendBeacon(); printView();
    document.querySelectorAll("input[data-suggest]").forEach(suggest);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
