// Live reload for the Exchange Timeline preview server. Injected by the
// server into the pages it serves; never part of the published site.
(() => {
  "use strict";
  let overlay = null;

  function showErrors(messages) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "timeline-build-errors";
      overlay.setAttribute("role", "alert");
      Object.assign(overlay.style, {
        position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
        background: "rgba(20, 20, 24, 0.94)", color: "#fff", padding: "2rem",
        font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      });
      document.body.appendChild(overlay);
    }
    overlay.replaceChildren();
    const title = document.createElement("h2");
    title.textContent = "The build failed: the site shows the last good version";
    Object.assign(title.style, { font: "bold 18px/1.3 system-ui, sans-serif", margin: "0 0 1rem", color: "#ffb4a8" });
    const list = document.createElement("ul");
    list.style.paddingLeft = "1.2rem";
    for (const message of messages) {
      const item = document.createElement("li");
      item.textContent = message;
      item.style.margin = "0 0 0.5rem";
      list.appendChild(item);
    }
    overlay.append(title, list);
  }

  const events = new EventSource("/_timeline/events");
  // Marks the page as connected, for people and tests who wonder.
  events.addEventListener("open", () => { document.documentElement.dataset.timelineLive = "connected"; });
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("failed", (e) => showErrors(JSON.parse(e.data)));
})();
