// Emergency kit: turns the plain list into a checklist kept in this browser (localStorage).
// Without JavaScript the page stays a readable, printable list.
(function () {
  "use strict";
  var kit = document.querySelector("[data-kit]");
  if (!kit) return;
  var key = "lux-kit:" + kit.getAttribute("data-kit");
  var strings = JSON.parse(document.getElementById("kit-strings").textContent);
  var state = {};
  try { state = JSON.parse(window.localStorage.getItem(key)) || {}; } catch (e) { state = {}; }
  var items = kit.querySelectorAll("[data-kit-item]");
  var progress = kit.querySelector("[data-kit-progress]");

  function save() {
    try { window.localStorage.setItem(key, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }
  function update() {
    var done = 0;
    items.forEach(function (item) { if (state[item.getAttribute("data-kit-item")]) done += 1; });
    progress.textContent = strings.progress.replace("%(done)s", done).replace("%(total)s", items.length);
  }

  items.forEach(function (item) {
    var id = "kit-check-" + item.getAttribute("data-kit-item");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.id = id;
    box.checked = !!state[item.getAttribute("data-kit-item")];
    var label = document.createElement("label");
    label.htmlFor = id;
    while (item.firstChild) label.appendChild(item.firstChild);
    item.appendChild(box);
    item.appendChild(label);
    item.classList.add("kit__item--interactive");
    box.addEventListener("change", function () {
      state[item.getAttribute("data-kit-item")] = box.checked;
      save();
      update();
    });
  });

  kit.querySelectorAll("[data-kit-help], [data-kit-progress], [data-kit-print], [data-kit-reset]")
    .forEach(function (el) { el.hidden = false; });
  kit.querySelector("[data-kit-print]").addEventListener("click", function () { window.print(); });
  kit.querySelector("[data-kit-reset]").addEventListener("click", function () {
    state = {};
    save();
    kit.querySelectorAll(".kit__item input[type=checkbox]").forEach(function (b) { b.checked = false; });
    update();
  });
  update();
})();
