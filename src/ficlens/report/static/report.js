/* ficlens report: builds the charts from the embedded JSON. Vanilla JS, no libraries.
   Every piece of story text is inserted with textContent, never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ficlens-data").textContent);
  var chars = data.characters, quotes = data.quotes, scenes = data.scenes;
  var SVG = "http://www.w3.org/2000/svg";
  var story = document.getElementById("story");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (text != null) node.textContent = text;
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (text != null) node.textContent = text;
    return node;
  }
  function chartWidth(box) { return Math.max(300, Math.min(1200, box.clientWidth || 640)); }
  function pct(x) { return Math.round(x * 100) + "%"; }
  function signed(x) { return (x > 0 ? "+" : "") + x.toFixed(2); }
  function charName(i) { return i >= 0 && chars[i] ? chars[i].name : "unknown speaker"; }
  function colorOf(i) { return i >= 0 && chars[i] ? chars[i].color : "#8a8f98"; }
  function setColor(node, i) { node.style.setProperty("--c", colorOf(i)); }
  function activate(node, handler) {
    node.addEventListener("click", handler);
    node.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); handler(e); }
    });
  }

  /* ---- jumping into the text ---- */
  function flash(node) {
    node.classList.add("flash");
    setTimeout(function () { node.classList.remove("flash"); }, 1600);
  }
  /* Jumps are instant, then repeated once the sections around the target have been laid out
     (off-screen scenes use content-visibility, so their height is only estimated until drawn). */
  function jumpTo(node, block) {
    node.scrollIntoView({ block: block, behavior: "instant" });
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { node.scrollIntoView({ block: block, behavior: "instant" }); });
    });
  }
  function goToScene(i) {
    var section = document.getElementById("scene-" + i);
    if (!section) return;
    jumpTo(section, "start");
    section.focus({ preventScroll: true });
    flash(section);
    markBand(i);
  }
  var paragraphs = null;
  function goToOffset(offset) {
    if (!paragraphs) paragraphs = Array.prototype.slice.call(story.querySelectorAll("p[data-o]"));
    var lo = 0, hi = paragraphs.length - 1, best = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (+paragraphs[mid].getAttribute("data-o") <= offset) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (best < 0) return;
    jumpTo(paragraphs[best], "center");
    flash(paragraphs[best]);
  }
  document.addEventListener("click", function (e) {
    var ev = e.target.closest && e.target.closest("button.ev[data-o]");
    if (ev) goToOffset(+ev.getAttribute("data-o"));
  });

  /* ---- highlighting one character's lines ---- */
  var LEGEND_CHIPS = 12, chipButtons = [], cursor = -1, navLabel = null;
  function highlight(i) {
    var same = document.body.getAttribute("data-hl") === String(i);
    if (same || i == null) document.body.removeAttribute("data-hl");
    else document.body.setAttribute("data-hl", String(i));
    var on = document.body.getAttribute("data-hl");
    chipButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-i") === on)); });
    document.querySelectorAll(".net .node").forEach(function (n) {
      n.classList.toggle("on", n.getAttribute("data-i") === on);
      n.setAttribute("aria-pressed", String(n.getAttribute("data-i") === on));
    });
    bands.forEach(function (b, j) {
      b.classList.toggle("dim", on != null && scenes[j].chars.indexOf(+on) < 0 && scenes[j].pov !== +on);
    });
    cursor = -1;
    if (navLabel) navLabel.textContent = on == null ? "" : chars[+on].lines + " lines";
  }
  function stepLine(direction) {
    var on = document.body.getAttribute("data-hl");
    if (on == null) return;
    var spans = story.querySelectorAll(".q.k" + (+on));
    if (!spans.length) return;
    cursor = (cursor + direction + spans.length) % spans.length;
    var span = spans[cursor];
    jumpTo(span, "center");
    showCard(span, true);
    navLabel.textContent = "line " + (cursor + 1) + " of " + spans.length;
  }
  function buildLegend() {
    var legend = document.querySelector(".legend");
    if (!legend) return;
    var more = null;
    chars.forEach(function (c, i) {
      if (!c.lines) return;
      if (chipButtons.length >= LEGEND_CHIPS) {
        if (!more) {
          more = el("select", { class: "chip-btn plain", "aria-label": "More speakers" });
          more.appendChild(el("option", { value: "" }, "more speakers…"));
          more.addEventListener("change", function () {
            if (more.value !== "") highlight(+more.value);
            more.value = "";
          });
          legend.appendChild(more);
        }
        more.appendChild(el("option", { value: String(i) }, c.name + " (" + c.lines + ")"));
        return;
      }
      var b = el("button", { type: "button", class: "chip-btn", "data-i": String(i), "aria-pressed": "false",
                             title: c.name + (c.aliases.length ? " (" + c.aliases.join(", ") + ")" : "") +
                               (c.narrator ? ", narrator" : "") + ": " + c.lines + " lines, " + c.words + " words" },
                      c.name);
      setColor(b, i);
      b.addEventListener("click", function () { highlight(i); });
      legend.appendChild(b);
      chipButtons.push(b);
    });
    if (quotes.some(function (q) { return q.s < 0 || q.c < 0.5; })) {
      legend.appendChild(el("span", { class: "legend-note" }, "dashed with ? = uncertain speaker"));
    }
    var nav = el("span", { class: "nav" });
    var prev = el("button", { type: "button", class: "chip-btn plain", "aria-label": "previous line" }, "◀");
    var next = el("button", { type: "button", class: "chip-btn plain", "aria-label": "next line" }, "▶");
    var clear = el("button", { type: "button", class: "chip-btn plain" }, "clear");
    navLabel = el("span");
    prev.addEventListener("click", function () { stepLine(-1); });
    next.addEventListener("click", function () { stepLine(1); });
    clear.addEventListener("click", function () { highlight(null); });
    nav.appendChild(navLabel); nav.appendChild(prev); nav.appendChild(next); nav.appendChild(clear);
    legend.appendChild(nav);
  }

  /* ---- the quote card ---- */
  var card = document.getElementById("qcard"), pinned = null;
  function showCard(span, pin) {
    var q = quotes[+span.getAttribute("data-q")];
    if (!q) return;
    card.textContent = "";
    setColor(card, q.s);
    card.appendChild(el("b", {}, charName(q.s)));
    if (q.a.length) card.appendChild(el("div", { class: "row" }, "to " + q.a.map(charName).join(", ")));
    var facts = [q.k];
    if (q.t) facts.push(q.t + " attribution");
    card.appendChild(el("div", { class: "row" }, facts.join(" · ")));
    card.appendChild(el("div", { class: q.c < 0.5 ? "low" : "row" },
                        "confidence " + pct(q.c) + (q.c < 0.5 ? " (uncertain)" : "")));
    card.hidden = false;
    var r = span.getBoundingClientRect();
    var top = r.bottom + 8;
    if (top + 120 > window.innerHeight) top = Math.max(8, r.top - 120);
    card.style.top = top + "px";
    card.style.left = Math.max(8, Math.min(r.left, window.innerWidth - 330)) + "px";
    if (pin) {
      if (pinned) pinned.classList.remove("pinned");
      pinned = span;
      span.classList.add("pinned");
    }
  }
  function hideCard(force) {
    if (pinned && !force) return;
    if (pinned) pinned.classList.remove("pinned");
    pinned = null;
    card.hidden = true;
  }
  story.addEventListener("mouseover", function (e) {
    var span = e.target.closest(".q");
    if (span && !pinned) showCard(span, false);
  });
  story.addEventListener("mouseout", function (e) {
    if (e.target.closest(".q") && !pinned) hideCard(false);
  });
  story.addEventListener("click", function (e) {
    var span = e.target.closest(".q");
    if (span) { if (pinned === span) hideCard(true); else showCard(span, true); }
    else hideCard(true);
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hideCard(true); });
  window.addEventListener("scroll", function () { if (!pinned) hideCard(true); }, { passive: true });

  /* ---- scene timeline ---- */
  var bands = [], DENSE_SCENES = 30;
  function sceneSummary(s) {
    var parts = [s.label];
    parts.push(s.pov >= 0 ? "POV " + charName(s.pov) + " (" + pct(s.povConf) + ")"
               : (s.povName ? "POV " + s.povName : "POV unclear"));
    if (s.setting.length) parts.push(s.setting.join(", "));
    if (s.time.length) parts.push(s.time[0]);
    parts.push(s.words.toLocaleString() + " words");
    if (s.valence != null) parts.push("valence " + signed(s.valence));
    if (s["break"] === "inferred") parts.push("inferred break " + pct(s.conf));
    if (s["break"] === "marker") parts.push("break marker " + (s.marker || ""));
    if (s.slips) parts.push(s.slips + " POV slip" + (s.slips > 1 ? "s" : ""));
    return parts.join(" · ");
  }
  function markBand(i) {
    bands.forEach(function (b, j) { b.classList.toggle("active", i === j); });
    var readout = document.getElementById("timeline-readout");
    if (readout && scenes[i]) readout.textContent = sceneSummary(scenes[i]);
  }
  function buildTimeline() {
    var box = document.querySelector(".timeline");
    if (!box) return;
    if (!scenes.length) { box.appendChild(el("p", { class: "muted" }, "No scenes found.")); return; }
    if (scenes.length > DENSE_SCENES) box.classList.add("dense");
    scenes.forEach(function (s, i) {
      var cls = "band" + (s["break"] === "inferred" ? " inferred" : "") +
        (i > 0 && s.chapter !== scenes[i - 1].chapter ? " new-chapter" : "");
      var b = el("button", { type: "button", class: cls, role: "listitem", "aria-label": sceneSummary(s) });
      setColor(b, s.pov);
      b.style.flexGrow = String(Math.max(s.words, 1));
      var name = s.pov >= 0 ? charName(s.pov) : (s.povName || "POV unclear");
      b.appendChild(el("span", { class: "lbl" }, (i + 1) + " · " + name));
      b.appendChild(el("span", { class: "sub" }, (s.setting.length ? s.setting[0] + " · " : "") +
                                                  s.words.toLocaleString() + " w"));
      b.appendChild(el("span", { class: "mid" }));
      if (s.valence != null) {
        var v = el("span", { class: "val " + (s.valence >= 0 ? "pos" : "neg") });
        var h = Math.max(2, Math.round(Math.abs(s.valence) * 14));
        v.style.height = h + "px";
        if (s.valence < 0) v.style.bottom = (14 - h) + "px";
        b.appendChild(v);
      }
      b.addEventListener("click", function () { goToScene(i); });
      b.addEventListener("mouseenter", function () { markBand(i); });
      b.addEventListener("focus", function () { markBand(i); });
      b.addEventListener("keydown", function (e) {
        var step = e.key === "ArrowRight" ? 1 : (e.key === "ArrowLeft" ? -1 : 0);
        if (step && bands[i + step]) { e.preventDefault(); bands[i + step].focus(); }
      });
      box.appendChild(b);
      bands.push(b);
    });
  }

  /* ---- character network ---- */
  var REL = { romantic: "romantic", family: "family", friendship: "friend", professional: "professional",
              antagonistic: "antagonistic" };
  var MAX_EDGES = 150;
  function buildNetwork() {
    var box = document.querySelector(".net");
    var net = data.network;
    if (!box) return;
    if (!net.nodes.length) { box.appendChild(el("p", { class: "muted" }, "No characters found.")); return; }
    var W = chartWidth(box), H = Math.round(W * (net.nodes.length > 24 ? 0.8 : 0.62)) + 40, pad = 46;
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "group", "aria-label": "Character network" });
    /* Circles by share of dialogue words; by share of mentions when nobody's lines are attributed. */
    var sizeKey = chars.some(function (c) { return c.words > 0; }) ? "words" : "mentions";
    var total = chars.reduce(function (t, c) { return t + c[sizeKey]; }, 0) || 1;
    var at = {};
    net.nodes.forEach(function (n) { at[n.i] = [pad + n.x * (W - 2 * pad), pad * 0.7 + n.y * (H - 1.7 * pad)]; });
    var maxTurns = net.edges.reduce(function (m, e) { return Math.max(m, e.turns); }, 1);
    var edgeLayer = svg("g"), nodeLayer = svg("g"), labelLayer = svg("g", { "aria-hidden": "true" });
    root.appendChild(edgeLayer); root.appendChild(nodeLayer); root.appendChild(labelLayer);
    var edgeNodes = [];
    var drawn = net.edges.filter(function (e) { return at[e.a] && at[e.b]; }).slice(0, MAX_EDGES);
    drawn.forEach(function (e) {
      var w = 1 + 7 * Math.sqrt(e.turns / maxTurns);
      var line = svg("line", { x1: at[e.a][0], y1: at[e.a][1], x2: at[e.b][0], y2: at[e.b][1],
                               class: "edge" + (e.rel ? " " + e.rel : ""), "stroke-width": w.toFixed(1) });
      var tip = charName(e.a) + " – " + charName(e.b) + ": " + e.turns + " turns (" + e.ab + " / " + e.ba + ")";
      if (e.co) tip += ", " + e.co + " shared scenes";
      if (e.rel) tip += "; " + REL[e.rel] + (e.label ? " (" + e.label + ")" : "") + " " + pct(e.conf);
      line.appendChild(svg("title", {}, tip));
      line.__ends = [e.a, e.b];
      edgeLayer.appendChild(line);
      edgeNodes.push(line);
    });
    var radius = {};
    net.nodes.forEach(function (n) { radius[n.i] = 7 + 26 * Math.sqrt(chars[n.i][sizeKey] / total); });
    var placed = net.nodes.map(function (n) {
      var r = radius[n.i];
      return [at[n.i][0] - r, at[n.i][1] - r, at[n.i][0] + r, at[n.i][1] + r];
    });
    var circles = placed.length, ALWAYS_LABELLED = 8;
    function labelFits(x0, y0, width, rank) {
      var box = [x0 - width / 2 - 2, y0 - 12, x0 + width / 2 + 2, y0 + 3];
      var others = rank < ALWAYS_LABELLED ? placed.slice(circles) : placed;
      var free = others.every(function (b) { return box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3]; });
      if (free) placed.push(box);
      return free;
    }
    net.nodes.forEach(function (n, rank) {
      var c = chars[n.i], share = c.words / total, r = radius[n.i];
      var g = svg("g", { class: "node", tabindex: "0", role: "button", "data-i": String(n.i), "aria-pressed": "false",
                         "aria-label": c.name + ", " + c.lines + " lines" +
                                       (sizeKey === "words" ? " (" + pct(share) + " of dialogue)" : "") });
      g.appendChild(svg("title", {}, c.name + ": " + c.lines + " lines, " + c.words + " words, " + c.mentions + " mentions"));
      g.appendChild(svg("circle", { cx: at[n.i][0], cy: at[n.i][1], r: r.toFixed(1), fill: c.color }));
      var label = c.name.length > 24 ? c.name.slice(0, 23) + "…" : c.name;
      var width = label.length * 6.6;
      var ly = at[n.i][1] + r + 14 < H ? at[n.i][1] + r + 14 : at[n.i][1] - r - 5;
      var lx = Math.max(width / 2 + 2, Math.min(W - width / 2 - 2, at[n.i][0]));
      if (labelFits(lx, ly, width, rank)) {
        labelLayer.appendChild(svg("text", { x: lx, y: ly, "text-anchor": "middle" }, label));
      }
      activate(g, function () { highlight(n.i); });
      g.addEventListener("mouseenter", function () {
        edgeNodes.forEach(function (l) { l.classList.toggle("dim", l.__ends.indexOf(n.i) < 0); });
      });
      g.addEventListener("mouseleave", function () { edgeNodes.forEach(function (l) { l.classList.remove("dim"); }); });
      nodeLayer.appendChild(g);
    });
    box.appendChild(root);
    var legend = document.querySelector(".rel-legend");
    var used = {};
    net.edges.forEach(function (e) { if (e.rel) used[e.rel] = true; });
    legend.appendChild(el("span", {}, "circle = share of " + (sizeKey === "words" ? "dialogue" : "mentions") +
                                      ", line width = dialogue turns"));
    Object.keys(REL).forEach(function (rel) {
      if (!used[rel]) return;
      var item = el("span");
      var sw = svg("svg", { width: "26", height: "8", "aria-hidden": "true" });
      sw.appendChild(svg("line", { x1: 1, y1: 4, x2: 25, y2: 4, class: "sw " + rel, "stroke-width": 3 }));
      item.appendChild(sw);
      item.appendChild(document.createTextNode(REL[rel]));
      legend.appendChild(item);
    });
  }

  /* ---- emotional arc ---- */
  var EMO_COLORS = ["#d9722b", "#2f9e8f", "#7a5cc4", "#c2415b"];
  function buildArc() {
    var box = document.querySelector(".arc-chart");
    var points = data.arc.points, names = data.arc.emotions;
    if (!box) return;
    if (!points.length) { box.appendChild(el("p", { class: "muted" }, "No emotional arc was measured.")); return; }
    var W = chartWidth(box), H = Math.round(Math.min(260, W * 0.55)), L = 40, R = 14, T = 14, B = 30;
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, tabindex: "0", role: "img",
                            "aria-label": "Emotional arc; use the arrow keys to step through scenes, Enter to read one" });
    function x(k) { return points.length === 1 ? (L + W - R) / 2 : L + k * (W - L - R) / (points.length - 1); }
    function y(v) { return T + (1 - (v + 1) / 2) * (H - T - B); }
    [-1, 0, 1].forEach(function (v) {
      root.appendChild(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: v === 0 ? "zero" : "axis" }));
      root.appendChild(svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, v > 0 ? "+1" : String(v)));
    });
    var every = Math.max(1, Math.ceil(points.length / 12));
    points.forEach(function (p, k) {
      if (k % every === 0 || k === points.length - 1) {
        root.appendChild(svg("text", { x: x(k), y: H - 10, "text-anchor": "middle" }, String(p.scene + 1)));
      }
    });
    function path(values) {
      return values.map(function (v, k) { return (k ? "L" : "M") + x(k).toFixed(1) + " " + y(v).toFixed(1); }).join(" ");
    }
    // emotions are rates per 100 words: a short, vivid scene can pass 1, so the lines are scaled
    // down to fit the chart when the highest of them does
    var peak = 1;
    points.forEach(function (p) { names.forEach(function (n) { peak = Math.max(peak, p.e[n] || 0); }); });
    names.forEach(function (name, j) {
      root.appendChild(svg("path", { d: path(points.map(function (p) { return (p.e[name] || 0) / peak; })),
                                     class: "emo", stroke: EMO_COLORS[j % EMO_COLORS.length] }));
    });
    root.appendChild(svg("path", { d: path(points.map(function (p) { return p.v; })), class: "valence" }));
    if (points.length <= 40) {
      points.forEach(function (p, k) { root.appendChild(svg("circle", { cx: x(k), cy: y(p.v), r: 3, class: "dot" })); });
    }
    var guide = svg("line", { y1: T, y2: H - B, class: "guide", visibility: "hidden" });
    root.appendChild(guide);
    box.appendChild(root);
    var keys = el("div", { class: "arc-keys" });
    var valKey = el("span"); var vi = el("i"); vi.style.background = "var(--ink)";
    valKey.appendChild(vi); valKey.appendChild(document.createTextNode("valence")); keys.appendChild(valKey);
    names.forEach(function (name, j) {
      var item = el("span"), sw = el("i");
      sw.style.background = EMO_COLORS[j % EMO_COLORS.length];
      var unit = peak > 1 ? " (per 100 words, \u00f7 " + peak.toFixed(1) + ")" : " (per 100 words)";
      item.appendChild(sw); item.appendChild(document.createTextNode(name + unit));
      keys.appendChild(item);
    });
    box.appendChild(keys);
    var readout = document.getElementById("arc-readout"), current = -1;
    function show(k) {
      current = Math.max(0, Math.min(points.length - 1, k));
      var p = points[current], s = scenes[p.scene];
      guide.setAttribute("x1", x(current)); guide.setAttribute("x2", x(current));
      guide.setAttribute("visibility", "visible");
      var emo = names.map(function (n) { return n + " " + (p.e[n] || 0).toFixed(2); }).join(" · ");
      readout.textContent = s.label + (s.pov >= 0 ? " (POV " + charName(s.pov) + ")" : "") +
        ": valence " + signed(p.v) + (emo ? " · " + emo : "");
    }
    function nearest(evt) {
      var r = root.getBoundingClientRect();
      var px = (evt.clientX - r.left) * W / r.width;
      var best = 0;
      points.forEach(function (p, k) { if (Math.abs(x(k) - px) < Math.abs(x(best) - px)) best = k; });
      return best;
    }
    root.addEventListener("pointermove", function (evt) { show(nearest(evt)); });
    root.addEventListener("click", function (evt) { goToScene(points[nearest(evt)].scene); });
    root.addEventListener("keydown", function (evt) {
      if (evt.key === "ArrowRight") { evt.preventDefault(); show(current + 1); }
      else if (evt.key === "ArrowLeft") { evt.preventDefault(); show(current < 0 ? 0 : current - 1); }
      else if (evt.key === "Enter" && current >= 0) goToScene(points[current].scene);
    });
  }

  /* ---- who talks ---- */
  function whoButton(i) {
    var b = el("button", { type: "button", class: "who" });
    var dot = el("span", { class: "dot" }); setColor(dot, i);
    b.appendChild(dot); b.appendChild(document.createTextNode(charName(i)));
    b.addEventListener("click", function () { highlight(i); document.getElementById("text").scrollIntoView(); });
    return b;
  }
  function buildTalk() {
    var box = document.querySelector(".talk");
    if (!box) return;
    var speakers = chars.map(function (c, i) { return i; }).filter(function (i) { return chars[i].lines > 0; });
    if (!speakers.length) {
      box.appendChild(el("p", { class: "muted" }, "No dialogue is attributed to a speaker yet; characters by mentions:"));
      speakers = chars.map(function (c, i) { return i; }).filter(function (i) { return chars[i].mentions > 0; });
    }
    if (!speakers.length) return;
    var totalWords = speakers.reduce(function (t, i) { return t + chars[i].words; }, 0) || 1;
    var barKey = chars[speakers[0]].words ? "words" : "mentions";
    var barMax = speakers.reduce(function (m, i) { return Math.max(m, chars[i][barKey]); }, 0) || 1;
    var table = el("table");
    var head = el("tr");
    ["Character", "Lines", "Words", "Mentions", barKey === "words" ? "Share of words" : "Share of mentions"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    table.appendChild(head);
    speakers.slice(0, 25).forEach(function (i) {
      var c = chars[i], tr = el("tr"), name = el("td");
      name.appendChild(whoButton(i));
      tr.appendChild(name);
      tr.appendChild(el("td", { class: "n" }, String(c.lines)));
      tr.appendChild(el("td", { class: "n" }, c.words.toLocaleString()));
      tr.appendChild(el("td", { class: "n" }, c.mentions.toLocaleString()));
      var share = el("td"), bar = el("div", { class: "bar", title: pct(c.words / totalWords) });
      setColor(bar, i);
      bar.style.width = (100 * c[barKey] / barMax).toFixed(1) + "%";
      share.appendChild(bar);
      tr.appendChild(share);
      table.appendChild(tr);
    });
    box.appendChild(table);
    if (speakers.length > 25) box.appendChild(el("p", { class: "muted" }, "and " + (speakers.length - 25) + " more speakers"));
    var top = speakers.slice(0, 8), turns = {};
    data.network.edges.forEach(function (e) { turns[e.a + ">" + e.b] = e.ab; turns[e.b + ">" + e.a] = e.ba; });
    var max = 0;
    top.forEach(function (a) { top.forEach(function (b) { max = Math.max(max, turns[a + ">" + b] || 0); }); });
    if (!max) return;
    box.appendChild(el("h3", {}, "Who talks to whom (lines, row speaks to column)"));
    var wrap = el("div", { class: "matrix" }), m = el("table");
    var hr = el("tr"); hr.appendChild(el("th"));
    top.forEach(function (b) { hr.appendChild(el("th", { class: "col", scope: "col" }, charName(b))); });
    m.appendChild(hr);
    top.forEach(function (a) {
      var tr = el("tr"), th = el("th", { scope: "row" });
      th.appendChild(whoButton(a));
      tr.appendChild(th);
      top.forEach(function (b) {
        var n = turns[a + ">" + b] || 0, td = el("td", {}, a === b ? "·" : String(n || ""));
        if (n) {
          td.style.background = "color-mix(in srgb, " + colorOf(a) + " " + Math.round(10 + 55 * n / max) + "%, var(--panel))";
          td.title = charName(a) + " to " + charName(b) + ": " + n + " lines";
        }
        tr.appendChild(td);
      });
      m.appendChild(tr);
    });
    wrap.appendChild(m);
    box.appendChild(wrap);
  }

  function safely(build) {
    try { build(); } catch (err) { if (window.console) console.warn("ficlens report:", err); }
  }
  [buildLegend, buildTimeline, buildNetwork, buildArc, buildTalk].forEach(safely);
})();
