/* Site search for Het Maatschappelijk Brein. No dependencies, no external requests, no WebAssembly.
   breingen writes the index in shards (see docs/search.md): zoeken/index/entry.json names the build's
   manifest, the manifest gives the first stem of every word shard, a query fetches only the shards of
   its words and, for the results shown, the fragments with their titles and summaries. The pages were
   stemmed with the same folding, stop words and Dutch stemmer as below, so a query matches the words of
   a page in any inflection: "creeren" finds "creëren", "woningen" finds "woning"; a word of three
   letters or more also finds the words it begins ("woning" finds "woningbouw"). Title hits rank first.
   Every result is written with textContent, never innerHTML, so titles and summaries are always
   escaped. */
(function () {
  "use strict";

  var STOP = ("de het een en van in op te dat die is voor met zijn aan er om als door bij ook tot " +
    "uit naar dan of maar nog wel niet wat ze hij zij we wij je u ik dit deze was worden wordt werd " +
    "kan kunnen heeft hebben had geen meer over onder al zo").split(" ");
  var stopSet = {};
  STOP.forEach(function (w) { stopSet[w] = true; });

  /* Lower case, diacritics removed, split into runs of a-z and 0-9. */
  function tokens(text) {
    var folded = String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0133/g, "ij").replace(/\u00df/g, "ss").replace(/\u00e6/g, "ae").replace(/\u0153/g, "oe")
      .replace(/\u00f8/g, "o");
    return folded.match(/[a-z0-9]+/g) || [];
  }

  function isVowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }

  /* The Snowball Dutch stemmer, on a folded lower-case word. breingen's Swift stemmer is the same
     algorithm; a test keeps the two in step. */
  function stem(word) {
    if (word.length < 3 || /[0-9]/.test(word)) return word;
    var w = word.split("");
    var i;
    // Mark consonant-like y and i (initial y, y after a vowel, i between vowels) in upper case.
    for (i = 0; i < w.length; i++) {
      if (w[i] === "y" && (i === 0 || isVowel(w[i - 1]))) w[i] = "Y";
      else if (w[i] === "i" && i > 0 && i + 1 < w.length && isVowel(w[i - 1]) && isVowel(w[i + 1])) w[i] = "I";
    }
    var s = w.join("");
    function region(start) {
      for (var k = start; k + 1 < s.length; k++) {
        if (isVowel(s[k]) && !isVowel(s[k + 1])) return k + 2;
      }
      return s.length;
    }
    var p1 = region(0);
    var p2 = region(p1);
    if (p1 < 3) p1 = 3;
    function ends(suffix) { return s.length >= suffix.length && s.slice(s.length - suffix.length) === suffix; }
    function inR(pos, suffix) { return s.length - suffix.length >= pos; }
    function undouble() {
      if (ends("kk") || ends("dd") || ends("tt")) s = s.slice(0, -1);
    }
    function validEn(base) {
      var c = base.charAt(base.length - 1);
      return base.length > 0 && !isVowel(c) && base.slice(-3) !== "gem";
    }
    function validS(base) {
      var c = base.charAt(base.length - 1);
      return base.length > 0 && !isVowel(c) && c !== "j";
    }
    function dropEn(suffix) {
      var base = s.slice(0, s.length - suffix.length);
      if (inR(p1, suffix) && validEn(base)) { s = base; undouble(); return true; }
      return false;
    }
    // Step 1
    if (ends("heden")) {
      if (inR(p1, "heden")) s = s.slice(0, -5) + "heid";
    } else if (ends("ene")) {
      dropEn("ene");
    } else if (ends("en")) {
      dropEn("en");
    } else if (ends("se")) {
      if (inR(p1, "se") && validS(s.slice(0, -2))) s = s.slice(0, -2);
    } else if (ends("s")) {
      if (inR(p1, "s") && validS(s.slice(0, -1))) s = s.slice(0, -1);
    }
    // Step 2
    var removedE = false;
    function step2() {
      if (ends("e") && inR(p1, "e") && s.length > 1 && !isVowel(s.charAt(s.length - 2))) {
        s = s.slice(0, -1); removedE = true; undouble();
      }
    }
    step2();
    // Step 3a
    if (ends("heid") && inR(p2, "heid") && s.charAt(s.length - 5) !== "c") {
      s = s.slice(0, -4);
      if (ends("en")) dropEn("en");
    }
    // Step 3b
    if (ends("end") || ends("ing")) {
      if (inR(p2, "ing")) {
        s = s.slice(0, -3);
        if (ends("ig") && inR(p2, "ig") && s.charAt(s.length - 3) !== "e") s = s.slice(0, -2);
        else undouble();
      }
    } else if (ends("ig")) {
      if (inR(p2, "ig") && s.charAt(s.length - 3) !== "e") s = s.slice(0, -2);
    } else if (ends("lijk")) {
      if (inR(p2, "lijk")) { s = s.slice(0, -4); step2(); }
    } else if (ends("baar")) {
      if (inR(p2, "baar")) s = s.slice(0, -4);
    } else if (ends("bar")) {
      if (inR(p2, "bar") && removedE) s = s.slice(0, -3);
    }
    // Step 4: undouble a vowel in a final consonant-vowel-vowel-consonant.
    if (s.length >= 4) {
      var n = s.length;
      var c = s.charAt(n - 4), v1 = s.charAt(n - 3), v2 = s.charAt(n - 2), d = s.charAt(n - 1);
      if (!isVowel(c) && v1 === v2 && "aeou".indexOf(v1) >= 0 && !isVowel(d) && d !== "I") {
        s = s.slice(0, n - 2) + d;
      }
    }
    return s.replace(/I/g, "i").replace(/Y/g, "y");
  }

  /* Query terms: stemmed, stop words dropped unless nothing else is left. */
  function queryTerms(text) {
    var all = tokens(text);
    var kept = all.filter(function (t) { return !stopSet[t]; });
    if (kept.length === 0) kept = all;
    var seen = {}, out = [];
    kept.forEach(function (t) {
      var st = stem(t);
      if (!seen[st]) { seen[st] = true; out.push(st); }
    });
    return out;
  }

  /* The index terms of a text, exactly as breingen writes them: unique stems, stop words dropped. */
  function indexTerms(text) {
    var seen = {}, out = [];
    tokens(text).forEach(function (t) {
      if (stopSet[t]) return;
      var st = stem(t);
      if (!seen[st]) { seen[st] = true; out.push(st); }
    });
    return out;
  }

  /* The counts a posting packs (ShardedIndex, IndexedPage.Weights): title, metadata, headings, body. */
  function unpack(w) { return { title: w & 3, meta: (w >> 2) & 3, headings: (w >> 4) & 3, body: w >> 6 }; }

  /* The numbers of the shards that may hold `term` (or, with `prefix`, the words it begins): shard i
     holds the stems from shards[i] up to shards[i + 1]. At most three shards for a prefix. */
  function shardsFor(firsts, term, prefix) {
    var lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= term) lo = mid; else hi = mid - 1;
    }
    var out = [lo];
    if (prefix) {
      var end = term + "{";  // "{" sorts after every letter and digit a stem has
      for (var k = lo + 1; k < firsts.length && firsts[k] < end && out.length < 3; k++) out.push(k);
    }
    return out;
  }

  /* One query word's pages from its shards: page number -> {w: best weights, p: first position}. A word
     of three letters or more takes every stem it begins; a shorter one only itself. */
  function postingsOf(shards, term) {
    var prefix = term.length >= 3;
    var found = {};
    shards.forEach(function (shard) {
      if (!shard) return;
      Object.keys(shard).forEach(function (stem) {
        if (stem === term || (prefix && stem.lastIndexOf(term, 0) === 0)) {
          var list = shard[stem], page = 0;
          for (var i = 0; i < list.length; i += 3) {
            page += list[i];
            var w = list[i + 1], p = list[i + 2], old = found[page];
            if (!old) found[page] = { w: w, p: p, exact: stem === term };
            else {
              old.w = Math.max(old.w & 3, w & 3) | Math.max((old.w >> 2) & 3, (w >> 2) & 3) << 2 |
                Math.max((old.w >> 4) & 3, (w >> 4) & 3) << 4 | Math.max(old.w >> 6, w >> 6) << 6;
              old.p = Math.min(old.p, p);
            }
          }
        }
      });
    });
    return found;
  }

  /* The pages holding every query word, best first: more title hits, then the higher score (title 10,
     metadata 3, headings 2, body 1 per word), then the page number (the pages are numbered by title). */
  function rank(perTerm) {
    if (perTerm.length === 0) return [];
    var hits = [];
    Object.keys(perTerm[0]).forEach(function (key) {
      var titleHits = 0, score = 0;
      for (var t = 0; t < perTerm.length; t++) {
        var posting = perTerm[t][key];
        if (!posting) return;
        var c = unpack(posting.w);
        if (c.title) { titleHits++; score += 10; } else if (c.meta) score += 3; else if (c.headings) score += 2; else score += 1;
      }
      hits.push({ page: +key, titleHits: titleHits, score: score });
    });
    hits.sort(function (a, b) {
      if (b.titleHits !== a.titleHits) return b.titleHits - a.titleHits;
      if (b.score !== a.score) return b.score - a.score;
      return a.page - b.page;
    });
    return hits;
  }

  /* The ranges of `text` to mark: its words whose stem begins with a query word (or equals a short one). */
  function highlights(text, terms) {
    var out = [], re = /[0-9A-Za-z\u00c0-\u024f\u0300-\u036f]+/g, m;
    while ((m = re.exec(text)) !== null) {
      var words = tokens(m[0]);
      var hit = words.some(function (word) {
        var st = stem(word);
        return terms.some(function (term) { return st === term || (term.length >= 3 && st.lastIndexOf(term, 0) === 0); });
      });
      if (hit) out.push([m.index, m.index + m[0].length]);
    }
    return out;
  }

  /* Reads the index at `entryURL` with `load(url, fresh)` (a promise of parsed JSON): the shards and
     fragments once each, kept for later queries. */
  function Index(entryURL, load) {
    var base = entryURL.slice(0, entryURL.lastIndexOf("/") + 1);
    var cache = {};
    function get(name, fresh) {
      if (!cache[name]) cache[name] = load(base + name, fresh);
      return cache[name];
    }
    var manifest = load(entryURL, true).then(function (entry) {
      if (entry.v !== 1) throw new Error("onbekende versie van de zoekindex");
      return get(entry.manifest);
    });
    this.manifest = manifest;
    this.query = function (text) {
      var terms = queryTerms(text);
      if (terms.length === 0) return Promise.resolve({ terms: terms, hits: [] });
      return manifest.then(function (m) {
        return Promise.all(terms.map(function (term) {
          return Promise.all(shardsFor(m.shards, term, term.length >= 3).map(function (i) {
            return get("s-" + i + "-" + m.shardHashes.substr(8 * i, 8) + ".json");
          })).then(function (shards) { return postingsOf(shards, term); });
        })).then(function (perTerm) { return { terms: terms, hits: rank(perTerm) }; });
      });
    };
    this.fragments = function (pages) {
      return manifest.then(function (m) {
        return Promise.all(pages.map(function (page) {
          var g = Math.floor(page / m.group);
          return get("f-" + g + "-" + m.groupHashes.substr(8 * g, 8) + ".json").then(function (group) {
            return group[page % m.group];
          });
        }));
      });
    };
    /* The pages of a kind and of a theme (names as in the manifest; "" for any): a set, or null for all. */
    this.filter = function (kind, theme) {
      if (!kind && !theme) return Promise.resolve(null);
      return manifest.then(function (m) {
        return get(m.filters).then(function (f) {
          function set(list) {
            var s = {}, page = 0;
            for (var i = 0; i < list.length; i++) { page += list[i]; s[page] = true; }
            return s;
          }
          var a = kind ? set(f.kinds[m.kinds.indexOf(kind)] || []) : null;
          var b = theme ? set(f.themes[m.themes.indexOf(theme)] || []) : null;
          return { has: function (page) { return (!a || a[page]) && (!b || b[page]); } };
        });
      });
    };
  }

  // Exposed for tests.
  window.BreinZoeken = {
    tokens: tokens, stem: stem, queryTerms: queryTerms, indexTerms: indexTerms, shardsFor: shardsFor,
    postingsOf: postingsOf, rank: rank, highlights: highlights, Index: Index
  };

  var form = document.getElementById("zoekformulier");
  if (!form) return;
  var input = document.getElementById("zoekterm");
  var list = document.getElementById("zoekresultaten");
  var status = document.getElementById("zoekstatus");
  var more = document.getElementById("zoekmeer");
  var kindSelect = document.getElementById("zoeksoort");
  var themeSelect = document.getElementById("zoekthema");
  var PAGE = 10;
  var index = new Index(form.getAttribute("data-index"), function (url, fresh) {
    return fetch(url, fresh ? { cache: "no-cache" } : {}).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  });
  var current = null;  // the query shown: {hits, terms, shown}
  var generation = 0;

  function fill(select, names) {
    names.forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      option.textContent = name;
      select.appendChild(option);
    });
  }

  function marked(text, terms) {
    var p = document.createElement("p"), at = 0;
    highlights(text, terms).forEach(function (range) {
      if (range[0] > at) p.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      p.appendChild(mark);
      at = range[1];
    });
    if (at < text.length) p.appendChild(document.createTextNode(text.slice(at)));
    return p;
  }

  function showMore(mine) {
    var pages = current.hits.slice(current.shown, current.shown + PAGE).map(function (h) { return h.page; });
    current.shown += pages.length;
    more.hidden = current.shown >= current.hits.length;
    return index.fragments(pages).then(function (fragments) {
      if (mine !== generation) return;
      fragments.forEach(function (doc) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = doc.u;
        a.textContent = doc.t;
        li.appendChild(a);
        if (doc.k) {
          var kind = document.createElement("span");
          kind.className = "kind";
          kind.textContent = " · " + doc.k;
          li.appendChild(kind);
        }
        if (doc.s) li.appendChild(marked(doc.s, current.terms));
        list.appendChild(li);
      });
      window.BreinZoeken.shownAt = performance.now();
    });
  }

  function render(text, startedAt) {
    var mine = ++generation;
    var shown = text.trim();
    if (!shown) {
      while (list.firstChild) list.removeChild(list.firstChild);
      status.textContent = "";
      more.hidden = true;
      return Promise.resolve();
    }
    return Promise.all([index.query(text), index.filter(kindSelect.value, themeSelect.value)]).then(function (both) {
      if (mine !== generation) return;
      var result = both[0], filter = both[1];
      var hits = filter ? result.hits.filter(function (h) { return filter.has(h.page); }) : result.hits;
      while (list.firstChild) list.removeChild(list.firstChild);
      current = { hits: hits, terms: result.terms, shown: 0 };
      if (hits.length === 0) {
        status.textContent = "Geen resultaten voor ‘" + shown + "’.";
        more.hidden = true;
        return;
      }
      status.textContent = (hits.length === 1 ? "1 resultaat" : hits.length + " resultaten") + " voor ‘" + shown + "’.";
      return showMore(mine).then(function () {
        if (startedAt !== undefined) window.BreinZoeken.lastQueryMs = performance.now() - startedAt;
      });
    }).catch(function () {
      if (mine === generation) status.textContent = "De zoekindex kon niet worden geladen.";
    });
  }

  index.manifest.then(function (m) {
    fill(kindSelect, m.kinds);
    fill(themeSelect, m.themes);
    form.querySelector(".search-filters").hidden = false;
  }).catch(function () { status.textContent = "De zoekindex kon niet worden geladen."; });

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) input.value = params.get("q");
  var timer = null;
  input.addEventListener("input", function (event) {
    var startedAt = event.timeStamp;
    clearTimeout(timer);
    timer = setTimeout(function () {
      render(input.value, startedAt);
      var url = new URL(window.location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.toString());
    }, 40);
  });
  kindSelect.addEventListener("change", function () { render(input.value); });
  themeSelect.addEventListener("change", function () { render(input.value); });
  more.addEventListener("click", function () { showMore(generation); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    render(input.value);
  });
  if (input.value) render(input.value);
})();
