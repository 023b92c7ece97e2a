/* "Hitta stöd": filters on top of the plain list of offers. Plain JavaScript, no library.

   The page works without this file: it lists every offer by age group. This script shows the form, keeps
   the choices in the address (?kommun=2309&alder=4&deltar=barn&typ=foraldrakurser&omrade=Centrum&sprak=ar&gratis=ja) so a link
   can be shared and Back works, and fetches the data file the build writes (erbjudanden.json) the first
   time a filter is used. The data file holds ready Swedish strings; nothing is formatted here.
   Results are built with DOM methods and textContent only, never with HTML strings. */
(function () {
  "use strict";

  var root = document.querySelector("[data-sg-finder]");
  var form = document.getElementById("sg-filter");
  /* the head and the page's inline script marked the page before it was painted (see finder.html) */
  function settled() {
    document.documentElement.classList.remove("sg-finder-valt");
  }
  if (!root || !form || !window.fetch || !window.URLSearchParams || !history.pushState) {
    if (form) { form.hidden = true; }
    settled();
    return; /* the plain list stays */
  }
  var LISTS = ["typ", "omrade"];
  var BATCH = 30; /* results drawn at a time: drawing thousands of cards would make every choice slow */
  var SINGLES = ["kommun", "alder", "deltar", "sprak", "gratis"]; /* kommun: on a site for several municipalities */
  var DEFAULT_LANGUAGE = "sv"; /* as in finder.py: an offer that names no language is in Swedish */
  var total = Number(root.getAttribute("data-sg-total"));
  var status = document.getElementById("sg-antal");
  var results = document.getElementById("sg-resultat");
  var hits = document.getElementById("sg-traffar");
  var none = document.getElementById("sg-ingen");
  var noneText = document.getElementById("sg-ingen-text");
  var chosen = document.getElementById("sg-val");
  var all = document.getElementById("sg-alla");
  var more = document.getElementById("sg-fler");
  var data = null;
  var loading = null;
  var found = [];
  var drawn = 0;

  function emptyState() {
    return { kommun: "", alder: "", deltar: "", sprak: "", gratis: "", typ: [], omrade: [] };
  }

  function fromQuery(search) {
    var params = new URLSearchParams(search);
    var state = emptyState();
    SINGLES.forEach(function (name) { state[name] = params.get(name) || ""; });
    LISTS.forEach(function (name) { state[name] = params.getAll(name); });
    return state;
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    SINGLES.forEach(function (name) { if (state[name]) { params.append(name, state[name]); } });
    LISTS.forEach(function (name) { state[name].forEach(function (value) { params.append(name, value); }); });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function isEmpty(state) {
    return !toQuery(state);
  }

  function readForm() {
    var state = emptyState();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name) { return; }
      if (field.type === "checkbox") {
        if (!field.checked) { return; }
        if (LISTS.indexOf(field.name) >= 0) { state[field.name].push(field.value); } else { state[field.name] = field.value; }
      } else if (field.tagName === "SELECT") {
        state[field.name] = field.value;
      }
    });
    return state;
  }

  function writeForm(state) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name) { return; }
      if (field.type === "checkbox") {
        field.checked = LISTS.indexOf(field.name) >= 0 ? state[field.name].indexOf(field.value) >= 0
          : state[field.name] === field.value;
      } else if (field.tagName === "SELECT") {
        field.value = state[field.name];
        if (field.selectedIndex < 0) { field.value = ""; } /* an unknown value in the address */
      }
    });
  }

  function load() {
    if (!loading) {
      loading = fetch(root.getAttribute("data-sg-data"))
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        })
        .then(function (json) { data = json; });
    }
    return loading;
  }

  function matches(offer, state) {
    /* m: the SCB codes of the municipalities the offer serves (finder.py, on a region's site); an offer
       without it serves every municipality */
    if (state.kommun && offer.m && offer.m.indexOf(state.kommun) < 0) {
      return false;
    }
    if (state.alder === "vantar") {
      if (!offer.e) { return false; }
    } else if (state.alder) {
      /* a = [lowest, highest] whole years: finder.py counts an open upper age ("från 4 år") up to 17, and an
         offer up to 18 keeps 18, so both match every age the finder offers from their lowest one */
      var age = Number(state.alder);
      if (!offer.a || age < offer.a[0] || age > offer.a[1]) { return false; }
    }
    /* who takes part: the build says which choices (vuxen, barn) each offer is found by; one that does not
       say who takes part is found by neither */
    if (state.deltar && (offer.d || []).indexOf(state.deltar) < 0) {
      return false;
    }
    if (state.typ.length && !state.typ.some(function (key) { return offer.k.indexOf(key) >= 0; })) {
      return false;
    }
    if (state.omrade.length && !state.omrade.some(function (area) { return (offer.r || []).indexOf(area) >= 0; })) {
      return false;
    }
    if (state.sprak && (offer.l || [DEFAULT_LANGUAGE]).indexOf(state.sprak) < 0) {
      return false;
    }
    return !(state.gratis && !offer.f);
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function fact(list, label, value) {
    var row = element("div");
    row.appendChild(element("dt", "", label));
    row.appendChild(element("dd", "", value));
    list.appendChild(row);
  }

  /* the same parts, in the same order, as an offer card and the facts on the offer page */
  function card(offer) {
    var article = element("article", "sg-card");
    var heading = element("h3", "sg-card__title");
    var link = element("a", "", offer.n);
    /* a full address, so a printed result list shows where each offer is */
    link.href = new URL("../erbjudanden/" + encodeURIComponent(offer.u) + "/", location.href).href;
    heading.appendChild(link);
    article.appendChild(heading);
    article.appendChild(element("p", "sg-card__summary", offer.s));
    var facts = element("dl", "sg-facts");
    fact(facts, "Ålder", offer.x[0]);
    if (offer.w) { fact(facts, "Vem deltar", offer.w); }
    fact(facts, "Typ av stöd", offer.k.map(function (key) { return data.t[key] || key; }).join(", "));
    fact(facts, "Var", offer.x[1]);
    fact(facts, "När", offer.x[2]);
    fact(facts, "Kostnad", offer.x[3]);
    article.appendChild(facts);
    return article;
  }

  /* the next batch of results; focus moves to the first new one when the parent asked for more */
  function drawMore(focus) {
    var batch = document.createDocumentFragment();
    var first = null;
    found.slice(drawn, drawn + BATCH).forEach(function (offer) {
      var node = card(offer);
      first = first || node;
      batch.appendChild(node);
    });
    drawn = Math.min(found.length, drawn + BATCH);
    hits.appendChild(batch);
    more.hidden = drawn >= found.length;
    more.textContent = "Visa fler (" + (found.length - drawn) + " till)";
    if (focus && first) { first.querySelector("a").focus(); }
  }

  function count(n) {
    return n + (n === 1 ? " erbjudande" : " erbjudanden");
  }

  function labelsOf(state) {
    var labels = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.tagName === "SELECT" && field.value) {
        labels.push(field.labels[0].textContent + ": " + field.options[field.selectedIndex].textContent);
      } else if (field.type === "checkbox" && field.checked) {
        labels.push(field.labels[0].textContent);
      }
    });
    return labels;
  }

  /* plain words on what to widen, naming only the filters that are in use */
  function widen(state) {
    var parts = [];
    if (state.kommun) { parts.push("välja Alla kommuner"); }
    if (state.alder) { parts.push("välja en annan ålder"); }
    if (state.deltar) { parts.push("välja Alla erbjudanden under Vem deltar"); }
    if (state.typ.length) { parts.push("välja fler typer av stöd"); }
    if (state.omrade.length) { parts.push("välja fler platser eller Digitalt"); }
    if (state.sprak) { parts.push("välja Alla språk"); }
    if (state.gratis) { parts.push("ta bort Bara det som är kostnadsfritt"); }
    var text = parts.length > 1 ? parts.slice(0, -1).join(", ") + " eller " + parts[parts.length - 1] : parts[0];
    return "Inget erbjudande passar alla dina val. Prova att " + text + ". Du kan också trycka på Rensa alla val.";
  }

  function show(state) {
    document.dispatchEvent(new Event("sg:address"));
    if (isEmpty(state)) {
      results.hidden = true;
      none.hidden = true;
      all.hidden = false;
      status.textContent = count(total) + ".";
      settled();
      return Promise.resolve();
    }
    return load().then(function () {
      found = data.o.filter(function (offer) { return matches(offer, state); });
      while (hits.firstChild) { hits.removeChild(hits.firstChild); }
      drawn = 0;
      drawMore(false);
      chosen.textContent = "Dina val: " + labelsOf(state).join(", ") + ".";
      all.hidden = true;
      results.hidden = found.length === 0;
      none.hidden = found.length > 0;
      if (!found.length) { noneText.textContent = widen(state); }
      status.textContent = found.length ? count(found.length) + " passar dina val." : "Inget erbjudande passar dina val.";
      settled();
    }, function () {
      status.textContent = "Det gick inte att hämta erbjudandena. Här är alla erbjudanden i stället.";
      all.hidden = false;
      settled();
    });
  }

  function change() {
    var state = readForm();
    var query = toQuery(state);
    if (query !== location.search) {
      history.pushState(null, "", location.pathname + query);
    }
    show(state);
  }

  form.addEventListener("change", change);
  more.addEventListener("click", function () { drawMore(true); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    change();
  });
  form.addEventListener("reset", function () {
    setTimeout(change); /* after the browser has cleared the fields */
  });
  window.addEventListener("popstate", function () {
    var state = fromQuery(location.search);
    writeForm(state);
    show(state);
  });

  form.hidden = false;
  var initial = fromQuery(location.search);
  writeForm(initial);
  if (!isEmpty(initial)) {
    show(readForm()); /* values the form does not know are dropped; with none left, the list shows */
  } else {
    settled();
  }
})();
