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
  });
})();
