/* LUX response service worker (served at /sw.js, scope /).
   Shows alert notifications from the push payload:
   {"title": ..., "body": ..., "topic": ..., "url": ..., "lang": ..., "severity": ...}
   (or the same fields under "data"), and keeps the server's copy of the push subscription
   current when the browser replaces it.
   Offline guidance: the emergency kit, the risk pages, the alerts page and the pages of the
   alerts in force, kept per language by the pages themselves (offline.js: the alerts page
   keeps the pages of the alerts it lists as in force) in the caches below, are served
   without a network: guidance pages stale-while-revalidate (the saved copy at once, refreshed
   in the background); the alerts page and the alert pages network-first, with the saved copy
   when the network fails (each page prints when it was generated); static files kept for
   them stale-while-revalidate. Other requests are untouched. */
"use strict";

var GUIDANCE = "lux-offline-guidance-v1";
var ALERTS = "lux-offline-alerts-v1";
var STATIC = "lux-offline-static-v1";
var KEPT = [GUIDANCE, ALERTS, STATIC];
var CITIZEN_PAGES = /^\/(fr|nl|en)\//;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("lux-offline-") === 0 && KEPT.indexOf(name) < 0;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function refresh(cacheName, request, key) {
  return fetch(request).then(function (response) {
    if (response.ok && response.type === "basic" && !response.redirected) {
      var copy = response.clone();
      return caches.open(cacheName).then(function (cache) {
        return cache.put(key, copy);
      }).then(function () { return response; });
    }
    return response;
  });
}

function staleWhileRevalidate(event, cached, key) {
  var update = refresh(GUIDANCE, event.request, key).catch(function () {});
  event.waitUntil(update);
  return cached;
}

function networkFirst(request, cached, key) {
  return refresh(ALERTS, request, key).catch(function () { return cached; });
}

function page(event, url) {
  var key = url.pathname;
  return caches.open(GUIDANCE).then(function (guidance) {
    return guidance.match(key).then(function (saved) {
      if (saved) return staleWhileRevalidate(event, saved, key);
      return caches.open(ALERTS).then(function (alerts) {
        return alerts.match(key).then(function (latest) {
          return latest ? networkFirst(event.request, latest, key) : fetch(event.request);
        });
      });
    });
  });
}

function staticFile(event) {
  var request = event.request;
  return caches.open(STATIC).then(function (cache) {
    return cache.match(request).then(function (hit) {
      if (!hit) return fetch(request);
      event.waitUntil(refresh(STATIC, request, request).catch(function () {}));
      return hit;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && CITIZEN_PAGES.test(url.pathname) && !url.search) {
    event.respondWith(page(event, url));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(staticFile(event));
  }
});

self.addEventListener("push", function (event) {
  var payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch (error) {
    payload = { body: event.data ? event.data.text() : "" };
  }
  var data = payload.data || {};
  var url = payload.url || data.url || "/";
  var title = payload.title || "LUX response";
  var tag = payload.tag || payload.topic || data.topic || "lux-response";
  var options = {
    body: payload.body || "",
    tag: tag,
    renotify: true,
    lang: payload.lang || "",
    icon: payload.icon || undefined,
    requireInteraction: payload.severity === "Extreme" || payload.severity === "Severe",
    data: { url: url, id: payload.id || "" },
    actions: [{ action: "open", title: payload.action_title || "→" }],
  };
  // An update of the incident replaces its notification and alerts again; the same
  // message received a second time (a resend after a crash) replaces it silently.
  event.waitUntil(
    self.registration.getNotifications({ tag: tag }).then(function (shown) {
      var again = shown.some(function (n) {
        return options.data.id && n.data && n.data.id === options.data.id;
      });
      if (again) options.renotify = false;
      return self.registration.showNotification(title, options);
    })
  );
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (list) {
      for (var i = 0; i < list.length; i++) {
        if (list[i].url === url && "focus" in list[i]) return list[i].focus();
      }
      return self.clients.openWindow(url);
    })
  );
});

self.addEventListener("pushsubscriptionchange", function (event) {
  var oldSubscription = event.oldSubscription;
  var options = oldSubscription ? oldSubscription.options : null;
  event.waitUntil(
    (options
      ? self.registration.pushManager.subscribe(options)
      : Promise.reject(new Error("no previous options"))
    ).then(function (subscription) {
      return fetch("/webhooks/push/subscription-change", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          old_endpoint: oldSubscription ? oldSubscription.endpoint : "",
          subscription: subscription.toJSON(),
        }),
      });
    })
  );
});
