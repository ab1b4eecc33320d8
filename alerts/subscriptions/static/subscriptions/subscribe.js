/* Subscribe and manage pages: browser notifications and precise location, each asked for
   only after the person clicks the matching button; a search box over the communes; the
   error summary's links bring the field's question into view. Works without this script
   (email and SMS need no JavaScript, the communes are a plain list). */
(function () {
  "use strict";

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function urlBase64ToUint8Array(base64String) {
    var padding = "=".repeat((4 - (base64String.length % 4)) % 4);
    var base64 = (base64String + padding).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(base64);
    var output = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; ++i) output[i] = raw.charCodeAt(i);
    return output;
  }

  function setupPush() {
    var field = document.getElementById("push-field");
    var button = document.getElementById("push-enable");
    var status = document.getElementById("push-status");
    if (!field || !button) return;
    var key = field.dataset.vapidPublicKey;
    if (!key || !("serviceWorker" in navigator) || !("PushManager" in window)) return;
    var hidden = field.querySelector("input[type=hidden]");
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      navigator.serviceWorker
        .register("/sw.js", { scope: "/" })
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function (registration) {
          return Notification.requestPermission().then(function (permission) {
            if (permission !== "granted") throw new Error("denied");
            return registration.pushManager.subscribe({
              userVisibleOnly: true,
              applicationServerKey: urlBase64ToUint8Array(key),
            });
          });
        })
        .then(function (subscription) {
          var body = { subscription: subscription.toJSON() };
          if (field.dataset.manageToken) body.token = field.dataset.manageToken;
          return fetch(field.dataset.pushUrl, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
            body: JSON.stringify(body),
          }).then(function (response) {
            if (!response.ok) {
              // The server says why in words (a notification service or key it refuses,
              // too many sign-ups); textContent keeps them text.
              return response.json().catch(function () { return {}; }).then(function (answer) {
                var refused = new Error("server");
                refused.said = typeof answer.error === "string" ? answer.error : "";
                throw refused;
              });
            }
            if (hidden) hidden.value = JSON.stringify(body.subscription);
            status.textContent = button.dataset.okText || "✓";
          });
        })
        .catch(function (error) {
          button.disabled = false;
          // Only the server's words are shown; the browser's own errors are technical.
          status.textContent = (error && error.said) || button.dataset.errorText || "✗";
        });
    });
  }

  function setupGeolocation() {
    var button = document.getElementById("geo-enable");
    var status = document.getElementById("geo-status");
    if (!button || !("geolocation" in navigator)) return;
    var lat = document.querySelector("input[name=latitude]");
    var lon = document.querySelector("input[name=longitude]");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(
        function (position) {
          lat.value = position.coords.latitude.toFixed(3);
          lon.value = position.coords.longitude.toFixed(3);
          status.textContent = (button.dataset.okText || "✓") + " " + lat.value + ", " + lon.value;
        },
        function () { status.textContent = button.dataset.errorText || "✗"; },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
      );
    });
  }

  // "Alert me where I am": this browser's position goes to the server with its push
  // endpoint (the endpoint is the authorisation). Opting in is remembered in this browser
  // only; the position is read after the person's click, and again when they open this
  // page later (only if the browser already granted location: it never prompts then).
  var WHERE_FLAG = "lux-where-i-am";
  var WHERE_PENDING = "lux-where-i-am-pending";

  function storage(kind) {
    try { return window[kind]; } catch (error) { return null; }
  }

  function pushEndpoint() {
    if (!("serviceWorker" in navigator)) return Promise.resolve(null);
    return navigator.serviceWorker.getRegistration("/").then(function (registration) {
      if (!registration || !registration.pushManager) return null;
      return registration.pushManager.getSubscription().then(function (subscription) {
        return subscription ? subscription.endpoint : null;
      });
    }).catch(function () { return null; });
  }

  function postJson(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body),
    });
  }

  function readPosition() {
    return new Promise(function (resolve, reject) {
      navigator.geolocation.getCurrentPosition(
        function (position) {
          // Three decimals (about 100 m) leave the browser; the server keeps about 500 m.
          resolve({
            latitude: Number(position.coords.latitude.toFixed(3)),
            longitude: Number(position.coords.longitude.toFixed(3)),
          });
        },
        reject,
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
      );
    });
  }

  // Send a position; resolves to "stored", "later" (no live subscription for this browser
  // yet: kept for the page after sign-up) or rejects.
  function sendPosition(url, position) {
    return pushEndpoint().then(function (endpoint) {
      if (!endpoint) return "later";
      return postJson(url, {
        endpoint: endpoint, latitude: position.latitude, longitude: position.longitude,
      }).then(function (response) {
        if (response.status === 404) return "later";
        if (!response.ok) throw new Error("refused");
        return "stored";
      });
    });
  }

  function setupWhereIAm() {
    var box = document.getElementById("where-i-am");
    if (!box || !("geolocation" in navigator) || !("serviceWorker" in navigator)) return;
    var local = storage("localStorage");
    var session = storage("sessionStorage");
    var checkbox = document.getElementById("where-i-am-enable");
    var update = document.getElementById("where-i-am-update");
    var erase = document.getElementById("where-i-am-erase");
    var actions = document.getElementById("where-i-am-actions");
    var status = document.getElementById("where-i-am-status");
    box.hidden = false;

    function show(on) {
      checkbox.checked = on;
      actions.hidden = !on;
    }

    function store(position) {
      return sendPosition(box.dataset.positionUrl, position).then(function (outcome) {
        if (outcome === "later") {
          if (session) session.setItem(WHERE_PENDING, JSON.stringify(position));
          status.textContent = box.dataset.laterText;
        } else {
          if (session) session.removeItem(WHERE_PENDING);
          status.textContent = box.dataset.storedText;
        }
      });
    }

    function locateAndStore() {
      return readPosition()
        .then(store, function () { status.textContent = box.dataset.errorText; })
        .catch(function () { status.textContent = box.dataset.refusedText; });
    }

    function forget() {
      if (local) local.removeItem(WHERE_FLAG);
      if (session) session.removeItem(WHERE_PENDING);
      show(false);
      return pushEndpoint().then(function (endpoint) {
        if (!endpoint) { status.textContent = box.dataset.erasedText; return; }
        return postJson(box.dataset.eraseUrl, { endpoint: endpoint }).then(function (response) {
          // 404: nothing was stored for this browser, which is erased enough.
          status.textContent = response.ok || response.status === 404
            ? box.dataset.erasedText : box.dataset.refusedText;
        });
      }).catch(function () { status.textContent = box.dataset.refusedText; });
    }

    // The management page's own "erase my position" buttons (one per browser, without
    // script): erasing from here also ends the opt-in in this browser, or opening the
    // page again would store a position at once.
    Array.prototype.forEach.call(document.querySelectorAll("form[data-position-erase]"), function (form) {
      form.addEventListener("submit", function () {
        if (local) local.removeItem(WHERE_FLAG);
        if (session) session.removeItem(WHERE_PENDING);
      });
    });

    checkbox.addEventListener("change", function () {
      if (checkbox.checked) {
        if (local) local.setItem(WHERE_FLAG, "1");
        show(true);
        locateAndStore();
      } else {
        forget();
      }
    });
    update.addEventListener("click", locateAndStore);
    erase.addEventListener("click", forget);

    var optedIn = local && local.getItem(WHERE_FLAG) === "1";
    show(Boolean(optedIn));
    if (!optedIn) return;
    // Opening the page again refreshes the position, without ever prompting: only when
    // this browser already allows location for the site.
    if (navigator.permissions && navigator.permissions.query) {
      navigator.permissions.query({ name: "geolocation" }).then(function (permission) {
        if (permission.state === "granted") locateAndStore();
      }).catch(function () {});
    }
  }

  // After sign-up: a position read on the sign-up page is stored once this browser's
  // push subscription exists (this page asks for no location).
  function sendPendingPosition() {
    var note = document.getElementById("where-i-am-pending");
    var session = storage("sessionStorage");
    if (!note || !session) return;
    var saved = session.getItem(WHERE_PENDING);
    if (!saved) return;
    var position;
    try { position = JSON.parse(saved); } catch (error) { session.removeItem(WHERE_PENDING); return; }
    sendPosition(note.dataset.positionUrl, position).then(function (outcome) {
      if (outcome !== "stored") return;
      session.removeItem(WHERE_PENDING);
      note.textContent = note.dataset.storedText;
      note.hidden = false;
    }).catch(function () {});
  }

  // Lower case, accents dropped: "schaerbeek" finds Schaerbeek and "etterbeek" Etterbeek.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setupCommuneSearch() {
    var box = document.querySelector("[data-commune-search]");
    if (!box) return;
    var input = box.querySelector("input[type=search]");
    var count = box.querySelector("[data-commune-search-count]");
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-commune-terms]"));
    box.hidden = false;
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      var shown = 0;
      items.forEach(function (item) {
        var visible = !wanted || fold(item.dataset.communeTerms + " " + item.textContent).indexOf(wanted) !== -1;
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = shown ? "" : box.dataset.noneText || "";
    });
  }

  // GOV.UK's error summary: a link moves focus to the field, and the field's label or
  // legend (the question) is scrolled into view with it, not hidden above the screen edge.
  function setupErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    if (document.activeElement !== summary) summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      event.preventDefault();
      var details = target.closest("details");
      if (details) details.open = true;
      var choices = target.closest(".form-choices");
      var legend = choices && choices.querySelector("legend");
      var label = target.id && document.querySelector("label[for='" + target.id + "']");
      var heading = legend || label || target;
      heading.scrollIntoView();
      target.focus({ preventScroll: true });
      if (document.activeElement !== target) {
        target.setAttribute("tabindex", "-1");
        target.focus({ preventScroll: true });
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupErrorSummary();
    setupCommuneSearch();
    setupPush();
    setupGeolocation();
    setupWhereIAm();
    sendPendingPosition();
  });
})();
