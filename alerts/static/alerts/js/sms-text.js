/* The SMS text of each language in the composer. Its length, segments and cost as sent
   (markers included) are counted as the server counts and updated as the author types; the
   characters that force UCS-2 are listed; the "Replace with plain characters" buttons are
   applied in the page instead of submitting the form. GSM 03.38, the limits and the
   substitution tables come from the page (alerts.widgets.sms_tables): this script carries
   no table of its own. Without JavaScript the same buttons submit and the server does the
   same. Nothing here saves: the author reads the result and saves the form. */
(function () {
  "use strict";

  function codePoint(character) {
    return "U+" + character.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
  }
  // Spaces, controls and format characters cannot be shown as themselves.
  function invisible(character) {
    return /^[\p{C}\p{Z}]$/u.test(character);
  }

  function setUp(box) {
    var tables = JSON.parse(box.dataset.smsTables);
    var prefixes = JSON.parse(box.dataset.smsPrefixes || "{}");
    var suffixes = JSON.parse(box.dataset.smsSuffixes || "{}");
    var field = document.getElementById(box.dataset.smsField);
    if (!field || !field.form) { return; }
    var form = field.form;
    var basic = new Set(Array.from(tables.basic));
    var extension = new Set(Array.from(tables.extension));
    var language = document.documentElement.lang || undefined;
    var parts = {
      encoding: box.querySelector("[data-sms-encoding]"),
      units: box.querySelector("[data-sms-units]"),
      perSegment: box.querySelector("[data-sms-per-segment]"),
      segments: box.querySelector("[data-sms-segments]"),
      cost: box.querySelector("[data-sms-cost]"),
      unicode: box.querySelector("[data-sms-unicode]"),
      causes: box.querySelector("[data-sms-causes]"),
      plain: box.querySelector("[data-sms-plain]"),
      letters: box.querySelector("[data-sms-plain-letters]"),
      lettersHelp: box.querySelector("[data-sms-letters-help]"),
      status: box.querySelector("[data-sms-status]")
    };

    function gsm7(character) {
      return basic.has(character) || extension.has(character);
    }
    // The markers of the status chosen in the form (a follow-up's is fixed).
    function prefix() {
      var status = form.elements.namedItem("status");
      var value = status ? status.value : null;
      return Object.prototype.hasOwnProperty.call(prefixes, value)
        ? prefixes[value] : box.dataset.smsPrefix;
    }
    // The link to the alert's page the SMS ends with (none for a Test).
    function suffix() {
      var status = form.elements.namedItem("status");
      var value = status ? status.value : null;
      return Object.prototype.hasOwnProperty.call(suffixes, value)
        ? suffixes[value] : (box.dataset.smsSuffix || "");
    }
    // The text as the server receives it (a form sends each line break as CR LF), stripped
    // and composed (NFC) as alerts.rendering sends it.
    function smsText() {
      return prefix() + field.value.replace(/\r?\n/g, "\r\n").trim().normalize("NFC") + suffix();
    }

    function segments(costs, encoding) {
      var units = costs.reduce(function (a, b) { return a + b; }, 0);
      if (units === 0) { return 0; }
      if (units <= tables.single[encoding]) { return 1; }
      // An escape sequence or a surrogate pair is never split across two segments.
      var per = tables.multipart[encoding], count = 1, used = 0;
      costs.forEach(function (cost) {
        if (used + cost > per) { count += 1; used = 0; }
        used += cost;
      });
      return count;
    }
    function measure(text) {
      var characters = Array.from(text);
      var encoding = characters.every(gsm7) ? "GSM-7" : "UCS-2";
      var costs = characters.map(function (character) {
        if (encoding === "GSM-7") { return extension.has(character) ? 2 : 1; }
        return character.length;  // UTF-16 code units
      });
      var units = costs.reduce(function (a, b) { return a + b; }, 0);
      var count = segments(costs, encoding);
      var limits = count <= 1 ? tables.single : tables.multipart;
      return { encoding: encoding, units: units, segments: count, perSegment: limits[encoding] };
    }
    // The characters outside GSM-7, in order of first appearance, as the server lists them.
    function causes(text) {
      var found = new Map();
      Array.from(text).forEach(function (character) {
        if (gsm7(character)) { return; }
        if (found.has(character)) { found.get(character).count += 1; return; }
        var entry = { character: character, count: 1, kind: "none", replacement: null };
        var plain = tables.plain[character], letter = tables.letters[character];
        if (plain) {
          entry.kind = "plain"; entry.replacement = plain[0]; entry.name = plain[1];
        } else if (letter) {
          entry.kind = "letter"; entry.replacement = letter[0]; entry.name = letter[1];
        } else {
          entry.name = invisible(character) ? tables.invisible : codePoint(character);
        }
        entry.shown = invisible(character) ? codePoint(character) : character;
        found.set(character, entry);
      });
      return Array.from(found.values());
    }
    function shownReplacement(replacement) {
      return Object.prototype.hasOwnProperty.call(tables.words, replacement)
        ? tables.words[replacement] : replacement;
    }
    function code(text) {
      var element = document.createElement("code");
      element.className = "alert-admin-sms-char";
      element.textContent = text;
      return element;
    }

    function render() {
      var text = smsText();
      var length = measure(text);
      parts.encoding.textContent = length.encoding;
      parts.units.textContent = length.units;
      parts.perSegment.textContent = length.perSegment;
      parts.segments.textContent = length.segments;
      // The same style as the server's (Babel and the browser both follow CLDR):
      // "0,0795 €" in French, "€ 0,0795" in Dutch.
      parts.cost.textContent = (Math.round(length.segments * tables.price * 10000) / 10000)
        .toLocaleString(language, {
          style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 4
        });
      var found = length.encoding === "UCS-2" ? causes(text) : [];
      parts.unicode.hidden = found.length === 0;
      parts.causes.replaceChildren.apply(parts.causes, found.map(function (cause) {
        var item = document.createElement("li");
        item.append(code(cause.shown), " " + cause.name + " ×" + cause.count + " → ");
        if (cause.replacement === null) {
          item.append(box.dataset.textNone);
        } else {
          item.append(code(shownReplacement(cause.replacement)));
        }
        return item;
      }));
      var letters = found.some(function (cause) { return cause.kind === "letter"; });
      parts.plain.hidden = !found.some(function (cause) { return cause.kind === "plain"; });
      parts.letters.hidden = !letters;
      parts.lettersHelp.hidden = !letters;
    }

    function substitute(event) {
      event.preventDefault();
      var letters = event.currentTarget === parts.letters;
      var before = field.value.normalize("NFC");
      var changes = causes(before).filter(function (cause) {
        return cause.kind === "plain" || (letters && cause.kind === "letter");
      });
      var table = {};
      changes.forEach(function (cause) { table[cause.character] = cause.replacement; });
      field.value = Array.from(before).map(function (character) {
        return Object.prototype.hasOwnProperty.call(table, character) ? table[character] : character;
      }).join("");
      field.dispatchEvent(new Event("input", { bubbles: true }));
      parts.status.textContent = changes.length ? box.dataset.textReplaced.replace(
        "%(changes)s",
        changes.map(function (cause) {
          return cause.shown + " → " + shownReplacement(cause.replacement) + " ×" + cause.count;
        }).join(", ")
      ) : box.dataset.textNothing;
      // The button pressed may now be hidden: the author goes on in the text it changed.
      field.focus();
    }

    field.addEventListener("input", render);
    form.addEventListener("change", function (event) {
      if (event.target.name === "status") { render(); }
    });
    parts.plain.addEventListener("click", substitute);
    parts.letters.addEventListener("click", substitute);
    render();
  }

  function start() {
    document.querySelectorAll("[data-sms-estimate]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
