/* Offline guidance, on every citizen page: registers the service worker (/sw.js, scope /)
   and, on the emergency kit, the risk pages and the alerts page, keeps this page (in the
   language it is read in) and the files it uses in the browser's cache, so that it can be
   read again without a network. The service worker serves them when the network fails.
   On a page kept for offline reading, an element marked data-offline-notice is shown while
   the browser is offline (the page prints when it was last updated). */
(function () {
  "use strict";
  // Same names as in sw.js.
  var GUIDANCE = "lux-offline-guidance-v1";
  var ALERTS = "lux-offline-alerts-v1";
  var STATIC = "lux-offline-static-v1";
  var body = document.body;

  function kind() {
    var classes = body.classList;
    if (
      classes.contains("template-emergency-kit") ||
      classes.contains("template-risk") ||
      classes.contains("template-risk-index")
    ) {
      return GUIDANCE;
    }
    if (classes.contains("template-alerts")) return ALERTS;
    return null;
  }

  function showOfflineNotice() {
    var notices = document.querySelectorAll("[data-offline-notice]");
    for (var i = 0; i < notices.length; i++) notices[i].hidden = navigator.onLine !== false;
  }

  function keep(cacheName) {
    if (!("caches" in window) || navigator.onLine === false) return;
    var assets = [];
    var nodes = document.querySelectorAll("link[rel=stylesheet][href], script[src]");
    for (var i = 0; i < nodes.length; i++) {
      var url = new URL(nodes[i].getAttribute("href") || nodes[i].getAttribute("src"), location.href);
      if (url.origin === location.origin) assets.push(url.pathname + url.search);
    }
    var page = location.pathname;
    caches.open(cacheName).then(function (cache) {
      // A fresh copy: the one in the browser's memory may come from the cache itself.
      return fetch(page, { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
        if (response.ok && !response.redirected) return cache.put(page, response);
      });
    }).catch(function () {});
    caches.open(STATIC).then(function (cache) {
      return Promise.all(assets.map(function (asset) {
        return cache.match(asset).then(function (hit) {
          return hit || cache.add(asset);
        });
      }));
    }).catch(function () {});
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }
  var cacheName = kind();
  if (cacheName) {
    keep(cacheName);
    showOfflineNotice();
    window.addEventListener("online", showOfflineNotice);
    window.addEventListener("offline", showOfflineNotice);
  }
})();
