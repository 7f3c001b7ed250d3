// Runs in Qt's isolated ApplicationWorld: it shares the page's DOM but not its JavaScript, and the
// page's own JavaScript is switched off, so nothing in a post can call into this code.
(function () {
  if (window.tsuzuri) { return; }
  const root = () => document.getElementById("tsuzuri-body");
  const blocks = () => Array.from(root().querySelectorAll(":scope > [data-source-line]"));

  function showLocalImages(scope) {
    // Blog images are resolved by the renderer; it names the local file in data-local-src.
    scope.querySelectorAll("img[data-local-src]").forEach((img) => {
      if (img.getAttribute("src") !== img.dataset.localSrc) { img.setAttribute("src", img.dataset.localSrc); }
    });
  }

  // Link relations that only name or style something. Any other (preconnect, dns-prefetch,
  // prefetch, preload...) may open a connection or look up a host before any request the
  // sandbox sees, so it is kept in data-tsuzuri-rel where it does nothing.
  const QUIET_RELS = new Set([
    "stylesheet", "alternate", "icon", "author", "license", "help", "search", "canonical", "me",
    "bookmark", "tag", "nofollow", "noopener", "noreferrer", "opener", "shortlink",
  ]);

  function park(el, name) {
    el.setAttribute("data-tsuzuri-" + name, el.getAttribute(name));
    el.removeAttribute(name);
  }

  function neutralise(scope) {
    // Runs on the inert template, before anything reaches the live page.
    scope.querySelectorAll("link[rel]").forEach((link) => {
      const rels = link.getAttribute("rel").toLowerCase().split(/\s+/).filter(Boolean);
      if (!rels.every((rel) => QUIET_RELS.has(rel))) { park(link, "rel"); }
    });
    // A <base> would send in-page links (footnotes) to another site.
    scope.querySelectorAll("base").forEach((base) => {
      ["href", "target"].forEach((name) => { if (base.hasAttribute(name)) { park(base, name); } });
    });
    // An inline frame's document never passes through here: clean it the same way.
    scope.querySelectorAll("iframe[srcdoc]").forEach((frame) => {
      const inner = document.createElement("template");
      inner.innerHTML = frame.getAttribute("srcdoc");
      neutralise(inner.content);
      frame.setAttribute("srcdoc", inner.innerHTML);
    });
  }

  function parse(html) {
    const incoming = document.createElement("template");
    incoming.innerHTML = html;
    neutralise(incoming.content);
    showLocalImages(incoming.content);
    return incoming;
  }

  function normalise(html) {
    // What the page holds for this body HTML (the DOM's own serialisation), for comparisons.
    return parse(html).innerHTML;
  }

  function setBody(html) {
    // Patch only the top-level blocks that changed: no flash, the scroll position stays.
    const body = root();
    const incoming = parse(html);
    const fresh = Array.from(incoming.content.childNodes);
    const old = Array.from(body.childNodes);
    let changed = 0;
    const common = Math.min(fresh.length, old.length);
    for (let i = 0; i < common; i++) {
      if (!old[i].isEqualNode(fresh[i])) { body.replaceChild(fresh[i], old[i]); changed++; }
    }
    for (let i = common; i < old.length; i++) { body.removeChild(old[i]); changed++; }
    for (let i = common; i < fresh.length; i++) { body.appendChild(fresh[i]); changed++; }
    if (window.tsuzuri.currentLine !== null) { markLine(window.tsuzuri.currentLine); }
    return changed;
  }

  function lineTop(line) {
    // The page offset of a body line: the block that holds it, interpolated to the next block.
    const list = blocks();
    if (!list.length) { return 0; }
    let i = 0;
    while (i + 1 < list.length && Number(list[i + 1].dataset.sourceLine) <= line) { i++; }
    const el = list[i];
    const start = Number(el.dataset.sourceLine);
    const top = el.getBoundingClientRect().top + window.scrollY;
    if (line <= start || i + 1 >= list.length) { return top; }
    const next = list[i + 1];
    const nextLine = Number(next.dataset.sourceLine);
    const nextTop = next.getBoundingClientRect().top + window.scrollY;
    return top + (nextTop - top) * (line - start) / Math.max(1, nextLine - start);
  }

  function scrollToLine(line) { window.scrollTo(0, Math.max(0, lineTop(line) - 8)); }

  function topLine() {
    // The body line at the top of the view, interpolated inside the block there.
    const list = blocks();
    const y = window.scrollY + 8;
    let line = 0;
    for (let i = 0; i < list.length; i++) {
      const top = list[i].getBoundingClientRect().top + window.scrollY;
      if (top > y) {
        if (i === 0) { return 0; }
        const prev = list[i - 1];
        const prevTop = prev.getBoundingClientRect().top + window.scrollY;
        const a = Number(prev.dataset.sourceLine);
        const b = Number(list[i].dataset.sourceLine);
        return Math.floor(a + (b - a) * (y - prevTop) / Math.max(1, top - prevTop));
      }
      line = Number(list[i].dataset.sourceLine);
    }
    return line;
  }

  function markLine(line) {
    window.tsuzuri.currentLine = line;
    const list = blocks();
    let hit = null;
    for (const el of list) { if (Number(el.dataset.sourceLine) <= line) { hit = el; } else { break; } }
    list.forEach((el) => el.classList.toggle("tsuzuri-current", el === hit));
  }

  window.tsuzuri = { setBody, normalise, scrollToLine, topLine, markLine, currentLine: null };
})();
