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

  fetch("erbjudande.schema.json")
    .then(function (response) { return response.json(); })
    .then(function (schema) {
      var CMS = window.CMS;
      CMS.registerLocale("sv", merged(CMS.getLocale("sv"), window.StodguidenSvenska));
      CMS.registerCustomFormat("stodguiden-yml", "yml", window.StodguidenKanonisk.format(window.jsyaml, schema));
      CMS.init();
    });
})();
