// Household emergency plan: turns the blank plan into one filled in on this device and kept
// in this browser only (localStorage, under the page's translation key, so the French, Dutch
// and English pages show the same plan). Nothing is sent: there is no form, and the reminder
// calendar file is made here. Without JavaScript the page stays a blank plan to print.
(function () {
  "use strict";
  var plan = document.querySelector("[data-plan]");
  if (!plan) return;
  var KEY = "lux-household-plan:" + plan.getAttribute("data-plan");
  var strings = JSON.parse(document.getElementById("plan-strings").textContent);
  var language = document.documentElement.lang || "fr";
  var state = load();
  var resets = [];

  function load() {
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(KEY)); } catch (e) { saved = null; }
    if (!saved || typeof saved !== "object") saved = {};
    if (!saved.fields || typeof saved.fields !== "object") saved.fields = {};
    if (!saved.lists || typeof saved.lists !== "object") saved.lists = {};
    return saved;
  }

  function save() {
    var kept = true;
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { kept = false; }
    plan.querySelector("[data-plan-unsaved]").hidden = kept;
  }

  function isoDate(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    return parts ? new Date(+parts[1], +parts[2] - 1, +parts[3]) : null;
  }

  function longDate(date) {
    return date.toLocaleDateString(language, { day: "numeric", month: "long", year: "numeric" });
  }

  function printable(kind, value) {
    var date = kind === "date" ? isoDate(value) : null;
    return date ? longDate(date) : value || "";
  }

  function control(kind, id, value) {
    var input;
    if (kind === "textarea") {
      input = document.createElement("textarea");
      input.rows = 2;
    } else {
      input = document.createElement("input");
      input.type = kind === "tel" || kind === "date" ? kind : "text";
    }
    input.id = id;
    input.className = "plan__control";
    input.value = value || "";
    return input;
  }

  // The field's label becomes the <label> of a control; on paper a copy of the value is
  // printed instead of the control (a control would cut a long text).
  function enhanceField(field, id, value, changed) {
    var kind = field.getAttribute("data-plan-kind") || "text";
    var span = field.querySelector(".plan__label");
    var label = document.createElement("label");
    label.className = "plan__label";
    label.htmlFor = id;
    while (span.firstChild) label.appendChild(span.firstChild);
    field.replaceChild(label, span);
    var input = control(kind, id, value);
    var hint = field.querySelector(".plan__hint");
    if (hint) {
      hint.id = id + "-hint";
      input.setAttribute("aria-describedby", hint.id);
    }
    var printed = document.createElement("span");
    printed.className = "plan__printed";
    printed.textContent = printable(kind, input.value);
    field.replaceChild(input, field.querySelector(".plan__blank"));
    field.appendChild(printed);
    field.classList.add("plan__field--interactive");
    input.addEventListener("input", function () {
      printed.textContent = printable(kind, input.value);
      changed(input.value);
    });
    return {
      input: input,
      clear: function () { input.value = ""; printed.textContent = ""; },
    };
  }

  // A list of rows (the household, the contacts): one fieldset a row, as many as saved.
  function enhanceList(list) {
    var name = list.getAttribute("data-plan-list");
    var rowLabel = strings[list.getAttribute("data-plan-row-label")];
    var rows = list.querySelectorAll("[data-plan-row]");
    var template = rows[0].cloneNode(true);
    var defaults = [];
    rows.forEach(function (row) {
      var values = {};
      var prefilled = false;
      row.querySelectorAll("[data-plan-column]").forEach(function (field) {
        var value = field.getAttribute("data-plan-default") || "";
        values[field.getAttribute("data-plan-column")] = value;
        if (value) prefilled = true;
      });
      if (prefilled) defaults.push(values);
    });
    function fresh() {
      return defaults.length ? JSON.parse(JSON.stringify(defaults)) : [{}];
    }
    if (!Array.isArray(state.lists[name])) state.lists[name] = fresh();
    var add = plan.querySelector('[data-plan-add="' + name + '"]');

    function render(focus) {
      while (list.firstChild) list.removeChild(list.firstChild);
      state.lists[name].forEach(function (values, index) {
        var row = template.cloneNode(true);
        var group = document.createElement("fieldset");
        group.className = "plan__group";
        var legend = document.createElement("legend");
        legend.className = "plan__legend";
        legend.textContent = rowLabel.replace("%(number)s", index + 1);
        group.appendChild(legend);
        while (row.firstChild) group.appendChild(row.firstChild);
        row.appendChild(group);
        row.classList.add("plan__row--enhanced");
        var first = null;
        group.querySelectorAll("[data-plan-column]").forEach(function (field) {
          var column = field.getAttribute("data-plan-column");
          var id = "plan-" + name + "-" + (index + 1) + "-" + column;
          var enhanced = enhanceField(field, id, values[column], function (value) {
            values[column] = value;
            save();
          });
          first = first || enhanced.input;
        });
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "button button--secondary plan__remove no-print";
        remove.textContent = strings.remove + " ";
        var which = document.createElement("span");
        which.className = "visually-hidden";
        which.textContent = legend.textContent;
        remove.appendChild(which);
        remove.addEventListener("click", function () {
          state.lists[name].splice(index, 1);
          save();
          render(Math.min(index, state.lists[name].length - 1));
        });
        group.appendChild(remove);
        list.appendChild(row);
        if (index === focus) first.focus();
      });
      if (focus !== undefined && !state.lists[name].length) add.focus();
    }

    add.addEventListener("click", function () {
      state.lists[name].push({});
      save();
      render(state.lists[name].length - 1);
    });
    resets.push(function () {
      state.lists[name] = fresh();
      render();
    });
    render();
  }

  function sixMonthsAfter(date) {
    var year = date.getFullYear();
    var month = date.getMonth() + 6;
    var last = new Date(year, month + 1, 0).getDate();
    return new Date(year, month, Math.min(date.getDate(), last));
  }

  function planDate() {
    var today = new Date();
    return isoDate(state.fields["plan-date"]) ||
      new Date(today.getFullYear(), today.getMonth(), today.getDate());
  }

  function showNextReview() {
    var next = plan.querySelector("[data-plan-next]");
    var date = isoDate(state.fields["plan-date"]);
    next.hidden = !date;
    next.textContent = date ? strings.next_review.replace("%(date)s", longDate(sixMonthsAfter(date))) : "";
  }

  // iCalendar (RFC 5545): escaped text, lines folded at 75 octets, CRLF.
  function icsText(text) {
    return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r?\n/g, "\\n");
  }
  function fold(line) {
    var encoder = new TextEncoder();
    var out = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (character) {
      var bytes = encoder.encode(character).length;
      if (size + bytes > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        size = 0;
      }
      current += character;
      size += bytes;
    });
    out.push(current);
    return out.join("\r\n ");
  }
  function icsDay(date) {
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate());
  }
  function reminder() {
    var start = sixMonthsAfter(planDate());
    var end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var uid = (window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID()
      : Date.now() + "-" + Math.random().toString(16).slice(2)) + "@lux-response";
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//LUX response//Household plan//" + language.toUpperCase(),
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      "UID:" + uid,
      "DTSTAMP:" + stamp,
      "DTSTART;VALUE=DATE:" + icsDay(start),
      "DTEND;VALUE=DATE:" + icsDay(end),
      "RRULE:FREQ=MONTHLY;INTERVAL=6",
      "SUMMARY:" + icsText(strings.reminder_summary),
      "DESCRIPTION:" + icsText(strings.reminder_description + "\n" + strings.url),
      "URL:" + strings.url,
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "TRIGGER:PT9H",
      "DESCRIPTION:" + icsText(strings.reminder_summary),
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR",
    ];
    return lines.map(fold).join("\r\n") + "\r\n";
  }
  function download() {
    var blob = new Blob([reminder()], { type: "text/calendar;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = strings.reminder_filename;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  plan.querySelectorAll("[data-plan-list]").forEach(enhanceList);
  plan.querySelectorAll("[data-plan-field]").forEach(function (field) {
    var name = field.getAttribute("data-plan-field");
    var enhanced = enhanceField(field, "plan-" + name, state.fields[name], function (value) {
      state.fields[name] = value;
      save();
      if (name === "plan-date") showNextReview();
    });
    resets.push(enhanced.clear);
  });
  showNextReview();

  plan.querySelectorAll("[data-plan-enhanced]").forEach(function (el) { el.hidden = false; });
  plan.querySelectorAll("[data-plan-basic]").forEach(function (el) { el.hidden = true; });
  plan.querySelector("[data-plan-print]").addEventListener("click", function () { window.print(); });
  plan.querySelector("[data-plan-reminder]").addEventListener("click", download);
  plan.querySelector("[data-plan-clear]").addEventListener("click", function () {
    if (!window.confirm(strings.confirm_clear)) return;
    state = { fields: {}, lists: {} };
    resets.forEach(function (reset) { reset(); });
    try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
    showNextReview();
  });
})();
