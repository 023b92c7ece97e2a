/* Stödguiden's search: understands Swedish word forms, compounds, everyday words and one-letter typos, and ranks
 * the offers by where each word is found (an offer's own words before those it inherits) and how rare it is.
 *
 * The index (sok/index.json, written by hooks/stodguiden/outputs/search.py) holds, per offer, the stems of its words by
 * field, and the stemming rules and synonyms from hooks/stodguiden/sok/. This file applies the same rules to what
 * the parent types (the Python side's twin is hooks/stodguiden/language/wordforms.py; tests/sok/stammar.yml proves the
 * two agree). The index is fetched only when the parent focuses a search field or opens sok/ with a query (in the
 * header of other pages, stodguiden.js fetches it into the browser's cache).
 * Results are built with DOM methods and textContent only: no text from the data is ever parsed as HTML.
 */
(function () {
  "use strict";

  // Loaded by the results page sok/ (its template). A site whose own mkdocs.yml still lists this file for every page
  // (as before December 2026) loads it twice there: the second time does nothing.
  if (window.stodguidenSok) return;

  var script = document.currentScript;
  var INDEX_URL = new URL("../../sok/index.json", script ? script.src : location.href).href;

  // A match scores FIELD_WEIGHT[field] × how it matched: the word as written (in a title or summary) beats its stem,
  // the stem beats a compound that contains the word, a compound beats a synonym (a word a group in synonymer.yml
  // gives; RELATED for a word that only one-way entries give, such as förälder for pappa), and a one-letter typo
  // counts least. A compound split into parts (SPLIT) scores the mean of its parts, a little less.
  // The offer's own words (title, its search words, summary, description) weigh more than those it inherits from
  // its kinds of support, age groups and organiser (INHERITED): an open pre-school whose own sökord is "bebis" comes
  // before a course for all ages that is listed under "Bebis under 1 år" too.
  var FIELD_WEIGHT = [10, 6, 4, 2, 2.5]; // title, own search words, summary, description, inherited
  var FIELDS = FIELD_WEIGHT.length, INHERITED = 4;
  var EXACT = 1, STEM = 0.9, COMPOUND = 0.6, SPLIT = 0.8, SYNONYM = 0.5, RELATED = 0.35, FUZZY = 0.3;
  var OTHER_FIELDS = 0.4, RARITY = 1.5;
  var MIN_COMPOUND = 4, MIN_FUZZY = 5, MIN_SPLIT = 7, MIN_PART = 3;
  var ALPHABET = "abcdefghijklmnopqrstuvwxyz";
  var PAGE_SIZE = 50;
  var MAX_WORDS = 12; // a pasted paragraph is searched by its first words, so a search always stays quick

  /* ---- Word forms: the same steps as wordforms.py ---- */

  function makeRules(r) {
    return {
      minStem: r.minsta_stam,
      genitiveMin: r.genitiv_minsta_stam,
      genitiveAfter: new Set(Array.from(r.genitiv_efter)),
      vowels: new Set(Array.from(r.vokaler)),
      endings: r.andelser.slice().sort(function (a, b) { return b.length - a.length || (a < b ? -1 : 1); }),
      folding: r.vikning,
      stop: new Set(r.stoppord),
      weak: r.svaga_ord
    };
  }

  function words(text) {
    return String(text).toLowerCase().normalize("NFC").match(/[\p{L}\p{N}]+/gu) || [];
  }

  function fold(word, R) {
    if (/^[a-z0-9]*$/.test(word)) return word; // nothing to fold: the common case, and fuzzy search's many variants
    var plain = word.normalize("NFD").replace(/\p{M}/gu, "");
    var out = "";
    for (var i = 0; i < plain.length; i++) {
      var c = plain[i];
      out += Object.prototype.hasOwnProperty.call(R.folding, c) ? R.folding[c] : c;
    }
    return out;
  }

  function hasVowel(text, R) {
    for (var i = 0; i < text.length; i++) if (R.vowels.has(text[i])) return true;
    return false;
  }

  function stem(word, R) {
    if (/^\d+$/.test(word) || word.length < R.minStem) return fold(word, R);
    if (word.endsWith("s") && word.length - 1 >= R.genitiveMin && R.genitiveAfter.has(word[word.length - 2])) {
      word = word.slice(0, -1);
    }
    for (var i = 0; i < R.endings.length; i++) {
      var ending = R.endings[i];
      if (!word.endsWith(ending)) continue;
      var rest = word.slice(0, word.length - ending.length);
      if (rest.length >= R.minStem && hasVowel(rest, R)) {
        word = rest;
        var before = word[word.length - 2];
        if (word.length > R.minStem && word.endsWith("r") && !R.vowels.has(before) && before !== "r") {
          word = word.slice(0, -1);
        }
        break;
      }
    }
    return fold(word, R);
  }

  /* ---- The index in memory ---- */

  function Index(data) {
    var R = this.rules = makeRules(data.regler);
    this.offers = data.erbjudanden;
    this.types = data.typer;
    this.groups = data.grupper;
    this.synonyms = new Map(Object.entries(data.synonymer));
    this.related = new Map(Object.entries(data.narliggande || {}));
    this.foldedStop = new Set();
    R.stop.forEach(function (w) { this.foldedStop.add(fold(w, R)); }, this);
    this.weak = new Set(R.weak.map(function (w) { return stem(w, R); }));
    var vocab = this.vocab = new Map();   // stem -> postings (offer * 8 + field), in the order of the offers
    var surface = this.surface = new Map(); // folded word of a title or summary -> postings
    function add(map, key, posting) {
      var list = map.get(key);
      if (list) list.push(posting); else map.set(key, [posting]);
    }
    function split(text) { return text ? text.split(" ") : []; }
    var typeStems = data.typer.map(function (t) { return split(t.f); });
    var groupStems = data.grupper.map(function (g) { return split(g.f); });
    var organiserStems = data.arrangorer.map(split);
    this.offers.forEach(function (offer, i) {
      var own = new Set();
      offer.f.forEach(function (text, field) {
        split(text).forEach(function (s) { own.add(s); add(vocab, s, i * 8 + field); });
      });
      var shared = new Set();
      function inherit(stems) { stems.forEach(function (s) { if (!own.has(s)) shared.add(s); }); }
      offer.y.forEach(function (t) { inherit(typeStems[t]); });
      offer.g.forEach(function (g) { inherit(groupStems[g]); });
      offer.o.forEach(function (o) { inherit(organiserStems[o]); });
      shared.forEach(function (s) { add(vocab, s, i * 8 + INHERITED); });
      words(offer.t).forEach(function (w) { add(surface, fold(w, R), i * 8); });
      words(offer.s).forEach(function (w) { add(surface, fold(w, R), i * 8 + 2); });
    });
    // All stems in one string, so that finding the stems that contain a word is one fast indexOf loop.
    this.keys = Array.from(vocab.keys());
    this.starts = new Int32Array(this.keys.length);
    var position = 1;
    for (var k = 0; k < this.keys.length; k++) {
      this.starts[k] = position;
      position += this.keys[k].length + 1;
    }
    this.joined = "\n" + this.keys.join("\n") + "\n";
    // Equal scores are shown in Swedish alphabetical order of the titles, sorted once here.
    var collator = new Intl.Collator("sv");
    var order = this.offers.map(function (_, i) { return i; });
    var offers = this.offers;
    order.sort(function (a, b) { return collator.compare(offers[a].t, offers[b].t); });
    this.titleRank = new Int32Array(offers.length);
    order.forEach(function (offer, rank) { this.titleRank[offer] = rank; }, this);
  }

  /* The index of the stem that holds position `at` of `joined`. */
  Index.prototype.keyAt = function (at) {
    var low = 0, high = this.starts.length - 1;
    while (low < high) {
      var mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= at) low = mid; else high = mid - 1;
    }
    return low;
  };

  /* The stems a query word may stand for, each with how well it matches and whether only a synonym leads there:
     Map stem -> [weight, synonym]. */
  Index.prototype.candidates = function (word, allowFuzzy) {
    var R = this.rules, vocab = this.vocab, self = this;
    var folded = fold(word, R), own = stem(word, R);
    var found = new Map();
    function put(key, weight, synonym) {
      if (vocab.has(key) && (!found.has(key) || found.get(key)[0] < weight)) found.set(key, [weight, !!synonym]);
    }
    function compound(part, weight, synonym) {
      if (part.length < MIN_COMPOUND) return;
      var at = self.joined.indexOf(part);
      while (at >= 0) {
        var k = self.keyAt(at), key = self.keys[k];
        if (key !== part) put(key, weight, synonym);
        at = self.joined.indexOf(part, self.starts[k] + key.length);
      }
    }
    put(own, STEM);
    put(folded, STEM);
    [[self.synonyms, SYNONYM], [self.related, RELATED]].forEach(function (table) {
      [own, folded].forEach(function (base) {
        (table[0].get(base) || []).forEach(function (other) {
          put(other, table[1], true);
          compound(other, table[1] * COMPOUND, true);
        });
      });
    });
    var direct = found.size > 0;
    compound(own, COMPOUND);
    if (!direct && allowFuzzy && folded.length >= MIN_FUZZY) {
      edits(folded).forEach(function (variant) {
        put(variant, FUZZY);
        put(stem(variant, R), FUZZY);
      });
    }
    return found;
  };

  /* Every string one edit away: deletion, transposition, substitution, insertion (Damerau–Levenshtein 1). */
  function edits(word) {
    var out = new Set();
    for (var i = 0; i <= word.length; i++) {
      var head = word.slice(0, i), tail = word.slice(i);
      if (tail) out.add(head + tail.slice(1));
      if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
      for (var j = 0; j < ALPHABET.length; j++) {
        var c = ALPHABET[j];
        if (tail) out.add(head + c + tail.slice(1));
        out.add(head + c + tail);
      }
    }
    out.delete(word);
    return out;
  }

  /* A compound the index does not hold as one word, as two parts it does hold: tonårsföräldrar → tonår + föräldrar. */
  Index.prototype.parts = function (word) {
    var R = this.rules, vocab = this.vocab;
    if (word.length < MIN_SPLIT) return null;
    function known(part) {
      var forms = [stem(part, R), fold(part, R)];
      if (part.length > MIN_PART && part.endsWith("s")) forms.push(stem(part.slice(0, -1), R), fold(part.slice(0, -1), R));
      for (var i = 0; i < forms.length; i++) if (vocab.has(forms[i])) return true;
      return false;
    }
    for (var i = word.length - MIN_PART; i >= MIN_PART; i--) {
      var left = word.slice(0, i), right = word.slice(i);
      if (known(left) && known(right)) return [left.endsWith("s") && !vocab.has(stem(left, R)) ? left.slice(0, -1) : left, right];
    }
    return null;
  };

  /* Scores of one query word: `value[offer]` (0 where it is not found), the offers in `list`, and `common`: in how
     many offers the word itself (as typed or its stem) is found, or, for a word no offer has, how many it finds. */
  function Scores(n) {
    this.value = new Float32Array(n);
    this.list = [];
    this.common = 0;
  }
  Scores.prototype.raise = function (offer, score) {
    if (this.value[offer] === 0) this.list.push(offer);
    if (this.value[offer] < score) this.value[offer] = score;
  };

  /* The best field counts fully; a word that is also in other fields adds a little. A synonym is not looked for
     among inherited words: that "trots" is a search word of the age group 1–5 years does not make every offer
     for small children one about an angry ("arg") child. */
  Index.prototype.scoreWord = function (word, allowFuzzy) {
    var R = this.rules, n = this.offers.length, fields = new Float32Array(n * 8), touched = [];
    var seen = new Uint8Array(n);
    function note(postings, weight, synonym) {
      for (var i = 0; i < postings.length; i++) {
        var p = postings[i], score = FIELD_WEIGHT[p & 7] * weight;
        if (synonym && (p & 7) === INHERITED) continue;
        if (seen[p >> 3] === 0) {
          seen[p >> 3] = 1;
          touched.push(p >> 3);
        }
        if (fields[p] < score) fields[p] = score;
      }
    }
    var vocab = this.vocab, folded = fold(word, R), own = stem(word, R);
    var exact = this.surface.get(folded);
    if (exact) note(exact, EXACT);
    this.candidates(word, allowFuzzy).forEach(function (match, key) { note(vocab.get(key), match[0], match[1]); });
    var scores = new Scores(n);
    for (var t = 0; t < touched.length; t++) {
      var o = touched[t] * 8, top = 0, sum = 0;
      for (var f = 0; f < FIELDS; f++) {
        sum += fields[o + f];
        if (fields[o + f] > top) top = fields[o + f];
      }
      scores.raise(touched[t], top + OTHER_FIELDS * (sum - top));
    }
    // How common the word itself is: the offers whose own words have it as typed or as its stem.
    var direct = new Uint8Array(n);
    [exact, vocab.get(own), folded === own ? null : vocab.get(folded)].forEach(function (postings) {
      if (!postings) return;
      for (var i = 0; i < postings.length; i++) {
        var p = postings[i];
        if ((p & 7) !== INHERITED && direct[p >> 3] === 0) { direct[p >> 3] = 1; scores.common += 1; }
      }
    });
    if (scores.common === 0) scores.common = scores.list.length;
    return scores;
  };

  Index.prototype.scoreTerm = function (word) {
    var R = this.rules;
    /* an age: 0–18, as offers state them (an offer for 12–18 år is found by "18 år") */
    if (/^\d{1,2}$/.test(word) && Number(word) <= 18) return this.scoreAge(Number(word));
    var whole = this.scoreWord(word, false);
    var parts = this.parts(word);
    if (parts) {
      var scored = parts.map(function (p) { return this.scoreWord(p, false); }, this);
      scored[0].list.forEach(function (offer) {
        var total = 0;
        for (var i = 0; i < scored.length; i++) {
          if (scored[i].value[offer] === 0) return;
          total += scored[i].value[offer];
        }
        whole.raise(offer, total / scored.length * SPLIT);
      });
      if (whole.common === 0) whole.common = whole.list.length;
    }
    if (whole.list.length === 0 && fold(word, R).length >= MIN_FUZZY) whole = this.scoreWord(word, true);
    return whole;
  };

  Index.prototype.scoreAge = function (age) {
    var scores = new Scores(this.offers.length);
    this.offers.forEach(function (offer, i) {
      var a = offer.al;
      if (a[0] !== null && a[0] <= age && age <= a[1]) scores.raise(i, FIELD_WEIGHT[1] * EXACT);
    });
    scores.common = scores.list.length;
    return scores;
  };

  /* How much finding a word says, by how rare it is among the offers: BM25's inverse document frequency, to the
     power RARITY. A search has few words and a catalogue few offers, so plain BM25 lets a common word in a title
     outweigh a rare one among an offer's own search words; with the power, the rare word decides. Among forty
     offers a word that one has weighs 6.0, one that a fifth have 2.0, one that half have 0.6. */
  function rarity(common, n) {
    return Math.pow(Math.log(1 + (n - common + 0.5) / (common + 0.5)), RARITY);
  }

  /* Offers for a query, best first: those matching every word before those matching some, and among them by the
     sum of each word's score times its rarity. A sentence ("mitt barn är arg hela tiden") thus finds the offer
     with its rare word (arg) first, not those that share its common words. Words such as "stöd" and "barn"
     (svaga_ord in the rules), and any word that more than half of the offers have, add to the score but are
     not needed for a full match. */
  Index.prototype.search = function (query) {
    var R = this.rules, self = this, n = this.offers.length;
    var terms = [];
    words(query).slice(0, MAX_WORDS).forEach(function (word) {
      if (R.stop.has(word)) return;
      var scores = self.scoreTerm(word);
      // "for", "pa": a stopword typed without å, ä and ö is dropped unless it finds something
      if (scores.list.length === 0 && self.foldedStop.has(fold(word, R))) return;
      terms.push({
        scores: scores,
        weight: rarity(scores.common, n),
        weak: self.weak.has(stem(word, R)) || scores.common * 2 > n
      });
    });
    var strong = terms.filter(function (t) { return !t.weak; }).length;
    if (strong === 0) terms.forEach(function (t) { t.weak = false; });
    var needed = strong || terms.length;
    var matched = new Uint8Array(n), some = new Uint8Array(n), total = new Float32Array(n), found = [];
    terms.forEach(function (term) {
      var list = term.scores.list, value = term.scores.value;
      for (var i = 0; i < list.length; i++) {
        var offer = list[i];
        if (total[offer] === 0) found.push(offer);
        if (!term.weak) matched[offer] += 1;
        some[offer] += 1;
        total[offer] += value[offer] * term.weight;
      }
    });
    if (strong) found = found.filter(function (offer) { return matched[offer] > 0; });
    // Like Lucene's coordination factor: an offer with two of the words beats one with a single word that is
    // found in its title ("syskonen bråkar": the course about sibling quarrels before the group for siblings).
    found.forEach(function (offer) { total[offer] *= some[offer] / terms.length; });
    var rank = this.titleRank, offers = this.offers;
    found.sort(function (a, b) {
      return (matched[b] === needed) - (matched[a] === needed) || total[b] - total[a] || rank[a] - rank[b];
    });
    return {
      words: terms.length,
      results: found.map(function (offer) {
        return {offer: offers[offer], all: matched[offer] === needed, score: total[offer]};
      })
    };
  };

  /* ---- Loading ---- */

  var loading = null;
  function load() {
    if (!loading) {
      loading = fetch(INDEX_URL, {credentials: "same-origin"}).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (data) { return new Index(data); });
      loading.catch(function () { loading = null; }); // a later attempt may succeed
    }
    return loading;
  }

  /* ---- The results page ---- */

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function fact(list, term, value) {
    var row = element("div");
    row.appendChild(element("dt", null, term));
    row.appendChild(element("dd", null, value));
    list.appendChild(row);
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function resultItem(index, offer, headingLevel) {
    var item = element("li", "sg-card");
    var heading = element("h" + headingLevel, "sg-card__title");
    var link = element("a", null, offer.t);
    link.href = new URL("../erbjudanden/" + encodeURIComponent(offer.u) + "/", INDEX_URL).href;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(element("p", "sg-card__summary", offer.s));
    var facts = element("dl", "sg-facts");
    fact(facts, "Ålder", offer.a);
    fact(facts, "Typ av stöd", offer.y.map(function (t) { return index.types[t].n; }).join(", "));
    item.appendChild(facts);
    return item;
  }

  /* Offers with every word come first. When there are some, the offers with only some of the words follow
     under their own heading. PAGE_SIZE results at a time: "Visa fler" adds the next ones and moves focus to
     the first of them. */
  function renderResults(index, query, view, kommun) {
    var found = index.search(query);
    /* on a region's site, the municipality chosen (?kommun=2309): "m" holds the codes an offer serves, and
       an offer without it serves them all */
    if (kommun) {
      found.results = found.results.filter(function (r) { return !r.offer.m || r.offer.m.indexOf(kommun) >= 0; });
    }
    var all = found.results.filter(function (r) { return r.all; });
    var some = all.length ? found.results.length - all.length : 0;
    var count = 0;
    function next() {
      var first = null;
      found.results.slice(count, count + PAGE_SIZE).forEach(function (r) {
        var separate = all.length && !r.all;
        var item = resultItem(index, r.offer, separate ? 3 : 2);
        (separate ? view.someList : view.list).appendChild(item);
        first = first || item;
      });
      count = Math.min(found.results.length, count + PAGE_SIZE);
      var rest = found.results.length - count;
      view.someHeading.hidden = view.someList.hidden = view.someList.children.length === 0;
      view.more.hidden = rest <= 0;
      view.more.textContent = "Visa " + Math.min(rest, PAGE_SIZE) + " till";
      return first;
    }
    view.clear();
    next();
    view.more.onclick = function () {
      var first = next();
      if (first) first.querySelector("a").focus();
    };
    var quoted = "”" + query.trim() + "”";
    var message;
    if (found.words === 0) {
      message = "Skriv vad du söker, till exempel bråk, bebis eller skilsmässa.";
    } else if (all.length) {
      message = plural(all.length, "erbjudande passar", "erbjudanden passar") + " din sökning på " + quoted + "." +
        (some ? " " + plural(some, "erbjudande till passar", "erbjudanden till passar") + " några av orden." : "");
    } else if (found.results.length) {
      message = "Inget erbjudande passar alla orden i " + quoted + ". " +
        plural(found.results.length, "erbjudande passar", "erbjudanden passar") + " några av dem.";
    } else {
      message = "Inga erbjudanden passar din sökning på " + quoted +
        ". Prova ett annat ord, eller välj efter barnets ålder eller typ av stöd.";
    }
    if (kommun && view.municipality && view.municipality.selectedIndex > 0) {
      message = view.municipality.options[view.municipality.selectedIndex].textContent + ": " + message;
    }
    view.status.textContent = message;
    view.status.setAttribute("data-sokt", query);
    return found;
  }

  function resultsPage() {
    var form = document.querySelector("form[data-sg-search-page]");
    if (!form) return;
    var field = form.querySelector("input[name=q]");
    var municipality = form.querySelector("select[name=kommun]");
    var status = document.getElementById("sg-sok-status");
    var view = {
      status: status,
      list: document.getElementById("sg-sok-resultat"),
      someHeading: document.getElementById("sg-sok-nagra"),
      someList: document.getElementById("sg-sok-nagra-lista"),
      more: document.getElementById("sg-sok-fler"),
      municipality: municipality,
      clear: function () {
        view.list.replaceChildren();
        view.someList.replaceChildren();
        view.someHeading.hidden = view.someList.hidden = view.more.hidden = true;
      }
    };
    var baseTitle = document.title;

    /* the room kept for the results while the page loaded (search.html) is given back once they are shown */
    function settled() {
      document.documentElement.classList.remove("sg-sok-laddar");
    }

    function chosenMunicipality() {
      return municipality ? municipality.value : "";
    }

    function address(query) {
      var kommun = chosenMunicipality();
      return "?q=" + encodeURIComponent(query) + (kommun ? "&kommun=" + encodeURIComponent(kommun) : "");
    }

    function show(query) {
      field.value = query;
      document.querySelectorAll("form.sg-header-search input[name=q]").forEach(function (f) { f.value = query; });
      document.title = query.trim() ? "”" + query.trim() + "” – " + baseTitle : baseTitle;
      if (!query.trim()) {
        settled();
        view.clear();
        status.textContent = "";
        status.removeAttribute("data-sokt");
        return;
      }
      status.textContent = "Söker …";
      load().then(function (index) {
        renderResults(index, query, view, chosenMunicipality());
        settled();
      }, function () {
        settled();
        view.clear();
        status.textContent = "Sökningen kunde inte laddas. Ladda om sidan och försök igen, " +
          "eller välj efter barnets ålder eller typ av stöd i menyn.";
        status.setAttribute("data-sokt", query);
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = field.value;
      history.pushState({q: query}, "", address(query));
      show(query);
    });
    function fromAddress(params) {
      if (!municipality) return;
      municipality.value = params.get("kommun") || "";
      if (municipality.selectedIndex < 0) municipality.value = ""; /* a code the page does not know */
    }
    if (municipality) {
      municipality.addEventListener("change", function () {
        history.pushState({q: field.value}, "", address(field.value));
        show(field.value);
      });
    }
    window.addEventListener("popstate", function () {
      var params = new URLSearchParams(location.search);
      fromAddress(params);
      show(params.get("q") || "");
    });
    var params = new URLSearchParams(location.search);
    fromAddress(params);
    show(params.get("q") || "");
    /* An empty search (on narrow screens the header shows only the magnifier button) lands here with ?q=:
       the parent came to search, so the field takes the focus. Opened from a link (no ?q), the page does not. */
    if (params.has("q") && !(params.get("q") || "").trim()) field.focus();
  }

  /* Start fetching the index as soon as the parent shows interest in searching. */
  function prefetchOnFocus() {
    document.querySelectorAll("form[role=search] input[name=q]").forEach(function (field) {
      field.addEventListener("focus", function () { load().catch(function () {}); }, {once: true});
    });
  }

  window.stodguidenSok = {
    load: load,
    stem: function (word, rules) { return stem(word, makeRules(rules)); },
    fold: function (word, rules) { return fold(word, makeRules(rules)); },
    words: words,
    Index: Index
  };

  prefetchOnFocus();
  resultsPage();
})();
