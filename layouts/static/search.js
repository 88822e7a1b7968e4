// Exchange Timeline: the search box. It enhances a page that works without
// it: without this script the box stays hidden behind links to the people
// and tags indexes. It makes no request but for the site's own search
// index (render/search.go describes it), and once that is loaded it works
// offline.
(function () {
  "use strict";

  // ---------------------------------------------------------------------
  // Spellings. Names reach this site in Ukrainian, Russian and several
  // romanisations: Хилюк, Khyliuk, Khylyuk. fold() reduces a text to a
  // Latin skeleton in which such spellings meet: Cyrillic letters are
  // transliterated, accents dropped, and the letters that romanisations
  // disagree on are merged (kh/h/g, y/i/j, doubled letters, an initial
  // ye/ie/e). Digits grouped in thousands are joined, so that "1,000",
  // "1 000" and "1000" meet. The index and the query are folded alike.

  var CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ё": "io", "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    "ʼ": "", "’": "", "'": "", "`": ""
  };
  var CYRILLIC_LETTERS = /[а-яёєіїґʼ’'`]/g;

  // A number written in groups of three: 1,000 or 1 000 (with any space,
  // thin or no-break) or 1.000; the first group has one to three digits.
  var DIGIT_GROUPS = /(^|[^\d.,])(\d{1,3}(?:[,.\s]\d{3})+)(?!\d)/g;

  function joinDigitGroups(text) {
    return text.replace(DIGIT_GROUPS, function (all, before, number) {
      return before + number.replace(/\D/g, "");
    });
  }

  function transliterate(c) {
    return CYRILLIC[c];
  }

  function fold(text) {
    // The result starts and ends with a space, so that " word" finds the
    // start of a word.
    return (" " + joinDigitGroups(String(text).toLowerCase()).replace(CYRILLIC_LETTERS, transliterate) + " ")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .replace(/kh/g, "h").replace(/g/g, "h").replace(/x/g, "ks").replace(/w/g, "v")
      .replace(/[yj]/g, "i")
      .replace(/ ie/g, " e")
      .replace(/([a-z])\1+/g, "$1");
  }

  function words(text) {
    return fold(text).split(" ").filter(function (w) { return w !== ""; });
  }

  // ---------------------------------------------------------------------
  // Matching one word of the query with one word of the index, both
  // folded. The levels, best first: the same word; a word that begins with
  // the query (it is being typed); a case ending ("Хилюка" finds "Хилюк");
  // one typo ("Khylik" finds "Khyliuk"). A number matches only itself
  // (Index.matchWord).

  var EXACT = 3, PREFIX = 2, STEM = 1, TYPO = 0, NONE = -1;
  var FORGIVING_LENGTH = 5; // the shortest word that stems and typos apply to

  function level(query, word) {
    if (query === word) {
      return EXACT;
    }
    if (word.lastIndexOf(query, 0) === 0) {
      return PREFIX;
    }
    if (query.length < FORGIVING_LENGTH) {
      return NONE;
    }
    if (sharesStem(query, word)) {
      return STEM;
    }
    if (withinOneEdit(query, word)) {
      return TYPO;
    }
    return NONE;
  }

  // sharesStem says whether the query without its last one or two letters
  // (at least four remaining) begins the word, and the word goes on from
  // there by at most two letters: an inflected form of the same name. A
  // query of eight letters or more may lose three, for the longer endings
  // ("Зеленского" finds "Зеленский", "Хилюкові" "Хилюк").
  function sharesStem(query, word) {
    for (var cut = 1; cut <= (query.length >= 8 ? 3 : 2); cut++) {
      var stem = query.slice(0, query.length - cut);
      if (stem.length >= 4 && word.length - stem.length <= 2 && word.lastIndexOf(stem, 0) === 0) {
        return true;
      }
    }
    return false;
  }

  // withinOneEdit says whether the optimal-string-alignment distance
  // (Damerau–Levenshtein without editing a substring twice) between a
  // and b is at most one: one letter added, dropped, changed, or two
  // neighbours swapped.
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) {
      return false;
    }
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) {
      i++;
    }
    if (i === a.length && i === b.length) {
      return true;
    }
    var restA = a.slice(i), restB = b.slice(i);
    return restA.slice(1) === restB.slice(1) || // changed
      restA.slice(1) === restB || // added to a
      restA === restB.slice(1) || // dropped from a
      (restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2)); // swapped
  }

  // ---------------------------------------------------------------------
  // Dates, in the site's own formats and their parts: "24 August 2025",
  // "23–25 May 2025", "2025-08-24", "24.08.2025", "August 24, 2025",
  // "August 2025", "24 August", and a year alone. A month is named by its
  // first three letters or more, or with a case ending. A date finds the
  // events that took place on it (or during it, for a month or a year).

  function dayNumber(year, month, day) {
    return Date.UTC(year, month, day) / 86400000;
  }

  function isoDay(iso) {
    return dayNumber(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  }

  function validDay(year, month, day) {
    var d = new Date(Date.UTC(year, month, day));
    return month >= 0 && month < 12 && d.getUTCMonth() === month && d.getUTCDate() === day;
  }

  // A period is {year, month, first, last, words}: year or month null when
  // not given, first and last the days of the month (null for a whole
  // month), and the words of the query that named it.
  function overlaps(period, start, end) {
    var fromYear = period.year, toYear = period.year;
    if (fromYear === null) {
      fromYear = new Date(start * 86400000).getUTCFullYear();
      toYear = new Date(end * 86400000).getUTCFullYear();
    }
    for (var y = fromYear; y <= toYear; y++) {
      var from, to;
      if (period.month === null) {
        from = dayNumber(y, 0, 1);
        to = dayNumber(y + 1, 0, 0);
      } else if (period.first === null) {
        from = dayNumber(y, period.month, 1);
        to = dayNumber(y, period.month + 1, 0);
      } else {
        from = dayNumber(y, period.month, period.first);
        to = dayNumber(y, period.month, period.last);
      }
      if (from <= end && start <= to) {
        return true;
      }
    }
    return false;
  }

  var YEAR = /^(19|20)\d\d$/;

  function asDay(word) {
    var m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(word || "");
    return m && +m[1] >= 1 && +m[1] <= 31 ? +m[1] : null;
  }

  function asNumericMonth(word) {
    return /^\d{1,2}$/.test(word || "") && +word >= 1 && +word <= 12 ? +word - 1 : null;
  }

  function asYear(word) {
    return YEAR.test(word || "") ? +word : null;
  }

  // The patterns of a date, as kinds of word: D a day, M a month's name,
  // N a month's number, Y a year. Longest first.
  var DATE_PATTERNS = ["DDMY", "DMY", "MDY", "YND", "DNY", "DDM", "DM", "MY", "YN"];

  // readDates takes the dates out of the words of a query: it returns the
  // periods they name and the words left, in which a year alone stays as
  // a word (it may be a year, or a number in a title).
  function readDates(list, monthOf) {
    var periods = [], rest = [];
    var i = 0;
    while (i < list.length) {
      var found = null;
      for (var p = 0; p < DATE_PATTERNS.length && !found; p++) {
        found = readDate(DATE_PATTERNS[p], list, i, monthOf);
      }
      if (found) {
        periods.push(found.period);
        i += found.length;
      } else {
        rest.push(list[i]);
        i++;
      }
    }
    return { periods: periods, words: rest };
  }

  function readDate(pattern, list, at, monthOf) {
    if (at + pattern.length > list.length) {
      return null;
    }
    var days = [], month = null, year = null;
    for (var k = 0; k < pattern.length; k++) {
      var w = list[at + k], v;
      switch (pattern[k]) {
      case "D": v = asDay(w); days.push(v); break;
      case "M": v = month = monthOf(w); break;
      case "N": v = month = asNumericMonth(w); break;
      case "Y": v = year = asYear(w); break;
      }
      if (v === null) {
        return null;
      }
    }
    var first = days.length ? days[0] : null;
    var last = days.length ? days[days.length - 1] : null;
    if (first !== null && (last < first || !validDay(year === null ? 2024 : year, month, last))) {
      return null;
    }
    var period = { year: year, month: month, first: first, last: last, words: list.slice(at, at + pattern.length) };
    return { period: period, length: pattern.length };
  }

  // ---------------------------------------------------------------------
  // The index, loaded: entries (people, then events newest first), and a
  // vocabulary from each folded word to where it appears. Where a word
  // appears weighs in the ranking: a name or title (its first word most),
  // then a place, mediator, tag, kind or a person taking part, then a
  // summary or description.

  var TEXT = 0, ATTRIBUTE = 1, TITLE = 2, TITLE_START = 3;

  function Index(data) {
    var self = this;
    this.entries = [];
    this.vocabulary = new Map();
    // A month is named after a day ("24 серпня") or alone ("серпень
    // 2025"); languages with cases write the two apart.
    this.months = (data.months || []).concat(data.monthsAlone || []).map(fold).map(function (m) { return m.trim(); });
    this.monthNames = data.months || [];
    var folded = new Map(); // places, mediators and tags repeat
    function foldOnce(text) {
      var f = folded.get(text);
      if (f === undefined) {
        f = words(text);
        folded.set(text, f);
      }
      return f;
    }
    function add(entry, text, where, once) {
      (once ? foldOnce(text) : words(text)).forEach(function (w, n) {
        var weight = where === TITLE && n === 0 ? TITLE_START : where;
        var postings = self.vocabulary.get(w);
        if (!postings) {
          self.vocabulary.set(w, postings = []);
        }
        postings.push(entry * 4 + weight);
      });
    }
    var people = data.people || [];
    var events = data.events || [];
    var urls = data.urls || {};
    // People and tags number their events from the oldest, the last
    // entry; each number after the first is the difference from the one
    // before.
    function eventsOf(steps) {
      var list = [], number = 0;
      (steps || []).forEach(function (step, k) {
        number = k === 0 ? step : number + step;
        list.push(people.length + events.length - 1 - number);
      });
      return list;
    }
    people.forEach(function (p, n) {
      self.entries.push({ person: true, title: p.n, url: urls.person + p.i + "/", meta: p.d || "", events: eventsOf(p.e) });
      [p.n].concat(p.o || []).forEach(function (name) { add(n, name, TITLE); });
      add(n, p.d || "", TEXT);
    });
    events.forEach(function (e) {
      var n = self.entries.length;
      var start = isoDay(e.d || e.i.slice(0, 10));
      var kind = (data.kinds || [])[e.k || 0] || "";
      self.entries.push({
        person: false, title: e.t, url: urls.event + e.i + "/", label: kind,
        start: start, end: e.e ? isoDay(e.e) : start
      });
      add(n, e.t, TITLE);
      [e.l, e.m, kind].forEach(function (text) {
        if (text) {
          add(n, text, ATTRIBUTE, true);
        }
      });
      add(n, e.s || "", TEXT);
    });
    (data.tags || []).forEach(function (t) {
      eventsOf(t.e).forEach(function (n) { add(n, t.n, ATTRIBUTE, true); });
    });
    this.words = Array.from(this.vocabulary.keys());
  }

  // monthOf is the month a word names, or null.
  Index.prototype.monthOf = function (word) {
    if (/\d/.test(word) || word.length < 3) {
      return null;
    }
    for (var m = 0; m < this.months.length; m++) {
      var name = this.months[m];
      if (name.lastIndexOf(word, 0) === 0 || (word.length >= FORGIVING_LENGTH && sharesStem(word, name))) {
        return m % 12;
      }
    }
    return null;
  };

  // score of one posting found at a level: the level counts first, then
  // where the word was found.
  function score(lvl, weight) {
    return lvl * 4 + weight + 1;
  }

  // matchWord scores every entry for one word of the query (0: no match).
  Index.prototype.matchWord = function (query) {
    var scores = new Uint8Array(this.entries.length);
    var entries = this.entries;
    function note(entry, s) {
      if (scores[entry] < s) {
        scores[entry] = s;
      }
    }
    function noteAll(postings, lvl) {
      for (var j = 0; j < postings.length; j++) {
        var entry = postings[j] >> 2, weight = postings[j] & 3;
        note(entry, score(lvl, weight));
        // A name finds the events the person took part in.
        if (entries[entry].person && weight >= TITLE) {
          var events = entries[entry].events;
          for (var k = 0; k < events.length; k++) {
            note(events[k], score(lvl, ATTRIBUTE));
          }
        }
      }
    }
    if (/\d/.test(query)) {
      noteAll(this.vocabulary.get(query) || [], EXACT);
    } else {
      for (var i = 0; i < this.words.length; i++) {
        var lvl = level(query, this.words[i]);
        if (lvl !== NONE) {
          noteAll(this.vocabulary.get(this.words[i]), lvl);
        }
      }
    }
    // A year alone also finds the events of that year.
    if (YEAR.test(query)) {
      this.matchPeriod({ year: +query, month: null, first: null, last: null, words: [] }).forEach(function (s, entry) {
        note(entry, s);
      });
    }
    return scores;
  };

  // matchDate scores the events on a date of the query; its words found
  // elsewhere, as in a title "agreed on 2 June", count as they would in a
  // summary, below the events of that date.
  Index.prototype.matchDate = function (period) {
    var scores = this.matchPeriod(period);
    var self = this;
    var asWords = period.words.map(function (w) { return self.matchWord(w); });
    for (var i = 0; i < scores.length; i++) {
      var least = score(EXACT, TEXT);
      for (var k = 0; k < asWords.length; k++) {
        least = Math.min(least, asWords[k][i]);
      }
      if (scores[i] < least) {
        scores[i] = least;
      }
    }
    return scores;
  };

  Index.prototype.matchPeriod = function (period) {
    var scores = new Uint8Array(this.entries.length);
    for (var i = 0; i < this.entries.length; i++) {
      var e = this.entries[i];
      if (!e.person && overlaps(period, e.start, e.end)) {
        scores[i] = score(EXACT, ATTRIBUTE);
      }
    }
    return scores;
  };

  // search returns the entries that match every word and date of the
  // query, best first; then people before events, and events newest
  // first, the order of the index.
  Index.prototype.search = function (text) {
    var self = this;
    var query = readDates(words(text), function (w) { return self.monthOf(w); });
    var parts = query.periods.map(function (p) { return self.matchDate(p); })
      .concat(query.words.map(function (w) { return self.matchWord(w); }));
    if (parts.length === 0) {
      return null;
    }
    var found = [];
    for (var i = 0; i < this.entries.length; i++) {
      var total = 0;
      for (var k = 0; k < parts.length && total >= 0; k++) {
        total = parts[k][i] ? total + parts[k][i] : -1;
      }
      if (total > 0) {
        found.push({ entry: this.entries[i], score: total, order: i });
      }
    }
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found;
  };

  // when writes an event's dates as the site does: "24 August 2025",
  // "23–25 May 2025", "30 May – 2 June 2025".
  Index.prototype.when = function (entry) {
    var names = this.monthNames;
    function parts(day) {
      var d = new Date(day * 86400000);
      return { day: d.getUTCDate(), month: names[d.getUTCMonth()] || "", year: d.getUTCFullYear() };
    }
    var a = parts(entry.start), b = parts(entry.end);
    if (entry.start === entry.end) {
      return a.day + " " + a.month + " " + a.year;
    }
    if (a.year !== b.year) {
      return a.day + " " + a.month + " " + a.year + " – " + b.day + " " + b.month + " " + b.year;
    }
    if (a.month !== b.month) {
      return a.day + " " + a.month + " – " + b.day + " " + b.month + " " + b.year;
    }
    return a.day + "–" + b.day + " " + b.month + " " + b.year;
  };

  // ---------------------------------------------------------------------
  // The search box.

  var MAX_RESULTS = 12;

  function setUpSearch(root) {
    // The messages are the page's, in its language: {n} and {shown} stand
    // for numbers, grouped as the page groups them.
    var lang = document.documentElement.lang;
    var group = root.getAttribute("data-group") || ",";
    function number(n) {
      return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group);
    }
    function message(name, values) {
      var text = root.getAttribute(name) || "";
      Object.keys(values || {}).forEach(function (k) {
        text = text.split("{" + k + "}").join(number(values[k]));
      });
      return text;
    }
    function countOf(n) {
      var form = typeof Intl !== "undefined" && Intl.PluralRules ? new Intl.PluralRules(lang).select(n) : (n === 1 ? "one" : "other");
      return message(root.hasAttribute("data-results-" + form) ? "data-results-" + form : "data-results-other", { n: n });
    }
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

    var index = null; // once loaded
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
          .then(function (data) {
            index = new Index(data);
            return index;
          })
          .catch(function (err) {
            loading = null;
            throw err;
          });
      }
      return loading;
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
      if (entry.person) {
        kind.textContent = message("data-person");
        meta.appendChild(kind);
        if (entry.meta) {
          meta.appendChild(document.createTextNode(" · " + entry.meta));
        }
      } else {
        kind.textContent = entry.label;
        meta.appendChild(kind);
        meta.appendChild(document.createTextNode(" · " + index.when(entry)));
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
        status.textContent = message("data-nothing");
        return;
      }
      found.slice(0, MAX_RESULTS).forEach(function (f) { list.appendChild(item(f.entry)); });
      list.hidden = false;
      var n = found.length;
      var more = n > MAX_RESULTS ? message("data-more", { shown: MAX_RESULTS }) : "";
      status.textContent = countOf(n) + more + ".";
    }

    var pending = 0;
    function update() {
      var text = input.value;
      if (words(text).length === 0) {
        close();
        return;
      }
      if (index) {
        show(index.search(text));
        return;
      }
      var ticket = ++pending;
      results.classList.add("is-open");
      status.textContent = message("data-loading");
      load().then(function () {
        if (ticket === pending) {
          update();
        }
      }, function () {
        status.textContent = message("data-failed");
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

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".site-search"), setUpSearch);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
