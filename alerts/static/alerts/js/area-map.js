/* Area map: shows the CAP polygons and circles of an alert and, in the composer, lets the
   author draw polygons. The textarea stays the source of truth (CAP "lat,lon lat,lon …"),
   so the form works without JavaScript or without a tile server. */
(function () {
  "use strict";
  var BRUSSELS = [50.845, 4.36];

  function parseLines(text) {
    return (text || "").split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean);
  }
  function parsePairs(line) {
    return line.split(/\s+/).map(function (pair) {
      var p = pair.split(",");
      return [parseFloat(p[0]), parseFloat(p[1])];
    }).filter(function (p) { return !isNaN(p[0]) && !isNaN(p[1]); });
  }
  function fmt(latlng) {
    return latlng.lat.toFixed(5) + "," + latlng.lng.toFixed(5);
  }

  function setUp(container) {
    var map = L.map(container).setView(BRUSSELS, 11);
    L.tileLayer(container.dataset.tileUrl, {
      maxZoom: 18,
      attribution: container.dataset.attribution || ""
    }).addTo(map);
    var shapes = L.layerGroup().addTo(map);
    var polygonsField = container.dataset.polygons && document.getElementById(container.dataset.polygons);
    var circlesField = container.dataset.circles && document.getElementById(container.dataset.circles);

    function readText(field, key) {
      return field ? field.value : (container.dataset[key] || "");
    }
    function redraw() {
      shapes.clearLayers();
      var bounds = [];
      parseLines(readText(polygonsField, "polygonsText")).forEach(function (line) {
        var pairs = parsePairs(line);
        if (pairs.length > 1) { L.polygon(pairs, { color: "#b3261e" }).addTo(shapes); bounds = bounds.concat(pairs); }
      });
      parseLines(readText(circlesField, "circlesText")).forEach(function (line) {
        var parts = line.split(/\s+/), centre = parsePairs(parts[0])[0], radius = parseFloat(parts[1]);
        if (centre && !isNaN(radius)) { L.circle(centre, { radius: radius * 1000, color: "#b3261e" }).addTo(shapes); bounds.push(centre); }
      });
      if (bounds.length) { map.fitBounds(bounds, { maxZoom: 14 }); }
    }
    redraw();
    if (!polygonsField) { return; }

    // Drawing: each click adds a vertex; "close" writes the polygon (first point repeated).
    var vertices = [], sketch = L.polyline([], { color: "#1d4f91", dashArray: "4" }).addTo(map);
    map.on("click", function (event) { vertices.push(event.latlng); sketch.setLatLngs(vertices); });
    var close = container.parentNode.querySelector("[data-area-close]");
    var clear = container.parentNode.querySelector("[data-area-clear]");
    if (close) {
      close.addEventListener("click", function () {
        if (vertices.length < 3) { return; }
        var line = vertices.concat([vertices[0]]).map(fmt).join(" ");
        polygonsField.value = (polygonsField.value.trim() ? polygonsField.value.trim() + "\n" : "") + line;
        vertices = []; sketch.setLatLngs([]); redraw();
      });
    }
    if (clear) {
      clear.addEventListener("click", function () {
        polygonsField.value = ""; vertices = []; sketch.setLatLngs([]); redraw();
      });
    }
    polygonsField.addEventListener("change", redraw);
    if (circlesField) { circlesField.addEventListener("change", redraw); }
  }

  function init() {
    if (typeof L === "undefined") { return; }
    document.querySelectorAll("[data-area-map]").forEach(setUp);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
