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

  /* The phone menu: the button opens and closes it (Enter, Space, a tap); Escape, from the button or from
     inside the menu, closes it and puts the focus back on the button. On wide screens the button is hidden
     and the menu always shown: Escape then does nothing. */
  function menu() {
    var toggle = document.querySelector(".main-nav__toggle");
    if (!toggle) return;
    var nav = toggle.closest(".main-nav") || toggle.parentNode;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true" || !toggle.offsetParent) return;
      event.preventDefault();
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
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

/* --- ratings (loa/ratings): "Thông tin này có hữu ích với bạn không?" ---
   The widget's HTML is the same for every reader, so pages stay cacheable; what this reader did
   lives only in this browser (localStorage "loa.ratings"): an anonymous random id, sent with each
   rating, and the ratings given, page by page, to say "already rated" on the next visit.
   Without JavaScript the form posts itself and the server answers with a thank-you anchor. */
(function () {
  "use strict";

  var STORE = "loa.ratings", MAX_PAGES = 300, MAX_LENGTH = 1000;
  var LABELS = { 1: "Không hữu ích", 2: "Ít hữu ích", 3: "Tương đối hữu ích", 4: "Hữu ích", 5: "Rất hữu ích" };

  function load() {
    try { return JSON.parse(window.localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }
  function keep(state) {
    try { window.localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode: this visit only */ }
  }
  function randomId() {
    var bytes = new Uint8Array(16), crypto = window.crypto || window.msCrypto, i;
    if (crypto && crypto.getRandomValues) { crypto.getRandomValues(bytes); }
    else { for (i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256); }  /* very old browsers */
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function visitor(state) {
    if (!/^[0-9a-f]{32}$/.test(state.visitor || "")) { state.visitor = randomId(); keep(state); }
    return state.visitor;
  }
  function remember(state, pageId, rating) {
    var pages = state.pages || {}, ids;
    pages[pageId] = { rating: rating, at: Date.now() };
    ids = Object.keys(pages);
    if (ids.length > MAX_PAGES) {  /* forget the oldest: this is a courtesy, not a record */
      ids.sort(function (a, b) { return pages[a].at - pages[b].at; });
      ids.slice(0, ids.length - MAX_PAGES).forEach(function (id) { delete pages[id]; });
    }
    state.pages = pages; keep(state);
  }
  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }

  function widget(section) {
    var form = section.querySelector("[data-rating-form]");
    var status = section.querySelector("[data-rating-status]");
    var done = section.querySelector("[data-rating-done]");
    var doneText = section.querySelector("[data-rating-done-text]");
    var counter = section.querySelector("[data-rating-counter]");
    var comment = form.elements.comment, button = form.querySelector("[type=submit]");
    var pageId = form.elements.page.value, state = load();
    var radios = Array.prototype.slice.call(form.querySelectorAll("input[name=rating]"));
    if (!window.fetch || !window.JSON) return;  /* the plain form still works */
    form.noValidate = true;  /* our own messages, next to the fields and read out */

    function count() { counter.textContent = "Đã nhập " + thousands(comment.value.length) + "/" + thousands(MAX_LENGTH) + " ký tự."; }
    function showError(field, message) {
      var slot = section.querySelector('[data-rating-error="' + field + '"]');
      var owner = field === "rating" ? form.querySelector("fieldset") : comment;
      var ids = (owner.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== slot.id; });
      if (message) { ids.push(slot.id); owner.setAttribute("aria-invalid", "true"); } else { owner.removeAttribute("aria-invalid"); }
      if (ids.length) owner.setAttribute("aria-describedby", ids.join(" ")); else owner.removeAttribute("aria-describedby");
      slot.textContent = message || ""; slot.hidden = !message;
    }
    function chosen() {
      var checked = radios.filter(function (r) { return r.checked; })[0];
      return checked ? parseInt(checked.value, 10) : 0;
    }
    function showDone(rating, fresh) {
      doneText.textContent = (fresh ? "Cảm ơn bạn đã đánh giá! " : "Bạn đã đánh giá trang này. ") +
        "Mức bạn chọn: " + rating + " – " + LABELS[rating] + ".";
      form.hidden = true; done.hidden = false;
    }

    var given = state.pages && state.pages[pageId];
    if (given && LABELS[given.rating]) showDone(given.rating, false);
    count();
    comment.addEventListener("input", count);
    radios.forEach(function (r) { r.addEventListener("change", function () { showError("rating", ""); }); });

    section.querySelector("[data-rating-again]").addEventListener("click", function () {
      var previous = state.pages && state.pages[pageId];
      radios.forEach(function (r) { r.checked = previous && parseInt(r.value, 10) === previous.rating; });
      done.hidden = true; form.hidden = false; status.textContent = "";
      (radios.filter(function (r) { return r.checked; })[0] || radios[0]).focus();
    });

    form.addEventListener("submit", function (event) {
      var rating = chosen();
      event.preventDefault();
      showError("rating", ""); showError("comment", "");
      if (!rating) {
        showError("rating", "Vui lòng chọn một mức từ 1 đến 5.");
        status.textContent = "Bạn chưa chọn mức đánh giá.";
        radios[0].focus();
        return;
      }
      button.disabled = true; status.textContent = "Đang gửi đánh giá…";
      fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ page: parseInt(pageId, 10), rating: rating, comment: comment.value, visitor: visitor(state) }),
      })
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (data) { return { ok: response.ok, status: response.status, data: data }; });
        })
        .then(function (result) {
          button.disabled = false;
          if (result.ok && result.data.saved) {
            state = load(); remember(state, pageId, rating);
            showDone(rating, true);
            status.textContent = "Đã gửi đánh giá.";
            done.focus();
            return;
          }
          var errors = result.data.errors || {};
          if (errors.rating) showError("rating", errors.rating.join(" "));
          if (errors.comment) showError("comment", errors.comment.join(" "));
          status.textContent = result.status === 429
            ? "Bạn đã gửi nhiều đánh giá trong thời gian ngắn. Vui lòng thử lại sau ít phút."
            : (result.data.message || "Chưa gửi được đánh giá. Vui lòng thử lại.");
        })
        .catch(function () {
          button.disabled = false;
          status.textContent = "Chưa gửi được đánh giá. Vui lòng kiểm tra kết nối mạng và thử lại.";
        });
    });
  }

  function start() { document.querySelectorAll("[data-rating]").forEach(widget); }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
/* --- end ratings --- */
