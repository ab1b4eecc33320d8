/* Offline guidance, on every citizen page: registers the service worker (/sw.js, scope /)
   and, on the emergency kit, the risk pages and the alerts page, keeps this page (in the
   language it is read in) and the files it uses in the browser's cache, so that it can be
   read again without a network. An alert's page is kept when it is read (from a
   notification, say). On the alerts page it also keeps the page of each alert in
   force (the links in the element marked data-offline-alerts) with the files it uses, and
   forgets the saved pages of alerts no longer in force. The service worker serves them when
   the network fails.
   On a page that can be read offline (the alerts page, an alert's page), an element marked
   data-offline-notice is shown while the browser is offline (the page prints when it was
   last updated). */
(function () {
  "use strict";
  // Same names as in sw.js.
  var GUIDANCE = "lux-offline-guidance-v1";
  var ALERTS = "lux-offline-alerts-v1";
  var STATIC = "lux-offline-static-v1";
  // The alert pages of each language (alerts.urls under its translated segment).
  var ALERT_PAGE = /^\/(fr|nl|en)\/(alertes|waarschuwingen|alerts)\/[^/]+\/$/;
  var body = document.body;

  function kind() {
    var classes = body.classList;
    if (
      classes.contains("template-emergency-kit") ||
      classes.contains("template-household-plan") ||
      classes.contains("template-risk") ||
      classes.contains("template-risk-index")
    ) {
      return GUIDANCE;
    }
    // The alerts page, and an alert's own page (opened from a notification, say).
    if (classes.contains("template-alerts") || classes.contains("template-alert")) return ALERTS;
    return null;
  }

  function showOfflineNotice() {
    var notices = document.querySelectorAll("[data-offline-notice]");
    for (var i = 0; i < notices.length; i++) notices[i].hidden = navigator.onLine !== false;
  }

  // Same-origin stylesheets and scripts of a document (this page, or one fetched).
  function assetsOf(doc, base) {
    var assets = [];
    var nodes = doc.querySelectorAll("link[rel=stylesheet][href], script[src]");
    for (var i = 0; i < nodes.length; i++) {
      var url = new URL(nodes[i].getAttribute("href") || nodes[i].getAttribute("src"), base);
      if (url.origin === location.origin) assets.push(url.pathname + url.search);
    }
    return assets;
  }

  function keepAssets(assets) {
    return caches.open(STATIC).then(function (cache) {
      return Promise.all(assets.map(function (asset) {
        return cache.match(asset).then(function (hit) {
          return hit || cache.add(asset);
        });
      }));
    }).catch(function () {});
  }

  // A fresh copy of `path` in `cache`: the one in the browser's memory may come from the
  // cache itself. Resolves to the page's text, or null.
  function keepPage(cache, path) {
    return fetch(path, { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
      if (!response.ok || response.redirected) return null;
      return cache.put(path, response.clone()).then(function () { return response.text(); });
    });
  }

  function alertsInForce() {
    var paths = [];
    var links = document.querySelectorAll("[data-offline-alerts] a[href]");
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].getAttribute("href"), location.href);
      if (url.origin === location.origin && ALERT_PAGE.test(url.pathname) &&
          paths.indexOf(url.pathname) < 0) {
        paths.push(url.pathname);
      }
    }
    return paths;
  }

  // The pages of the alerts in force in this language, and no other alert page.
  function keepAlertPages(cache) {
    var paths = alertsInForce();
    var language = location.pathname.split("/")[1];
    var kept = paths.map(function (path) {
      return keepPage(cache, path).then(function (html) {
        if (!html) return null;
        var doc = new DOMParser().parseFromString(html, "text/html");
        return keepAssets(assetsOf(doc, location.origin + path));
      }).catch(function () {});
    });
    var forgotten = cache.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        var path = new URL(request.url).pathname;
        var ended = ALERT_PAGE.test(path) && path.split("/")[1] === language &&
          paths.indexOf(path) < 0;
        return ended ? cache.delete(request) : null;
      }));
    });
    return Promise.all(kept.concat([forgotten]));
  }

  function keep(cacheName) {
    if (!("caches" in window) || navigator.onLine === false) return;
    caches.open(cacheName).then(function (cache) {
      return keepPage(cache, location.pathname).then(function () {
        // Only the alerts page knows which alerts are in force.
        if (document.querySelector("[data-offline-alerts]")) return keepAlertPages(cache);
      });
    }).catch(function () {});
    keepAssets(assetsOf(document, location.href));
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }
  var cacheName = kind();
  if (cacheName) keep(cacheName);
  if (document.querySelector("[data-offline-notice]")) {
    showOfflineNotice();
    window.addEventListener("online", showOfflineNotice);
    window.addEventListener("offline", showOfflineNotice);
  }
})();
