/* Live filters for the best-practice bank. Without JavaScript the bank is a plain paginated list;
   with it, the filter form appears and filters every best practice (from the bank's index), not only
   the ones on the current page. All text is inserted with textContent, so it is always escaped. */
(function () {
  "use strict";
  var form = document.getElementById("bank-filters");
  if (!form) return;
  var list = document.getElementById("bank-list");
  var results = document.getElementById("bank-results");
  var status = document.getElementById("bank-status");
  var moreWrap = document.getElementById("bank-more-wrap");
  var more = document.getElementById("bank-more");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var nameInput = document.getElementById("filter-zoek");
  var data = null;
  var matches = [];
  var shown = 0;
  var STEP = 60;

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function activeFilters() {
    var active = [];
    selects.forEach(function (select) {
      if (select.value) active.push({ name: select.name, value: select.value });
    });
    return active;
  }

  function card(item) {
    var article = document.createElement("article");
    article.className = "card bp-card";
    var h = document.createElement("h2");
    h.className = "card-title";
    var a = document.createElement("a");
    a.href = item.u;
    a.textContent = item.t;
    h.appendChild(a);
    article.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = (item.p && item.p.length ? item.p.join(", ") + " · " : "") + item.d + " · ";
    var badge = document.createElement("span");
    badge.className = "status status-" + item.st;
    badge.textContent = item.stt;
    meta.appendChild(badge);
    article.appendChild(meta);
    if (item.s) {
      var p = document.createElement("p");
      p.textContent = item.s;
      article.appendChild(p);
    }
    if (item.th && item.th.length) {
      var chips = document.createElement("p");
      chips.className = "chips";
      item.th.forEach(function (slug, i) {
        var theme = data.themes[slug];
        if (!theme) return;
        if (i > 0) chips.appendChild(document.createTextNode(" "));
        var c = document.createElement("a");
        c.className = "chip";
        c.href = theme.url;
        c.textContent = theme.title;
        chips.appendChild(c);
      });
      article.appendChild(chips);
    }
    return article;
  }

  function showMore() {
    var end = Math.min(matches.length, shown + STEP);
    var fragment = document.createDocumentFragment();
    for (var i = shown; i < end; i++) fragment.appendChild(card(matches[i]));
    results.appendChild(fragment);
    shown = end;
    moreWrap.hidden = shown >= matches.length;
  }

  function apply() {
    if (!data) return;
    var active = activeFilters();
    var name = fold(nameInput.value.trim());
    var url = new URL(window.location.href);
    selects.forEach(function (s) { if (s.value) url.searchParams.set(s.name, s.value); else url.searchParams.delete(s.name); });
    if (name) url.searchParams.set("q", nameInput.value.trim()); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url.toString());
    if (active.length === 0 && !name) {
      list.hidden = false;
      results.hidden = true;
      moreWrap.hidden = true;
      status.textContent = "";
      return;
    }
    matches = data.items.filter(function (item) {
      for (var i = 0; i < active.length; i++) {
        var values = item.f[active[i].name] || [];
        if (values.indexOf(active[i].value) < 0) return false;
      }
      return !name || fold(item.t).indexOf(name) >= 0;
    });
    while (results.firstChild) results.removeChild(results.firstChild);
    shown = 0;
    list.hidden = true;
    results.hidden = false;
    status.textContent = matches.length + " van " + data.items.length + " best practices";
    showMore();
  }

  function load() {
    var request = new XMLHttpRequest();
    request.open("GET", form.getAttribute("data-index"));
    request.onload = function () {
      try {
        data = JSON.parse(request.responseText);
      } catch (e) {
        return; // The plain list stays; the filters stay hidden.
      }
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (s) {
        var v = params.get(s.name);
        if (v) s.value = v;
      });
      if (params.get("q")) nameInput.value = params.get("q");
      form.hidden = false;
      apply();
    };
    request.send();
  }

  selects.forEach(function (s) { s.addEventListener("change", apply); });
  nameInput.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  more.addEventListener("click", showMore);
  load();
})();
