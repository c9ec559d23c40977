/* Site search for Het Maatschappelijk Brein. No dependencies, no external requests.
   The index (zoeken/index.json) is built by breingen with the same folding, stop words and Dutch
   stemmer as below, so a query matches the words of a page in any inflection:
   "creeren" finds "creëren", "woningen" finds "woning". Title hits rank first. Every result is
   written with textContent, never innerHTML, so titles and summaries are always escaped. */
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

  /* True when some word of the space-separated `haystack` starts with `term`. */
  function hasWordStarting(haystack, term) {
    var at = haystack.indexOf(term);
    while (at >= 0) {
      if (at === 0 || haystack.charCodeAt(at - 1) === 32) return true;
      at = haystack.indexOf(term, at + 1);
    }
    return false;
  }

  function search(docs, text) {
    var terms = queryTerms(text);
    if (terms.length === 0) return [];
    var hits = [];
    for (var d = 0; d < docs.length; d++) {
      var doc = docs[d];
      var titleHits = 0, score = 0, ok = true;
      for (var t = 0; t < terms.length; t++) {
        var term = terms[t];
        var inTitle = hasWordStarting(doc.ts, term);
        if (inTitle) { titleHits++; score += 10; continue; }
        if (doc.ms && hasWordStarting(doc.ms, term)) { score += 3; continue; }
        if (hasWordStarting(doc.x, term)) { score += 1; continue; }
        ok = false; break;
      }
      if (ok) hits.push({ doc: doc, titleHits: titleHits, score: score });
    }
    hits.sort(function (a, b) {
      if (b.titleHits !== a.titleHits) return b.titleHits - a.titleHits;
      if (b.score !== a.score) return b.score - a.score;
      return a.doc.t.localeCompare(b.doc.t, "nl");
    });
    return hits;
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

  // Exposed for tests.
  window.BreinZoeken = { tokens: tokens, stem: stem, queryTerms: queryTerms, indexTerms: indexTerms, search: search };

  var form = document.getElementById("zoekformulier");
  if (!form) return;
  var input = document.getElementById("zoekterm");
  var list = document.getElementById("zoekresultaten");
  var status = document.getElementById("zoekstatus");
  var docs = null;
  var LIMIT = 50;

  function render(text) {
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!docs) return;
    if (!text.trim()) { status.textContent = ""; return; }
    var hits = search(docs, text);
    if (hits.length === 0) {
      status.textContent = "Geen resultaten voor ‘" + text.trim() + "’.";
      return;
    }
    status.textContent = (hits.length === 1 ? "1 resultaat" : hits.length + " resultaten") +
      " voor ‘" + text.trim() + "’" + (hits.length > LIMIT ? "; de eerste " + LIMIT + " staan hieronder." : ".");
    hits.slice(0, LIMIT).forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.doc.u;
      a.textContent = hit.doc.t;
      li.appendChild(a);
      if (hit.doc.k) {
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = " · " + hit.doc.k;
        li.appendChild(kind);
      }
      if (hit.doc.s) {
        var p = document.createElement("p");
        p.textContent = hit.doc.s;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  function load() {
    status.textContent = "De zoekindex wordt geladen…";
    var request = new XMLHttpRequest();
    request.open("GET", form.getAttribute("data-index"));
    request.onload = function () {
      if (request.status !== 200 && request.status !== 0) {
        status.textContent = "De zoekindex kon niet worden geladen.";
        return;
      }
      try {
        docs = JSON.parse(request.responseText).docs;
      } catch (e) {
        status.textContent = "De zoekindex kon niet worden gelezen.";
        return;
      }
      status.textContent = "";
      render(input.value);
    };
    request.onerror = function () { status.textContent = "De zoekindex kon niet worden geladen."; };
    request.send();
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) input.value = params.get("q");
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      render(input.value);
      var url = new URL(window.location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.toString());
    }, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    render(input.value);
  });
  load();
})();
