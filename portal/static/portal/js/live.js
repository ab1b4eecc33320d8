/* Every citizen page (loaded from templates/base.html, which gives the addresses as
   data-csrf-url and data-banner-url on this script's tag). Pages come from a shared cache,
   so this script brings the two things a shared copy cannot hold:

   1. The visitor's own CSRF token. Forms on cached pages carry an empty
      csrfmiddlewaretoken field; it is filled from data-csrf-url (uncached JSON, which
      also sets the visitor's CSRF cookie) before the form can be sent. Without this
      script the server shows the form again with a token (portal.public_forms).

   2. The alert banner as it is now. The banner in the cached page may be behind: its
      current version (data-banner-url, a small cached fragment with an ETag) is asked
      for at once and every 8 s while the page is visible and online (then at once on
      return), so that an alert reaches an open page within 10 s; it backs off after
      failures, and replaces the banner when it changed. The banner's slot is a polite
      live region, so the change is announced. */
(function () {
  "use strict";

  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var POLL_MS = 8000;
  var MAX_BACKOFF_MS = 300000;

  // -- 1. CSRF tokens -----------------------------------------------------------------
  var tokenPromise = null;

  function emptyTokenFields() {
    var fields = document.querySelectorAll("input[name=csrfmiddlewaretoken]");
    var empty = [];
    for (var i = 0; i < fields.length; i++) if (!fields[i].value) empty.push(fields[i]);
    return empty;
  }

  function fetchToken() {
    if (!tokenPromise) {
      tokenPromise = fetch(data.csrfUrl, {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error("token " + response.status);
          return response.json();
        })
        .then(function (answer) {
          var fields = emptyTokenFields();
          for (var i = 0; i < fields.length; i++) fields[i].value = answer.token;
          return answer.token;
        })
        .catch(function (error) {
          tokenPromise = null; // ask again on submit; without a token the server asks again
          throw error;
        });
    }
    return tokenPromise;
  }

  function setupForms() {
    if (!data.csrfUrl || !emptyTokenFields().length) return;
    fetchToken().catch(function () {});
    document.addEventListener("submit", function (event) {
      var form = event.target;
      var field = form.querySelector && form.querySelector("input[name=csrfmiddlewaretoken]");
      if (!field || field.value) return;
      event.preventDefault();
      var submitter = event.submitter;
      var send = function () {
        if (form.requestSubmit) form.requestSubmit(submitter || undefined);
        else form.submit();
      };
      // Sent either way: without a token the server shows the form again to be resent.
      fetchToken().then(send, send);
    });
  }

  // -- 2. The live banner -------------------------------------------------------------
  function normalised(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.innerHTML.replace(/\s+/g, " ").trim();
  }

  function setupBanner() {
    var slot = document.getElementById("alert-banner");
    if (!slot || !data.bannerUrl || !window.fetch) return;
    slot.setAttribute("aria-live", "polite");
    var shown = normalised(slot.innerHTML);
    var timer = null;
    var asking = false;
    var failures = 0;

    function schedule(ms) {
      window.clearTimeout(timer);
      timer = window.setTimeout(poll, ms);
    }

    function show(html) {
      var fresh = normalised(html);
      if (fresh === shown) return;
      shown = fresh;
      var template = document.createElement("template");
      template.innerHTML = html;
      slot.replaceChildren(template.content);
    }

    function poll() {
      timer = null;
      if (asking || document.hidden || navigator.onLine === false) return; // see resume()
      asking = true;
      fetch(data.bannerUrl, { credentials: "omit", cache: "no-cache" })
        .then(function (response) {
          if (!response.ok) throw new Error("banner " + response.status);
          return response.text();
        })
        .then(function (html) {
          asking = false;
          failures = 0;
          show(html);
          schedule(POLL_MS);
        })
        .catch(function () {
          asking = false;
          failures += 1;
          schedule(Math.min(POLL_MS * Math.pow(2, failures), MAX_BACKOFF_MS));
        });
    }

    function resume() {
      if (!document.hidden && navigator.onLine !== false) schedule(0);
    }

    document.addEventListener("visibilitychange", resume);
    window.addEventListener("online", resume);
    poll();
  }

  setupForms();
  setupBanner();
})();
