/* Starts the form: the canonical file format (kanonisk.js) and the missing Swedish texts first, then Decap. */
(function () {
  "use strict";

  function merged(base, extra) {
    var result = {};
    Object.keys(extra).forEach(function (key) { result[key] = extra[key]; });
    Object.keys(base || {}).forEach(function (key) {
      var value = base[key];
      result[key] = value && typeof value === "object" && extra[key] ? merged(value, extra[key]) : value;
    });
    return result;
  }

  /* Names for Decap's icon buttons, which have none (axe: button-name, aria-command-name), and Swedish for
     the remove buttons of its choice fields ("Remove …"). Decap draws these again as the form changes. */
  function name(element, text) {
    if (!element.getAttribute("aria-label")) element.setAttribute("aria-label", text);
  }

  function improve() {
    document.querySelectorAll("[class*='ListItemTopBar']").forEach(function (bar) {
      var buttons = bar.querySelectorAll(":scope > button");
      if (buttons.length) name(buttons[0], "Visa eller dölj");
      if (buttons.length > 1) name(buttons[buttons.length - 1], "Ta bort");
      var handle = bar.querySelector(":scope > [aria-roledescription='sortable']");
      if (handle) name(handle, "Flytta (dra, eller tryck mellanslag och använd piltangenterna)");
    });
    document.querySelectorAll("[aria-label^='Remove ']").forEach(function (button) {
      button.setAttribute("aria-label", "Ta bort " + button.getAttribute("aria-label").slice(7));
    });
  }

  new MutationObserver(improve).observe(document.documentElement, { childList: true, subtree: true });

  fetch("erbjudande.schema.json")
    .then(function (response) { return response.json(); })
    .then(function (schema) {
      var CMS = window.CMS;
      CMS.registerLocale(
        "sv",
        merged(window.StodguidenSvenskaEgna, merged(CMS.getLocale("sv"), window.StodguidenSvenska))
      );
      var kanonisk = window.StodguidenKanonisk;
      CMS.registerCustomFormat("stodguiden-yml", "yml", kanonisk.format(window.jsyaml, schema));
      // A region's municipality folders (data/kommuner/<mapp>/erbjudanden) are two folders deeper.
      CMS.registerCustomFormat(
        "stodguiden-yml-kommun", "yml", kanonisk.format(window.jsyaml, schema, "../../../../schema/erbjudande.schema.json")
      );
      CMS.init();
    });
})();
