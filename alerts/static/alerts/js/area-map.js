/* Area maps. The base layer is the outline of the 19 communes (GeoJSON from this site);
   tiles are added on top only when the container names a tile server. A read-only map
   shows an alert's targeted communes, polygons and circles; the composer's map also lets
   the author draw polygons (click each corner, then close) and circles (click the centre,
   then a point on the edge, or type the radius). The textareas stay the source of truth
   (CAP "lat,lon lat,lon …" and "lat,lon radius"), so the form works without JavaScript. */
(function () {
  "use strict";
  var BRUSSELS = [50.845, 4.36];
  var COMMUNE_STYLE = { color: "#56606b", weight: 1, fillColor: "#dfe4ea", fillOpacity: 0.6 };
  var TARGETED_STYLE = { color: "#1d4f91", weight: 2, fillColor: "#7fa6d8", fillOpacity: 0.6 };
  var SHAPE_STYLE = { color: "#b3261e", weight: 3, fillOpacity: 0.2 };
  var SKETCH_STYLE = { color: "#1d4f91", weight: 2, dashArray: "4" };
  var outlines = {};

  function loadOutlines(url) {
    if (!outlines[url]) {
      outlines[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error("communes: HTTP " + response.status); }
        return response.json();
      });
    }
    return outlines[url];
  }
  function lines(text) {
    return (text || "").split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean);
  }
  function pairs(line) {
    return line.split(/\s+/).map(function (pair) {
      var p = pair.split(",");
      return [parseFloat(p[0]), parseFloat(p[1])];
    }).filter(function (p) { return isFinite(p[0]) && isFinite(p[1]); });
  }
  function number(value, decimals) {
    return String(parseFloat(value.toFixed(decimals)));
  }
  function point(latlng) {
    return number(latlng.lat, 5) + "," + number(latlng.lng, 5);
  }
  function append(field, line) {
    var text = field.value.trim();
    field.value = (text ? text + "\n" : "") + line;
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }
  function communeName(properties) {
    var language = (document.documentElement.lang || "fr").slice(0, 2);
    if (language === "nl") { return properties.name_nl; }
    if (language === "en" && properties.name_nl !== properties.name_fr) {
      return properties.name_fr + " / " + properties.name_nl;
    }
    return properties.name_fr;
  }

  function setUp(container) {
    if (container.dataset.areaMapReady) { return; }
    container.dataset.areaMapReady = "true";
    container.hidden = false;
    var data = container.dataset;
    var map = L.map(container, { zoomSnap: 0.5 }).setView(BRUSSELS, 11);
    if (data.tileUrl) {
      L.tileLayer(data.tileUrl, { maxZoom: 18, attribution: data.attribution || "" }).addTo(map);
    }
    var polygonsField = data.polygons && document.getElementById(data.polygons);
    var circlesField = data.circles && document.getElementById(data.circles);
    var wholeRegionField = data.wholeRegionField && document.getElementById(data.wholeRegionField);
    var communes = L.geoJSON(null, { style: COMMUNE_STYLE }).addTo(map);
    var shapes = L.layerGroup().addTo(map);
    var regionBounds = null;

    function targeted() {
      if (data.communesField) {  // the composer: the commune checkboxes of its form
        var scope = (polygonsField && polygonsField.form) || document;
        var checked = scope.querySelectorAll('input[name="' + data.communesField + '"]:checked');
        return Array.prototype.map.call(checked, function (input) { return input.value; });
      }
      return (data.targeted || "").split(/\s+/).filter(Boolean);
    }
    function wholeRegion() {
      return wholeRegionField ? wholeRegionField.checked : data.wholeRegion === "true";
    }
    function styleCommunes() {
      var codes = targeted(), all = wholeRegion();
      communes.setStyle(function (feature) {
        return all || codes.indexOf(feature.properties.nis) !== -1 ? TARGETED_STYLE : COMMUNE_STYLE;
      });
    }
    function readText(field, key) {
      return field ? field.value : (data[key] || "");
    }
    function redraw(fit) {
      shapes.clearLayers();
      var bounds = L.latLngBounds([]);
      lines(readText(polygonsField, "polygonsText")).forEach(function (line) {
        var points = pairs(line);
        if (points.length > 2) { bounds.extend(L.polygon(points, SHAPE_STYLE).addTo(shapes).getBounds()); }
      });
      lines(readText(circlesField, "circlesText")).forEach(function (line) {
        var parts = line.split(/\s+/), centre = pairs(parts[0] || "")[0], radius = parseFloat(parts[1]);
        if (centre && radius > 0) {
          var circle = L.circle(centre, L.extend({ radius: radius * 1000 }, SHAPE_STYLE)).addTo(shapes);
          bounds.extend(circle.getBounds());
        }
      });
      if (fit) {
        var codes = targeted(), all = wholeRegion();
        communes.eachLayer(function (layer) {
          if (all || codes.indexOf(layer.feature.properties.nis) !== -1) { bounds.extend(layer.getBounds()); }
        });
        if (bounds.isValid()) { map.fitBounds(bounds, { maxZoom: 14, padding: [20, 20] }); }
        else if (regionBounds) { map.fitBounds(regionBounds); }
      }
    }

    loadOutlines(data.communesUrl).then(function (collection) {
      communes.addData(collection);
      communes.eachLayer(function (layer) {
        layer.bindTooltip(communeName(layer.feature.properties), { sticky: true });
      });
      regionBounds = communes.getBounds();
      styleCommunes();
      redraw(true);
      container.dataset.communesLoaded = "true";
    }).catch(function () {
      redraw(true);
    });
    redraw(true);
    if (!polygonsField) { return; }
    edit(container, map, polygonsField, circlesField, redraw, styleCommunes);
  }

  function edit(container, map, polygonsField, circlesField, redraw, styleCommunes) {
    var data = container.dataset;
    var tools = container.parentNode.querySelector("[data-area-tools]");
    var status = tools && tools.querySelector("[data-area-status]");
    var radiusInput = tools && tools.querySelector("[data-area-radius]");
    var vertices = [], centre = null;
    var sketch = L.polyline([], SKETCH_STYLE).addTo(map);
    var centreMarker = L.circleMarker(BRUSSELS, SKETCH_STYLE);
    if (tools) { tools.hidden = false; }

    function tool() {
      var checked = tools && tools.querySelector("[data-area-tool]:checked");
      return checked ? checked.value : "polygon";
    }
    function say(text) { if (status) { status.textContent = text || ""; } }
    function reset() {
      vertices = []; centre = null; sketch.setLatLngs([]); map.removeLayer(centreMarker);
    }
    function addCircle(radiusKm) {
      if (!centre || !circlesField || !(radiusKm > 0)) { return; }
      append(circlesField, point(centre) + " " + number(radiusKm, 2));
      reset(); redraw(false); say(data.textCircle);
    }

    map.on("click", function (event) {
      if (tool() === "circle") {
        if (!centre) {
          centre = event.latlng;
          centreMarker.setLatLng(centre).addTo(map);
          say(data.textCentre);
        } else {
          addCircle(map.distance(centre, event.latlng) / 1000);
        }
        return;
      }
      var last = vertices[vertices.length - 1];
      if (last && point(last) === point(event.latlng)) { return; }  // no repeated corner
      vertices.push(event.latlng);
      sketch.setLatLngs(vertices);
    });
    function on(selector, handler) {
      var element = tools && tools.querySelector(selector);
      if (element) { element.addEventListener("click", handler); }
    }
    on("[data-area-close]", function () {
      if (vertices.length < 3) { say(data.textTooFew); return; }
      append(polygonsField, vertices.concat([vertices[0]]).map(point).join(" "));
      reset(); redraw(false); say(data.textPolygon);
    });
    on("[data-area-add-circle]", function () {
      addCircle(radiusInput ? parseFloat(radiusInput.value) : NaN);
    });
    on("[data-area-clear]", function () {
      polygonsField.value = ""; reset(); redraw(false); say("");
    });
    on("[data-area-clear-circles]", function () {
      if (circlesField) { circlesField.value = ""; }
      reset(); redraw(false); say("");
    });
    if (tools) {
      Array.prototype.forEach.call(tools.querySelectorAll("[data-area-tool]"), function (radio) {
        radio.addEventListener("change", function () { reset(); say(""); });
      });
    }
    [polygonsField, circlesField].forEach(function (field) {
      if (field) { field.addEventListener("change", function () { redraw(false); }); }
    });
    var form = polygonsField.form;
    if (form) {
      form.addEventListener("change", function (event) {
        var target = event.target;
        if (target && (target.name === data.communesField || target.id === data.wholeRegionField)) {
          styleCommunes();
        }
      });
    }
  }

  function init() {
    if (typeof L === "undefined") { return; }
    document.querySelectorAll("[data-area-map]").forEach(setUp);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
