// Exchange Timeline: sorting and filters for the table of every event
// (/events/), the one page that loads this script. The table is complete
// without it; the script shows the filters, puts a sort button in each
// column's header, and acts on every row of the table. The filters and the
// sort are kept in the address (?kind=exchange&year=2025&sort=-to-ukraine),
// so a view of the table can be shared.
(function () {
  "use strict";

  function setUp(table, form) {
    var tbody = table.tBodies[0];
    var head = table.tHead && table.tHead.rows[0];
    var status = form.querySelector(".filter-status");
    var captionState = table.querySelector(".sort-state");
    var reset = form.querySelector("button[type=reset]");
    if (!tbody || !head || !status) {
      return;
    }
    var columns = Array.prototype.slice.call(head.cells);
    var rows = Array.prototype.map.call(tbody.rows, function (tr, i) {
      var time = tr.cells[0].querySelector("time");
      var date = time ? time.getAttribute("datetime") : "";
      return {
        tr: tr,
        order: i, // the page's order: newest first
        year: date.slice(0, 4),
        kind: tr.getAttribute("data-kind") || "",
        tags: " " + (tr.getAttribute("data-tags") || "") + " ",
        to: " " + (tr.getAttribute("data-to") || "") + " ",
        disputed: tr.hasAttribute("data-disputed"),
        undisclosed: tr.hasAttribute("data-undisclosed"),
        keys: []
      };
    });
    var total = rows.length;
    var collator = new Intl.Collator(document.documentElement.lang || "en", { numeric: true, sensitivity: "base" });

    // ---------------------------------------------------------------------
    // Sorting. A column's key is read from each row once, when the column
    // is first sorted. Rows without a value (an undisclosed figure, no
    // mediator) go last whichever the direction; equal keys keep the
    // page's order.

    function columnKey(th) {
      return th.getAttribute("data-key") || th.textContent.trim().toLowerCase().replace(/[^a-z0-9]+/g, "-");
    }

    function keyOf(row, col, type) {
      var cell = row.tr.cells[col];
      if (!cell) {
        return null;
      }
      if (type === "date") {
        var time = cell.querySelector("time");
        return time ? time.getAttribute("datetime") : null;
      }
      if (type === "number") {
        var n = cell.getAttribute("data-n");
        if (n === null && /^\s*\d[\d,]*\s*$/.test(cell.textContent)) {
          n = cell.textContent.replace(/[^\d]/g, "");
        }
        return n === null ? null : Number(n);
      }
      var text = cell.textContent.trim();
      return text === "" ? null : text;
    }

    function compare(a, b, type) {
      if (type === "number") {
        return a - b;
      }
      if (type === "date") {
        return a < b ? -1 : a > b ? 1 : 0;
      }
      return collator.compare(a, b);
    }

    var sorted = { col: 0, dir: "descending" }; // as the page comes

    function sortBy(col, dir) {
      var th = columns[col];
      var type = th.getAttribute("data-sort");
      rows.forEach(function (row) {
        if (row.keys[col] === undefined) {
          row.keys[col] = keyOf(row, col, type);
        }
      });
      var sign = dir === "ascending" ? 1 : -1;
      var order = rows.slice().sort(function (a, b) {
        var ka = a.keys[col], kb = b.keys[col];
        if (ka === null || kb === null) {
          return (ka === null) - (kb === null) || a.order - b.order;
        }
        return sign * compare(ka, kb, type) || a.order - b.order;
      });
      var fragment = document.createDocumentFragment();
      order.forEach(function (row) { fragment.appendChild(row.tr); });
      tbody.appendChild(fragment);
      sorted = { col: col, dir: dir };
      columns.forEach(function (other, i) {
        if (i === col) {
          other.setAttribute("aria-sort", dir);
        } else {
          other.removeAttribute("aria-sort");
        }
      });
      if (captionState) {
        captionState.textContent = describeSort();
      }
    }

    // The texts the script writes are the page's, in its language, in
    // data- attributes of the table and the form: {name} in a text is
    // replaced by a value.
    function message(element, name, values) {
      var text = element.getAttribute("data-" + name) || "";
      Object.keys(values || {}).forEach(function (k) {
        text = text.split("{" + k + "}").join(String(values[k]));
      });
      return text;
    }

    var group = form.getAttribute("data-group") || ",";
    function number(n) {
      return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group);
    }

    var lang = document.documentElement.lang || "en";
    var plurals = typeof Intl !== "undefined" && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
    // counted is the form of a message for n: data-NAME-one, -few, -many
    // or -other, as the language's plural rules choose.
    function counted(name, n, values) {
      var category = plurals ? plurals.select(n) : (n === 1 ? "one" : "other");
      return message(form, name + "-" + category, values) || message(form, name + "-other", values);
    }

    function describeSort() {
      var th = columns[sorted.col];
      var type = th.getAttribute("data-sort");
      var up = sorted.dir === "ascending";
      if (type === "date") {
        return message(table, up ? "oldest" : "newest");
      }
      var name = { name: th.textContent.trim() };
      if (type === "number") {
        return message(table, up ? "smallest" : "largest", name);
      }
      return message(table, up ? "a-z" : "z-a", name);
    }

    columns.forEach(function (th, col) {
      if (!th.hasAttribute("data-sort")) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      var icon = document.createElement("span");
      icon.className = "sort-icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var dir = sorted.col === col && sorted.dir === "ascending" ? "descending" : "ascending";
        sortBy(col, dir);
        announce(true);
        remember();
      });
    });
    table.classList.add("is-sortable");

    // ---------------------------------------------------------------------
    // Filters: every row is tested, whether on screen or not.

    var controls = {
      kind: form.querySelector("[name=kind]"),
      year: form.querySelector("[name=year]"),
      to: form.querySelector("[name=to]"),
      tag: form.querySelector("[name=tag]"),
      disputed: form.querySelector("[name=disputed]"),
      undisclosed: form.querySelector("[name=undisclosed]")
    };

    function value(name) {
      var c = controls[name];
      if (!c) {
        return "";
      }
      return c.type === "checkbox" ? (c.checked ? "1" : "") : c.value;
    }

    var shown = total;
    function filter() {
      var kind = value("kind"), year = value("year"), to = value("to"), tag = value("tag");
      var disputed = value("disputed"), undisclosed = value("undisclosed");
      shown = 0;
      rows.forEach(function (row) {
        var ok = (!kind || row.kind === kind) && (!year || row.year === year) &&
          (!to || row.to.indexOf(" " + to + " ") >= 0) && (!tag || row.tags.indexOf(" " + tag + " ") >= 0) &&
          (!disputed || row.disputed) && (!undisclosed || row.undisclosed);
        if (row.tr.hidden === ok) {
          row.tr.hidden = !ok;
        }
        if (ok) {
          shown++;
        }
      });
      if (reset) {
        reset.hidden = !filtered();
      }
    }

    function filtered() {
      return Object.keys(controls).some(function (name) { return value(name) !== ""; });
    }

    function announce(always) {
      if (!always && !filtered()) {
        return;
      }
      var values = { shown: number(shown), all: number(total) };
      var count = filtered()
        ? counted("shown", total, values) + (shown === 0 ? message(form, "none") : "")
        : counted("shown-all", total, values);
      status.textContent = count + ", " + describeSort() + ".";
    }

    // The address keeps the filters and the sort.
    function remember() {
      var url = new URL(window.location.href);
      Object.keys(controls).forEach(function (name) {
        var v = value(name);
        if (v) {
          url.searchParams.set(name, v);
        } else {
          url.searchParams.delete(name);
        }
      });
      if (sorted.col === 0 && sorted.dir === "descending") {
        url.searchParams.delete("sort");
      } else {
        url.searchParams.set("sort", (sorted.dir === "descending" ? "-" : "") + columnKey(columns[sorted.col]));
      }
      if (url.href !== window.location.href) {
        window.history.replaceState(null, "", url.href);
      }
    }

    function restore() {
      var params = new URLSearchParams(window.location.search);
      Object.keys(controls).forEach(function (name) {
        var c = controls[name], v = params.get(name);
        if (!c || !v) {
          return;
        }
        if (c.type === "checkbox") {
          c.checked = v === "1";
        } else if (c.querySelector('option[value="' + CSS.escape(v) + '"]')) {
          c.value = v;
        }
      });
      var sort = params.get("sort");
      if (sort) {
        var dir = sort.charAt(0) === "-" ? "descending" : "ascending";
        var key = sort.replace(/^-/, "");
        columns.forEach(function (th, col) {
          if (th.hasAttribute("data-sort") && columnKey(th) === key) {
            sortBy(col, dir);
          }
        });
      }
    }

    form.addEventListener("change", function () {
      filter();
      announce(true);
      remember();
    });
    form.addEventListener("reset", function () {
      // The form is emptied after this event: filter the emptied form then.
      window.setTimeout(function () {
        var hadFocus = document.activeElement === reset || document.activeElement === document.body;
        filter();
        announce(true);
        remember();
        if (hadFocus) {
          // The button is gone: the focus goes back to the first filter.
          controls.kind.focus();
        }
      }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    restore();
    filter();
    announce(false);
    form.hidden = false;
  }

  function start() {
    var table = document.getElementById("events-table");
    var form = document.getElementById("events-filters");
    if (table && form) {
      setUp(table, form);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
