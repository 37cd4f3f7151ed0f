/* kinerja-graph HTML report: pan and zoom the diagram, link findings and goals, filter findings.
   Inlined into the page at build time (allowed by the page's Content-Security-Policy through its
   hash). User text is only ever set with textContent, never parsed as HTML. */
(function () {
  "use strict";

  var SVGNS = "http://www.w3.org/2000/svg";
  var dataNode = document.getElementById("kg-data");
  var data = dataNode ? JSON.parse(dataNode.textContent) : {goals: {}, findings: {}, words: {}, parts: []};
  var words = data.words || {};

  function word(key, params) {
    var text = words[key] || key;
    if (params) {
      Object.keys(params).forEach(function (k) { text = text.split("{" + k + "}").join(String(params[k])); });
    }
    return text;
  }

  function el(name, cls, text) {
    var e = document.createElement(name);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  /* ------------------------------------------------------------------ diagram: pan and zoom */

  function Viewer(part) {
    var viewport = part.querySelector(".kg-viewport");
    var canvas = part.querySelector(".kg-canvas");
    var svg = canvas ? canvas.querySelector("svg") : null;
    this.part = part;
    this.viewport = viewport;
    if (!svg) { return; }
    var vb = svg.viewBox && svg.viewBox.baseVal;
    var w = vb && vb.width ? vb.width * 4 / 3 : svg.getBoundingClientRect().width;
    var h = vb && vb.height ? vb.height * 4 / 3 : svg.getBoundingClientRect().height;
    svg.setAttribute("width", String(w));
    svg.setAttribute("height", String(h));
    var self = this;
    var s = 1, x = 0, y = 0, fitted = false;

    function apply() { canvas.style.transform = "translate(" + x + "px," + y + "px) scale(" + s + ")"; }

    this.fit = function () {
      var r = viewport.getBoundingClientRect();
      if (!r.width || !r.height) { return; }
      var k = Math.min(r.width / w, r.height / h) * 0.97;
      s = Math.max(0.05, Math.min(k, 1.5));
      x = (r.width - w * s) / 2;
      y = Math.max(4, (r.height - h * s) / 2);
      fitted = true;
      apply();
    };
    this.ensureFitted = function () { if (!fitted) { self.fit(); } };
    this.zoomAt = function (factor, cx, cy) {
      var ns = Math.max(0.05, Math.min(8, s * factor));
      x = cx - (cx - x) * ns / s;
      y = cy - (cy - y) * ns / s;
      s = ns;
      apply();
    };
    this.zoom = function (factor) {
      var r = viewport.getBoundingClientRect();
      self.zoomAt(factor, r.width / 2, r.height / 2);
    };
    this.centreOn = function (target) {
      if (s < 0.9) { self.zoom(1 / s); }
      var r = viewport.getBoundingClientRect();
      var b = target.getBoundingClientRect();
      x += (r.left + r.width / 2) - (b.left + b.width / 2);
      y += (r.top + r.height / 2) - (b.top + b.height / 2);
      apply();
    };

    viewport.addEventListener("wheel", function (e) {
      e.preventDefault();
      var r = viewport.getBoundingClientRect();
      self.zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    }, {passive: false});

    var drag = null;
    this.moved = false;
    viewport.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) { return; }
      drag = {x: e.clientX, y: e.clientY, ox: x, oy: y};
      self.moved = false;
    });
    viewport.addEventListener("pointermove", function (e) {
      if (!drag) { return; }
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!self.moved && Math.abs(dx) + Math.abs(dy) > 4) {
        self.moved = true;
        viewport.classList.add("kg-dragging");
        try { viewport.setPointerCapture(e.pointerId); } catch (err) { /* ignore */ }
      }
      if (self.moved) { x = drag.ox + dx; y = drag.oy + dy; apply(); }
    });
    function end() { drag = null; viewport.classList.remove("kg-dragging"); }
    viewport.addEventListener("pointerup", end);
    viewport.addEventListener("pointercancel", end);

    svg.addEventListener("click", function (e) {
      var a = e.target.closest ? e.target.closest("a") : null;
      if (a) { e.preventDefault(); }
      if (self.moved) { self.moved = false; return; }
      var holder = e.target.closest ? e.target.closest("g[id^='a_kgn']") : null;
      if (holder) { selectGoal(parseInt(holder.id.slice(5), 10), {from: "diagram"}); }
    });
  }

  var viewers = [];
  Array.prototype.forEach.call(document.querySelectorAll(".kg-diagram-part"), function (part) {
    viewers.push(new Viewer(part));
  });

  function currentViewer() {
    for (var i = 0; i < viewers.length; i++) { if (!viewers[i].part.hidden) { return viewers[i]; } }
    return null;
  }

  function showPart(index) {
    viewers.forEach(function (v, i) { v.part.hidden = i !== index; });
    var select = document.getElementById("kg-part");
    if (select) { select.value = String(index); }
    var v = viewers[index];
    if (v && v.ensureFitted) { v.ensureFitted(); }
  }

  var partSelect = document.getElementById("kg-part");
  if (partSelect) {
    partSelect.addEventListener("change", function () { showPart(parseInt(partSelect.value, 10)); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-zoom]"), function (b) {
    b.addEventListener("click", function () {
      var v = currentViewer();
      if (!v || !v.zoom) { return; }
      var how = b.getAttribute("data-zoom");
      if (how === "fit") { v.fit(); } else { v.zoom(how === "in" ? 1.25 : 0.8); }
    });
  });
  if (viewers.length) { showPart(0); }
  window.addEventListener("resize", function () {
    var v = currentViewer();
    if (v && v.fit) { v.fit(); }
  });

  /* ------------------------------------------------------------------ goals and findings */

  var halo = null;

  function goalElement(order) {
    var v = currentViewer();
    var id = "a_kgn" + order;
    var found = v ? v.part.querySelector("g[id='" + id + "']") : null;
    if (found) { return {viewer: v, element: found}; }
    for (var i = 0; i < viewers.length; i++) {
      var e = viewers[i].part.querySelector("g[id='" + id + "']");
      if (e) { showPart(i); return {viewer: viewers[i], element: e}; }
    }
    return null;
  }

  function highlight(order) {
    if (halo && halo.parentNode) { halo.parentNode.removeChild(halo); }
    halo = null;
    Array.prototype.forEach.call(document.querySelectorAll(".kg-selected"), function (e) { e.classList.remove("kg-selected"); });
    var hit = goalElement(order);
    if (!hit) { return false; }
    var box = hit.element.getBBox();
    var pad = 5;
    halo = document.createElementNS(SVGNS, "rect");
    halo.setAttribute("x", String(box.x - pad));
    halo.setAttribute("y", String(box.y - pad));
    halo.setAttribute("width", String(box.width + 2 * pad));
    halo.setAttribute("height", String(box.height + 2 * pad));
    halo.setAttribute("rx", "6");
    halo.setAttribute("class", "kg-halo");
    hit.element.parentNode.insertBefore(halo, hit.element.nextSibling);
    hit.element.classList.add("kg-selected");
    if (hit.viewer.centreOn) { hit.viewer.centreOn(hit.element); }
    return true;
  }

  function findingRow(num) { return document.getElementById("kg-f" + num); }

  function markCurrent(num) {
    Array.prototype.forEach.call(document.querySelectorAll("tr.kg-current"), function (r) { r.classList.remove("kg-current"); });
    var row = num ? findingRow(num) : null;
    if (row) { row.classList.add("kg-current"); }
  }

  function showPanel(order) {
    var panel = document.getElementById("kg-panel");
    if (!panel) { return; }
    var goal = data.goals[String(order)];
    panel.textContent = "";
    if (!goal) { panel.appendChild(el("p", null, word("panel_empty"))); return; }
    panel.appendChild(el("h3", null, word("panel_title", {id: goal.id})));
    panel.appendChild(el("p", "kg-stmt", goal.statement || word("indicator_only")));
    var meta = [];
    if (goal.level) { meta.push(goal.level); }
    if (goal.owner) { meta.push(word("owner") + ": " + goal.owner); }
    if (meta.length) { panel.appendChild(el("p", "kg-sub", meta.join(" · "))); }
    if (!goal.drawn) { panel.appendChild(el("p", "kg-sub", word("not_drawn"))); }
    var nums = goal.f || [];
    if (!nums.length) { panel.appendChild(el("p", null, word("panel_none"))); return; }
    var list = el("ul");
    nums.forEach(function (num) {
      var f = data.findings[String(num)];
      if (!f) { return; }
      var li = el("li");
      li.appendChild(el("span", "kg-sev kg-sev-" + f.s, word(f.s)));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("code", null, f.r));
      if (f.l) { li.appendChild(el("span", "kg-lke", "LKE " + f.l)); }
      li.appendChild(el("div", null, f.m));
      var a = el("a", "kg-goto-row", "#" + num + " — " + word("show_in_list"));
      a.href = "#kg-f" + num;
      a.setAttribute("data-f", String(num));
      li.appendChild(a);
      list.appendChild(li);
    });
    panel.appendChild(list);
  }

  function selectGoal(order, how) {
    showPanel(order);
    highlight(order);
    if (how && how.scroll) {
      var section = document.getElementById("diagram");
      if (section) { section.scrollIntoView({block: "start"}); }
    }
  }

  function selectFinding(num) {
    var f = data.findings[String(num)];
    markCurrent(num);
    if (!f) { return; }
    if (f.n === null || f.n === undefined) { return; }
    selectGoal(f.n, {scroll: true});
  }

  /* reveal a finding row even when the filters hide it, and scroll to it */
  /* open every closed group (<details>) holding an element, so that it can be seen */
  function openAround(element) {
    for (var e = element; e; e = e.parentElement) {
      if (e.tagName === "DETAILS" && !e.open) { e.open = true; }
    }
  }

  function revealFinding(num) {
    var row = findingRow(num);
    if (!row) { return; }
    openAround(row);
    if (row.hidden) {
      ["severity", "area"].forEach(function (kind) {
        var value = row.getAttribute("data-" + kind);
        var box = document.querySelector("input[data-filter='" + kind + "'][value='" + value + "']");
        if (box && !box.checked) { box.checked = true; }
      });
      applyFilters();
    }
    markCurrent(num);
    row.scrollIntoView({block: "center"});
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t.closest) { return; }
    /* a link into the detail (a note's findings, a section of the top bar) opens what it points to */
    var inner = t.closest("a[href^='#']");
    if (inner && !inner.hasAttribute("data-goto-n") && !inner.hasAttribute("data-goto-f")) {
      var target = document.getElementById(inner.getAttribute("href").slice(1));
      if (target && target.tagName === "DETAILS") { openAround(target); }
      else if (target) { openAround(target.parentElement); }
    }
    var toRow = t.closest("a.kg-mark, a.kg-goto-row");
    if (toRow) {
      e.preventDefault();
      revealFinding(parseInt(toRow.getAttribute("data-f"), 10));
      return;
    }
    var go = t.closest("[data-goto-f]");
    if (go) {
      e.preventDefault();
      selectFinding(parseInt(go.getAttribute("data-goto-f"), 10));
      return;
    }
    var goal = t.closest("[data-goto-n]");
    if (goal) {
      e.preventDefault();
      selectGoal(parseInt(goal.getAttribute("data-goto-n"), 10), {scroll: true});
      return;
    }
    var row = t.closest("tr.kg-f");
    if (row && !t.closest("a")) {
      selectFinding(parseInt(row.getAttribute("data-f"), 10));
    }
  });

  /* ------------------------------------------------------------------ filters */

  function applyFilters() {
    var allowed = {severity: {}, area: {}};
    Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), function (box) {
      allowed[box.getAttribute("data-filter")][box.value] = box.checked;
    });
    var shown = 0, total = 0;
    Array.prototype.forEach.call(document.querySelectorAll("tr.kg-f"), function (row) {
      total += 1;
      var ok = allowed.severity[row.getAttribute("data-severity")] !== false &&
               allowed.area[row.getAttribute("data-area")] !== false;
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".kg-rule"), function (group) {
      group.hidden = !group.querySelector("tr.kg-f:not([hidden])");
    });
    var counter = document.getElementById("kg-showing");
    if (counter) { counter.textContent = word("showing", {shown: shown, total: total}); }
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), function (box) {
    box.addEventListener("change", applyFilters);
  });
  applyFilters();

  /* ------------------------------------------------------------------ print */

  /* closed groups (<details>) stay closed when printing: the printout is the evaluation, the diagram
     and the titles of the detail, plus whatever the reader opened */
  Array.prototype.forEach.call(document.querySelectorAll("[data-kg-print]"), function (b) {
    b.addEventListener("click", function () { window.print(); });
  });

  document.documentElement.setAttribute("data-kg-ready", "1");
})();
