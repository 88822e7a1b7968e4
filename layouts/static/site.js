// Exchange Timeline: the search box and the timeline filters. Both enhance
// pages that work without them: without this script the search box stays
// hidden behind links to the people and tags indexes, and every event is
// listed. The script makes no request but for the site's own search index.
(function () {
  "use strict";

  // ---------------------------------------------------------------------
  // Spellings. Names reach this site in Ukrainian, Russian and several
  // romanisations: Хилюк, Khyliuk, Khylyuk. fold() reduces a text to a
  // Latin skeleton in which such spellings meet: Cyrillic letters are
  // transliterated, accents dropped, and the letters that romanisations
  // disagree on are merged (kh/h/g, y/i/j, doubled letters, an initial
  // ye/ie/e). The index and the query are folded alike.

  var CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ё": "io", "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    "ʼ": "", "’": "", "'": "", "`": ""
  };

  function fold(text) {
    var out = "";
    var lower = String(text).toLowerCase();
    for (var i = 0; i < lower.length; i++) {
      var c = lower[i];
      out += Object.prototype.hasOwnProperty.call(CYRILLIC, c) ? CYRILLIC[c] : c;
    }
    // The result starts and ends with a space, so that " word" finds the
    // start of a word.
    return (" " + out + " ")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .replace(/kh/g, "h").replace(/g/g, "h").replace(/x/g, "ks").replace(/w/g, "v")
      .replace(/[yj]/g, "i")
      .replace(/ ie/g, " e")
      .replace(/([a-z])\1+/g, "$1");
  }

  function words(query) {
    return fold(query).split(" ").filter(function (w) { return w !== ""; });
  }

  // ---------------------------------------------------------------------
  // Search.

  var MAX_RESULTS = 12;

  function setUpSearch(root) {
    var form = root.querySelector(".search-form");
    var input = root.querySelector(".search-input");
    var results = root.querySelector(".search-results");
    var status = root.querySelector(".search-status");
    var list = root.querySelector(".search-list");
    var fallback = root.querySelector(".search-fallback");
    var indexURL = root.getAttribute("data-search-index");
    if (!form || !input || !results || !status || !list || !indexURL) {
      return;
    }
    form.hidden = false;
    if (fallback) {
      fallback.hidden = true;
    }

    var entries = null; // the folded index, once loaded
    var loading = null;

    function load() {
      if (!loading) {
        loading = fetch(indexURL, { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) {
              throw new Error(response.status + " " + response.statusText);
            }
            return response.json();
          })
          .then(function (index) {
            entries = [];
            (index.people || []).forEach(function (p) {
              entries.push({
                kind: "person", title: p.n, url: p.u,
                meta: p.d || "",
                high: fold([p.n].concat(p.o || []).join(" ")),
                low: fold(p.d || "")
              });
            });
            (index.events || []).forEach(function (e) {
              entries.push({
                kind: "event", title: e.t, url: e.u, date: e.d, label: e.k,
                meta: e.s || "",
                high: fold(e.t),
                low: fold(e.s || "")
              });
            });
            return entries;
          })
          .catch(function (err) {
            loading = null;
            throw err;
          });
      }
      return loading;
    }

    // score is 0 when a word of the query is missing, and higher for words
    // found in names and titles, and at the start of a word.
    function score(entry, query) {
      var total = 0;
      for (var i = 0; i < query.length; i++) {
        var w = query[i];
        if (entry.high.indexOf(" " + w) >= 0) {
          total += 4;
        } else if (entry.high.indexOf(w) >= 0) {
          total += 3;
        } else if (entry.low.indexOf(" " + w) >= 0) {
          total += 2;
        } else if (entry.low.indexOf(w) >= 0) {
          total += 1;
        } else {
          return 0;
        }
      }
      return total;
    }

    function search(text) {
      var query = words(text);
      if (query.length === 0) {
        return null;
      }
      var found = [];
      for (var i = 0; i < entries.length; i++) {
        var s = score(entries[i], query);
        if (s > 0) {
          found.push({ entry: entries[i], score: s, order: i });
        }
      }
      // Best first; then people before events, and events newest first,
      // which is the order of the index.
      found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
      return found;
    }

    function formatDate(iso) {
      var d = new Date(iso + "T00:00:00Z");
      if (isNaN(d)) {
        return iso;
      }
      return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    }

    function item(entry) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = entry.url;
      var title = document.createElement("span");
      title.className = "result-title";
      title.textContent = entry.title;
      a.appendChild(title);
      var meta = document.createElement("span");
      meta.className = "result-meta";
      var kind = document.createElement("span");
      kind.className = "result-kind";
      if (entry.kind === "person") {
        kind.textContent = "Person";
        meta.appendChild(kind);
        if (entry.meta) {
          meta.appendChild(document.createTextNode(" · " + entry.meta));
        }
      } else {
        kind.textContent = entry.label;
        meta.appendChild(kind);
        meta.appendChild(document.createTextNode(" · " + formatDate(entry.date)));
      }
      a.appendChild(meta);
      li.appendChild(a);
      return li;
    }

    function close() {
      results.classList.remove("is-open");
      list.hidden = true;
      list.textContent = "";
      status.textContent = "";
    }

    function show(found) {
      list.textContent = "";
      results.classList.add("is-open");
      if (found.length === 0) {
        list.hidden = true;
        status.textContent = "Nothing found. Try another spelling, or part of the name.";
        return;
      }
      found.slice(0, MAX_RESULTS).forEach(function (f) { list.appendChild(item(f.entry)); });
      list.hidden = false;
      var n = found.length;
      var more = n > MAX_RESULTS ? "; the first " + MAX_RESULTS + " are shown, add a word to narrow them down" : "";
      status.textContent = (n === 1 ? "1 result" : n + " results") + more + ".";
    }

    var pending = 0;
    function update() {
      var text = input.value;
      if (words(text).length === 0) {
        close();
        return;
      }
      if (entries) {
        show(search(text));
        return;
      }
      var ticket = ++pending;
      results.classList.add("is-open");
      status.textContent = "Loading the index…";
      load().then(function () {
        if (ticket === pending) {
          update();
        }
      }, function () {
        status.textContent = "The search index could not be loaded. The People and Tags pages list everything.";
      });
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a"));
    }

    input.addEventListener("focus", function () { load().catch(function () {}); });
    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = links()[0];
        if (first) {
          event.preventDefault();
          first.focus();
        }
      } else if (event.key === "Escape") {
        if (results.classList.contains("is-open")) {
          event.preventDefault();
          close();
        } else if (input.value !== "") {
          event.preventDefault();
          input.value = "";
        }
      }
    });
    list.addEventListener("keydown", function (event) {
      var all = links();
      var i = all.indexOf(document.activeElement);
      if (i < 0) {
        return;
      }
      if (event.key === "ArrowDown" && i + 1 < all.length) {
        event.preventDefault();
        all[i + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (i > 0 ? all[i - 1] : input).focus();
      } else if (event.key === "Home" || event.key === "End") {
        event.preventDefault();
        all[event.key === "Home" ? 0 : all.length - 1].focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
        input.focus();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) {
        window.location.href = first.href;
      } else {
        update();
      }
    });
    // Close the results when the focus leaves the search, as a menu would.
    root.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !root.contains(event.relatedTarget)) {
        close();
      }
    });
    document.addEventListener("click", function (event) {
      if (!root.contains(event.target)) {
        close();
      }
    });
  }

  // ---------------------------------------------------------------------
  // Timeline filters: show only the events of one kind or with one tag,
  // on this page. The choice is kept in the address (?kind=…&tag=…), so a
  // filtered list can be shared.

  function setUpFilters(form) {
    var timeline = form.nextElementSibling;
    while (timeline && !timeline.hasAttribute("data-filterable")) {
      timeline = timeline.nextElementSibling;
    }
    if (!timeline) {
      return;
    }
    var events = Array.prototype.slice.call(timeline.querySelectorAll("li.event"));
    var kindSelect = form.querySelector("select[name=kind]");
    var tagSelect = form.querySelector("select[name=tag]");
    var status = form.querySelector(".filter-status");
    var reset = form.querySelector("button[type=reset]");
    if (events.length < 2 || !kindSelect || !tagSelect || !status) {
      return;
    }

    var kinds = {}, tags = {};
    events.forEach(function (li) {
      var kind = li.getAttribute("data-kind");
      var label = li.querySelector(".kind");
      if (kind && !kinds[kind]) {
        kinds[kind] = label ? label.textContent : kind;
      }
      (li.getAttribute("data-tags") || "").split(" ").forEach(function (t) {
        if (t) {
          tags[t] = (tags[t] || 0) + 1;
        }
      });
    });
    function fill(select, values, text) {
      Object.keys(values).sort().forEach(function (v) {
        var option = document.createElement("option");
        option.value = v;
        option.textContent = text(v);
        select.appendChild(option);
      });
      // A choice between one value and all of them is no choice.
      select.closest(".filter").hidden = Object.keys(values).length < 2;
    }
    fill(kindSelect, kinds, function (k) { return kinds[k]; });
    fill(tagSelect, tags, function (t) { return t + " (" + tags[t] + ")"; });
    if (Object.keys(kinds).length < 2 && Object.keys(tags).length < 2) {
      return;
    }

    var params = new URLSearchParams(window.location.search);
    function choose(select, value) {
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        select.value = value;
      }
    }
    choose(kindSelect, params.get("kind"));
    choose(tagSelect, params.get("tag"));

    function apply(announce) {
      var kind = kindSelect.value, tag = tagSelect.value, shown = 0;
      events.forEach(function (li) {
        var ok = (!kind || li.getAttribute("data-kind") === kind) &&
          (!tag || (" " + li.getAttribute("data-tags") + " ").indexOf(" " + tag + " ") >= 0);
        li.hidden = !ok;
        if (ok) {
          shown++;
        }
      });
      // A year marker stays when one of its events does.
      var marker = null, markerHasEvent = false;
      Array.prototype.forEach.call(timeline.children, function (li) {
        if (li.classList.contains("year-marker")) {
          if (marker) {
            marker.hidden = !markerHasEvent;
          }
          marker = li;
          markerHasEvent = false;
        } else if (!li.hidden) {
          markerHasEvent = true;
        }
      });
      if (marker) {
        marker.hidden = !markerHasEvent;
      }
      var filtered = kind || tag;
      if (reset) {
        reset.hidden = !filtered;
      }
      if (announce || filtered) {
        status.textContent = filtered
          ? "Showing " + shown + " of " + events.length + " events on this page."
          : "Showing all " + events.length + " events on this page.";
      }
      var url = new URL(window.location.href);
      ["kind", "tag"].forEach(function (name) {
        var v = name === "kind" ? kind : tag;
        if (v) {
          url.searchParams.set(name, v);
        } else {
          url.searchParams.delete(name);
        }
      });
      if (url.href !== window.location.href) {
        window.history.replaceState(null, "", url.href);
      }
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("reset", function () {
      // The reset happens after this event: apply the emptied form then.
      window.setTimeout(function () {
        var hadFocus = document.activeElement === reset || document.activeElement === document.body;
        apply(true);
        if (hadFocus) {
          // The button is gone: the focus goes back to the first choice.
          (kindSelect.closest(".filter").hidden ? tagSelect : kindSelect).focus();
        }
      }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(false);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".site-search"), setUpSearch);
    Array.prototype.forEach.call(document.querySelectorAll("form.filters"), setUpFilters);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
