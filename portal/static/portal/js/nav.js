/* The main menu on a phone: the sections fold behind a "Menu" button (aria-expanded), the
   alerts and the subscribe link stay in sight. Loaded right after the menu, not deferred, so
   the page is first drawn folded. Without this script every link is shown. */
(function () {
  "use strict";

  var button = document.querySelector("[data-nav-toggle]");
  var sections = document.querySelector("[data-nav-sections]");
  if (!button || !sections || !window.matchMedia) return;
  // Narrow screens, and wide ones whose text is enlarged (rem follows the browser's text size).
  var narrow = window.matchMedia("(max-width: 47.99rem)");

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    sections.hidden = !open;
  }

  function apply() {
    button.hidden = !narrow.matches;
    setOpen(!narrow.matches);
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  sections.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && narrow.matches) {
      setOpen(false);
      button.focus();
    }
  });
  if (narrow.addEventListener) narrow.addEventListener("change", apply);
  else if (narrow.addListener) narrow.addListener(apply);
  apply();
})();
