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

  // The blocks on the page by key (see applyPatch); "keyed" is false while the body was set
  // in one piece (setBody) and the page's nodes belong to no key.
  const LINE_MARK = "\u0000line\u0000";
  const SENTINEL = "tsuzuri-line-to-be";
  const state = { keyed: false, keys: [], nodes: new Map(), lines: new Map(), lineEl: new Map(), templates: new Map() };

  function forget() {
    state.keyed = false;
    state.keys = [];
    [state.nodes, state.lines, state.lineEl, state.templates].forEach((map) => map.clear());
  }

  function setBody(html) {
    // The whole body at once: only the top-level nodes that differ by position are replaced.
    forget();
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
    window.tsuzuri.appliedAt = performance.timeOrigin + performance.now();
    return changed;
  }

  function build(key, template, line) {
    // A block's nodes from its template; the element that carries its line is remembered, so a
    // later move changes one attribute instead of parsing the block again.
    let content = null;
    let el = null;
    if (line !== null && template.includes(LINE_MARK)) {
      content = parse(template.replace(LINE_MARK, '"' + SENTINEL + '"')).content;
      el = content.querySelector('[data-source-line="' + SENTINEL + '"]');
      if (el) { el.setAttribute("data-source-line", String(line)); } else { content = null; }
    }
    if (content === null) {
      content = parse(line === null ? template : template.replace(LINE_MARK, '"' + line + '"')).content;
    }
    const nodes = Array.from(content.childNodes);
    state.templates.set(key, template);
    state.lines.set(key, line);
    state.lineEl.set(key, el);
    state.nodes.set(key, nodes);
    return nodes;
  }

  function drop(key) {
    for (const node of state.nodes.get(key) || []) { node.remove(); }
    [state.nodes, state.lines, state.lineEl, state.templates].forEach((map) => map.delete(key));
  }

  function setLine(key, line) {
    if (state.lines.get(key) === line) { return; }
    const el = state.lineEl.get(key);
    if (el && line !== null) {
      el.setAttribute("data-source-line", String(line));
      state.lines.set(key, line);
      return;
    }
    // No element carries the line (it sat somewhere else in the HTML): parse the block again.
    const old = state.nodes.get(key);
    const nodes = build(key, state.templates.get(key), line);
    const body = root();
    const anchor = old.length ? old[0] : firstNodeFrom(state.keys.indexOf(key) + 1);
    for (const node of nodes) { body.insertBefore(node, anchor); }
    for (const node of old) { node.remove(); }
  }

  function firstNodeFrom(index) {
    for (let i = index; i < state.keys.length; i++) {
      const nodes = state.nodes.get(state.keys[i]);
      if (nodes && nodes.length) { return nodes[0]; }
    }
    return null;
  }

  function applyPatch(patch) {
    // patch: {fresh, start, remove, insert: [[key, line]], html: {key: template}, shifts:
    // [[first, stop, delta]]}.  Nodes of kept keys stay on the page untouched (their line
    // attribute aside); new keys' HTML is parsed and put in place; gone keys' nodes removed.
    const body = root();
    if (!state.keyed) {
      forget();
      body.replaceChildren();
    }
    let start = patch.start;
    let remove = patch.remove;
    if (patch.fresh) { start = 0; remove = state.keys.length; }
    const wanted = new Set(patch.insert.map((entry) => entry[0]));
    const removed = state.keys.slice(start, start + remove);
    for (const key of removed) { if (!wanted.has(key)) { drop(key); } }
    const kept = new Set(removed.filter((key) => wanted.has(key)));
    const anchor = firstNodeFrom(start + remove);
    // The nodes between here and the anchor are those of kept keys, in their old order.
    let cursor = null;
    for (const key of removed) {
      const nodes = state.nodes.get(key);
      if (kept.has(key) && nodes.length) { cursor = nodes[0]; break; }
    }
    if (cursor === null) { cursor = anchor; }
    for (const [key, line] of patch.insert) {
      let nodes;
      if (kept.has(key)) {
        nodes = state.nodes.get(key);
        if (nodes.length && nodes[0] === cursor) {
          cursor = nodes[nodes.length - 1].nextSibling;
          continue;
        }
      } else {
        nodes = build(key, patch.html[key], line);
      }
      for (const node of nodes) { body.insertBefore(node, cursor); }
    }
    const keys = patch.insert.map((entry) => entry[0]);
    state.keys = state.keys.slice(0, start).concat(keys, state.keys.slice(start + remove));
    state.keyed = true;
    for (const [key, line] of patch.insert) { if (kept.has(key)) { setLine(key, line); } }
    for (const [first, stop, delta] of patch.shifts) {
      for (let i = first; i < stop; i++) {
        const key = state.keys[i];
        const line = state.lines.get(key);
        if (line !== null && line !== undefined) { setLine(key, line + delta); }
      }
    }
    if (window.tsuzuri.currentLine !== null) { markLine(window.tsuzuri.currentLine); }
    // When the page took the patch in, on the clock of Python's time.time() (the benchmark).
    window.tsuzuri.appliedAt = performance.timeOrigin + performance.now();
    return state.keys.length;
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
    // The last block starting at or above the line (their lines ascend): a binary search, and
    // only the marked block's class touched, so a long post's thousands of blocks are not.
    const list = blocks();
    let hit = null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (Number(list[mid].dataset.sourceLine) <= line) { hit = list[mid]; lo = mid + 1; } else { hi = mid - 1; }
    }
    root().querySelectorAll(":scope > .tsuzuri-current").forEach((el) => {
      if (el !== hit) { el.classList.remove("tsuzuri-current"); }
    });
    if (hit && !hit.classList.contains("tsuzuri-current")) { hit.classList.add("tsuzuri-current"); }
  }

  window.tsuzuri = { setBody, applyPatch, normalise, scrollToLine, topLine, markLine, currentLine: null, appliedAt: 0 };
})();
