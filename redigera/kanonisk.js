/* The canonical offer file, in the browser: the same rules and the same bytes as
   hooks/stodguiden/source/canonical.py (a test compares the two over every offer file and awkward texts).
   Reads with js-yaml's failsafe schema (every scalar is text) and types values by the offer schema. */
(function (root) {
  "use strict";

  var HEADER = "# yaml-language-server: $schema=../../schema/erbjudande.schema.json\n";
  var INTEGER = /^[-+]?[0-9]+$/;
  var TRUE = ["true", "True", "TRUE"];
  var FALSE = ["false", "False", "FALSE"];
  var NOT_TEXT = new RegExp(
    "^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE" +
      "|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=|<<" +
      "|[-+]?[0-9_]+|0o[0-7]+|0x[0-9a-fA-F_]+|0b[01_]+" +
      "|[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?" +
      "|[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN" +
      "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?)$"
  );
  var FIRST_NOT_PLAIN = "-?:,[]{}#&*!|>'\"%@`. ";
  var ESCAPED = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\r]/;
  var NEEDS_QUOTES_ON_ONE_LINE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

  function types(schema) {
    var kind = schema.type === undefined ? [] : schema.type;
    return Array.isArray(kind) ? kind : [kind];
  }

  function isEmpty(value) {
    return (
      value === null ||
      value === undefined ||
      value === "" ||
      (Array.isArray(value) && value.length === 0) ||
      (isObject(value) && Object.keys(value).length === 0)
    );
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function canonical(value, schema) {
    var kinds = types(schema);
    if (isObject(value)) {
      var properties = schema.properties || {};
      var keys = Object.keys(properties).filter(function (k) { return Object.prototype.hasOwnProperty.call(value, k); });
      Object.keys(value).forEach(function (k) { if (!Object.prototype.hasOwnProperty.call(properties, k)) keys.push(k); });
      var result = {};
      keys.forEach(function (key) {
        var item = canonical(value[key], properties[key] || {});
        if (!isEmpty(item)) result[key] = item;
      });
      return result;
    }
    if (Array.isArray(value)) {
      return value
        .map(function (item) { return canonical(item, schema.items || {}); })
        .filter(function (item) { return !isEmpty(item); });
    }
    if (kinds.indexOf("array") >= 0 && !isEmpty(value)) return [canonical(value, schema.items || {})];
    if (typeof value === "string") {
      if (kinds.indexOf("integer") >= 0 && INTEGER.test(value.trim())) return parseInt(value.trim(), 10);
      if (kinds.length === 1 && kinds[0] === "boolean" && TRUE.concat(FALSE).indexOf(value) >= 0) {
        return TRUE.indexOf(value) >= 0;
      }
    }
    return value;
  }

  function hex4(code) {
    return ("000" + code.toString(16).toUpperCase()).slice(-4);
  }

  function doubleQuoted(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (c === "\\") out += "\\\\";
      else if (c === '"') out += '\\"';
      else if (c === "\n") out += "\\n";
      else if (c === "\t") out += "\\t";
      else if (NEEDS_QUOTES_ON_ONE_LINE.test(c)) out += "\\u" + hex4(c.charCodeAt(0));
      else out += c;
    }
    return '"' + out + '"';
  }

  function scalar(value) {
    if (value === true) return "true";
    if (value === false) return "false";
    if (typeof value === "number") return String(value);
    var text = String(value);
    if (
      text !== "" &&
      text === pyStrip(text) &&
      FIRST_NOT_PLAIN.indexOf(text[0]) < 0 &&
      text.indexOf("...") !== 0 &&
      text.indexOf(": ") < 0 &&
      text.indexOf(" #") < 0 &&
      text[text.length - 1] !== ":" &&
      !NEEDS_QUOTES_ON_ONE_LINE.test(text) &&
      !NOT_TEXT.test(text)
    ) {
      return text;
    }
    return doubleQuoted(text);
  }

  // Python's str.strip() and str.isspace(): the same set of white space, so both writers agree.
  var SPACE = "[\\s\\x1c-\\x1f\\x85]";
  var LEADING = new RegExp("^" + SPACE + "+");
  var TRAILING = new RegExp(SPACE + "+$");
  var ONE_SPACE = new RegExp("^" + SPACE + "$");
  function pyStrip(text) {
    return text.replace(LEADING, "").replace(TRAILING, "");
  }

  function literalBlock(text) {
    if (text.indexOf("\n") < 0 || ESCAPED.test(text) || pyStrip(text) === "") return false;
    var lines = text.split("\n");
    var index = 0;
    while (pyStrip(lines[index]) === "") index++;
    for (var i = 0; i < index; i++) if (lines[i] !== "") return false;
    return !ONE_SPACE.test(lines[index][0]);
  }

  function block(text, indent) {
    var chomp = text.slice(-1) !== "\n" ? "-" : text.slice(-2) === "\n\n" ? "+" : "";
    var body = text.slice(-1) === "\n" ? text.slice(0, -1) : text;
    return ["|" + chomp].concat(body.split("\n").map(function (line) { return line ? indent + line : ""; }));
  }

  function entry(prefix, value, indent) {
    if (isObject(value) && Object.keys(value).length) return [prefix].concat(mapping(value, indent + "  "));
    if (Array.isArray(value) && value.length) return [prefix].concat(sequence(value, indent + "  "));
    if (isObject(value)) return [prefix + " {}"];
    if (Array.isArray(value)) return [prefix + " []"];
    if (typeof value === "string" && literalBlock(value)) {
      var lines = block(value, indent + "  ");
      return [prefix + " " + lines[0]].concat(lines.slice(1));
    }
    return [prefix + " " + scalar(value)];
  }

  function mapping(value, indent) {
    var lines = [];
    Object.keys(value).forEach(function (key) {
      lines = lines.concat(entry(indent + scalar(key) + ":", value[key], indent));
    });
    return lines;
  }

  function sequence(value, indent) {
    var lines = [];
    value.forEach(function (item) {
      if (isObject(item) && Object.keys(item).length) {
        var inner = mapping(item, indent + "  ");
        inner[0] = indent + "- " + inner[0].slice(indent.length + 2);
        lines = lines.concat(inner);
      } else {
        lines = lines.concat(entry(indent + "-", item, indent));
      }
    });
    return lines;
  }

  function dump(data, schemaPath) {
    var header = schemaPath ? "# yaml-language-server: $schema=" + schemaPath + "\n" : HEADER;
    return header + mapping(data, "").map(function (line) { return line + "\n"; }).join("");
  }

  /* Decap CMS's file format: read with every scalar as text, typed by the schema; write canonically. */
  function format(jsyaml, schema, schemaPath) {
    return {
      fromFile: function (content) {
        var data = jsyaml.load(content, { schema: jsyaml.FAILSAFE_SCHEMA }) || {};
        return canonical(data, schema);
      },
      toFile: function (data) {
        return dump(canonical(data, schema), schemaPath);
      },
    };
  }

  var api = { canonical: canonical, dump: dump, scalar: scalar, format: format, HEADER: HEADER };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.StodguidenKanonisk = api;
})(this);
