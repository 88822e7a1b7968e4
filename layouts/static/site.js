// Exchange Timeline: the timeline filters. They enhance pages that work
// without them: without this script every event is listed. (The search box
// is search.js.)
(function () {
  "use strict";

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

    // Kinds and tags are shown by their labels, in the page's language,
    // as the cards show them.
    var kinds = {}, tags = {}, tagLabels = {};
    events.forEach(function (li) {
      var kind = li.getAttribute("data-kind");
      var label = li.querySelector(".kind");
      if (kind && !kinds[kind]) {
        kinds[kind] = label ? label.textContent : kind;
      }
      (li.getAttribute("data-tags") || "").split(" ").forEach(function (t) {
        if (t) {
          tags[t] = (tags[t] || 0) + 1;
          // A card links its first few tags: the label comes from
          // whichever card on the page shows the tag.
          var link = li.querySelector('.tags a[data-tag="' + CSS.escape(t) + '"]');
          if (link && !tagLabels[t]) {
            tagLabels[t] = link.textContent;
          }
        }
      });
    });
    function fill(select, values, text) {
      var lang = document.documentElement.lang;
      Object.keys(values).sort(function (a, b) {
        return text(a).localeCompare(text(b), lang) || (a < b ? -1 : 1);
      }).forEach(function (v) {
        var option = document.createElement("option");
        option.value = v;
        option.textContent = text(v);
        select.appendChild(option);
      });
      // A choice between one value and all of them is no choice.
      select.closest(".filter").hidden = Object.keys(values).length < 2;
    }
    fill(kindSelect, kinds, function (k) { return kinds[k]; });
    fill(tagSelect, tags, function (t) { return (tagLabels[t] || t) + " (" + tags[t] + ")"; });
    if (Object.keys(kinds).length < 2 && Object.keys(tags).length < 2) {
      return;
    }

    // message is one of the form's texts, in the page's language, with
    // its {names} replaced by values.
    function message(name, values) {
      var text = form.getAttribute(name) || "";
      Object.keys(values).forEach(function (k) {
        text = text.split("{" + k + "}").join(String(values[k]));
      });
      return text;
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
          ? message("data-shown", { shown: shown, all: events.length })
          : message("data-shown-all", { all: events.length });
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
    Array.prototype.forEach.call(document.querySelectorAll("form.filters"), setUpFilters);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
