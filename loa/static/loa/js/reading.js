/* Reading controls: text size (A-, A, A+) and high contrast, as state portals offer them.
   Loaded without defer in <head>, so the reader's choice is on <html> before the first paint
   (no flash of the wrong size or colours). The page HTML is the same for everyone (it is cached
   whole), so the choice lives in this browser's localStorage, and the buttons are brought in
   line with it here. Without storage (blocked by the browser) the controls still work on the
   current page. Without JavaScript the controls stay hidden: see reading.css. */
(function () {
  "use strict";
  var root = document.documentElement;
  // Steps of the root font size; every size in portal.css is in rem, so the layout follows.
  var SIZES = ["text-smaller", "", "text-large", "text-larger", "text-largest"];
  var PERCENT = [87.5, 100, 112.5, 125, 150];
  var NORMAL = 1;
  var SIZE_KEY = "loa-text-size";
  var CONTRAST_KEY = "loa-contrast";

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function write(key, value) {
    try {
      if (value) window.localStorage.setItem(key, value); else window.localStorage.removeItem(key);
    } catch (e) { /* storage blocked or full: the choice lasts for this page */ }
  }
  function load() {
    var size = SIZES.indexOf(read(SIZE_KEY) || "");
    return { size: size < 0 ? NORMAL : size, contrast: read(CONTRAST_KEY) === "high" };
  }

  var state = load();

  function apply() {
    SIZES.forEach(function (name, index) {
      if (name) root.classList[index === state.size ? "add" : "remove"](name);
    });
    root.classList[state.contrast ? "add" : "remove"]("high-contrast");
    sync();
  }

  function sync() {
    var buttons = document.querySelectorAll("[data-reading]");
    Array.prototype.forEach.call(buttons, function (button) {
      var action = button.getAttribute("data-reading");
      if (action === "normal") button.setAttribute("aria-pressed", String(state.size === NORMAL));
      else if (action === "contrast") button.setAttribute("aria-pressed", String(state.contrast));
      else if (action === "smaller") button.setAttribute("aria-disabled", String(state.size === 0));
      else if (action === "larger") button.setAttribute("aria-disabled", String(state.size === SIZES.length - 1));
    });
  }

  function announce(group) {
    var status = group.querySelector("[data-reading-status]");
    if (!status) return;
    var percent = PERCENT[state.size].toLocaleString(root.lang || "vi") + "%";
    status.textContent = (group.getAttribute("data-size-label") || "") + " " + percent;
  }

  function choose(event) {
    var button = event.currentTarget;
    var action = button.getAttribute("data-reading");
    if (action === "contrast") {
      state.contrast = !state.contrast;
      write(CONTRAST_KEY, state.contrast ? "high" : "");
      apply();
      return;
    }
    var size = action === "smaller" ? state.size - 1 : action === "larger" ? state.size + 1 : NORMAL;
    if (size < 0 || size >= SIZES.length) return;
    state.size = size;
    write(SIZE_KEY, SIZES[size]);
    apply();
    announce(button.closest("[data-reading-controls]") || document);
  }

  root.classList.add("js");
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-reading]"), function (button) {
      button.addEventListener("click", choose);
    });
    sync();
  });
  // Another tab changed the choice: follow it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === SIZE_KEY || event.key === CONTRAST_KEY || event.key === null) {
      state = load();
      apply();
    }
  });
})();
