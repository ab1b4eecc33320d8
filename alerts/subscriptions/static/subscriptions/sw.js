/* LUX response service worker (served at /sw.js, scope /).
   Shows alert notifications from the push payload:
   {"title": ..., "body": ..., "topic": ..., "url": ..., "lang": ..., "severity": ...}
   (or the same fields under "data"), and keeps the server's copy of the push subscription
   current when the browser replaces it. */
"use strict";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

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
  var options = {
    body: payload.body || "",
    tag: payload.tag || payload.topic || data.topic || "lux-response",
    renotify: true,
    lang: payload.lang || "",
    icon: payload.icon || undefined,
    requireInteraction: payload.severity === "Extreme" || payload.severity === "Severe",
    data: { url: url },
    actions: [{ action: "open", title: payload.action_title || "→" }],
  };
  event.waitUntil(self.registration.showNotification(title, options));
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
