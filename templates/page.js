/* Bookish page behaviour that CSS cannot express: the contents start folded on phones; an inline equation wider than
   its column (long formulas on a phone) becomes a line of its own that scrolls sideways instead of widening the page;
   a display wider than the measure extends into the margins (as far as the window less its padding) before it
   scrolls; copying prose copies its equations as TeX; each display offers "Copy TeX"; sidenotes open from the
   keyboard. */
(function () {
  "use strict";
  function fold() {
    var toc = document.querySelector(".toc details");
    if (toc && window.matchMedia && window.matchMedia("(max-width: 40em)").matches) toc.removeAttribute("open");
  }
  function fit() {
    var spans = document.querySelectorAll(".math.inline");
    var changes = [];
    for (var i = 0; i < spans.length; i++) {
      var s = spans[i], svg = s.querySelector("svg"), block = s.closest("p, li, td, th, dd, dt, blockquote, figcaption, aside, div");
      if (!svg || !block) continue;
      changes.push([s, svg.getBoundingClientRect().width > block.clientWidth + 0.5]);
    }
    for (var j = 0; j < changes.length; j++) changes[j][0].classList.toggle("overwide", changes[j][1]);
  }

  /* Wide displays: measure every display at the column's width first (all reads), then widen the ones whose content
     is wider (all writes). A widened display stays centred on the column as the others are, shifted just enough to
     keep inside the window's padding; only one wider than the window keeps scrolling (with its shadow hint). */
  function widen() {
    var displays = document.querySelectorAll(".math.display");
    var i, d;
    for (i = 0; i < displays.length; i++) {
      d = displays[i];
      if (d.classList.contains("wide")) { d.classList.remove("wide"); d.style.width = ""; d.style.marginLeft = ""; }
    }
    var root = document.documentElement, viewport = root.clientWidth;
    var pad = parseFloat(getComputedStyle(document.querySelector("main") || document.body).paddingLeft) || 16;
    var plans = [];
    for (i = 0; i < displays.length; i++) {
      d = displays[i];
      var scroll = d.querySelector(".math-scroll"), image = d.querySelector(".math-scroll > *");
      if (!scroll || !image || d.closest("td, th, figure")) continue;
      var extra = scroll.scrollWidth - scroll.clientWidth;
      if (extra <= 0.5) continue;
      var r = d.getBoundingClientRect();
      var want = Math.min(r.width + extra + 2, viewport - 2 * pad);
      if (want <= r.width) continue;
      var left = r.left + r.width / 2 - want / 2;
      left = Math.max(pad, Math.min(left, viewport - pad - want));
      plans.push([d, want, left - r.left]);
    }
    for (i = 0; i < plans.length; i++) {
      d = plans[i][0];
      d.classList.add("wide");
      d.style.width = plans[i][1] + "px";
      d.style.marginLeft = plans[i][2] + "px";
    }
    /* A display that no longer scrolls draws no scroll hint: the hint's cover, attached to the content, can fall a
       fraction of a pixel short of the box's edge and leave a faint line there. */
    for (i = 0; i < displays.length; i++) {
      var s = displays[i].querySelector(".math-scroll");
      if (s) s.classList.toggle("fits", s.scrollWidth <= s.clientWidth);
    }
  }

  /* Plot text is sized relative to the page, not scaled with the drawing: 0.8 of the body size (at least 12px, at most
     the body size), converted into the drawing's units at its current scale; the y label moves clear of the tick
     labels, and the drawing's viewBox grows to hold text that outgrew it. */
  function plots() {
    var svgs = document.querySelectorAll("svg.plot-svg");
    if (svgs.length === 0) return;
    var body = parseFloat(getComputedStyle(document.body).fontSize) || 16;
    var target = Math.max(12, Math.min(body, 0.8 * body));
    for (var i = 0; i < svgs.length; i++) {
      var svg = svgs[i], g = svg.querySelector(".plot-text");
      if (!g) continue;
      if (!svg.hasAttribute("data-box")) svg.setAttribute("data-box", svg.getAttribute("viewBox"));
      var box = svg.getAttribute("data-box").split(/[\s,]+/).map(Number);
      svg.setAttribute("viewBox", box.join(" "));
      for (var round = 0; round < 3; round++) {
        var vb = svg.viewBox.baseVal, width = svg.getBoundingClientRect().width;
        if (!width || !vb || !vb.width) break;
        var size = target / (width / vb.width);
        g.setAttribute("font-size", size.toFixed(2));
        var label = g.querySelector("[data-role=ylabel]"), ticks = g.querySelectorAll("[data-role=ytick]");
        if (label) {
          var minX = Infinity;
          for (var t = 0; t < ticks.length; t++) minX = Math.min(minX, ticks[t].getBBox().x);
          if (isFinite(minX)) {
            var x = minX - 0.35 * size, y = parseFloat(label.getAttribute("y"));
            label.setAttribute("x", x.toFixed(2));
            label.setAttribute("transform", "rotate(-90 " + x.toFixed(2) + " " + y + ")");
          }
        }
        // A y tick label that collides with an x tick label (at the frame's lower-left corner) gives way.
        var xticks = g.querySelectorAll("[data-role=xtick]");
        for (var yi = 0; yi < ticks.length; yi++) {
          ticks[yi].style.visibility = "";
          var a = ticks[yi].getBBox();
          for (var xi = 0; xi < xticks.length; xi++) {
            var b = xticks[xi].getBBox();
            if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) ticks[yi].style.visibility = "hidden";
          }
        }
        var bb = svg.getBBox();
        var x0 = Math.min(box[0], bb.x - 2), y0 = Math.min(box[1], bb.y - 2);
        var x1 = Math.max(box[0] + box[2], bb.x + bb.width + 2), y1 = Math.max(box[1] + box[3], bb.y + bb.height + 2);
        svg.setAttribute("viewBox", [x0, y0, x1 - x0, y1 - y0].map(function (v) { return v.toFixed(2); }).join(" "));
      }
    }
  }

  /* The TeX of a math element as an author would type it in prose: $…$ inline, $$…$$ for a display. */
  function texOf(el) {
    if (el.classList.contains("display")) {
      var holder = el.querySelector("[data-tex]");
      return holder ? "$$" + holder.getAttribute("data-tex") + "$$" : "";
    }
    return el.hasAttribute("data-tex") ? "$" + el.getAttribute("data-tex") + "$" : "";
  }

  /* Plain text of a copied fragment, equations as TeX and the page's own controls left out. */
  function plainText(node) {
    if (node.nodeType === 3) return node.data;
    if (node.nodeType !== 1 && node.nodeType !== 11) return "";
    if (node.nodeType === 1) {
      if (node.matches(".math.inline, .math.display")) return node.matches(".display") ? "\n" + texOf(node) + "\n" : texOf(node);
      if (node.matches(".eqno, .tex-menu, .margin-toggle, .note-ref, .sidenote, .id-alias, .glyphs, svg, script, style")) return "";
    }
    var out = "";
    for (var c = node.firstChild; c; c = c.nextSibling) out += plainText(c);
    if (node.nodeType === 1 && /^(P|LI|DIV|H[1-6]|BLOCKQUOTE|FIGCAPTION|TR)$/.test(node.tagName)) out += "\n";
    return out;
  }

  function onCopy(e) {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !e.clipboardData) return;
    var hasMath = false, text = "";
    for (var i = 0; i < sel.rangeCount; i++) {
      var range = sel.getRangeAt(i).cloneRange();
      // A selection that starts or ends inside an equation takes the whole equation.
      var a = range.startContainer.parentElement && range.startContainer.parentElement.closest(".math.inline, .math.display");
      var b = range.endContainer.parentElement && range.endContainer.parentElement.closest(".math.inline, .math.display");
      if (range.startContainer.nodeType === 1 && range.startContainer.closest) a = a || range.startContainer.closest(".math.inline, .math.display");
      if (range.endContainer.nodeType === 1 && range.endContainer.closest) b = b || range.endContainer.closest(".math.inline, .math.display");
      if (a) range.setStartBefore(a);
      if (b) range.setEndAfter(b);
      var fragment = range.cloneContents();
      if (a || b || fragment.querySelector && fragment.querySelector(".math")) hasMath = true;
      text += plainText(fragment);
    }
    if (!hasMath) return;
    text = text.replace(/[ \t]*\n[ \t]*/g, "\n").replace(/\n{3,}/g, "\n\n").replace(/^\n+|\n+$/g, "");
    e.clipboardData.setData("text/plain", text);
    var holder = document.createElement("div");
    for (var k = 0; k < sel.rangeCount; k++) holder.appendChild(sel.getRangeAt(k).cloneContents());
    e.clipboardData.setData("text/html", holder.innerHTML);
    e.preventDefault();
  }

  function writeClipboard(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) return navigator.clipboard.writeText(text).catch(function () { legacyCopy(text); });
    legacyCopy(text);
    return Promise.resolve();
  }
  function legacyCopy(text) {
    var t = document.createElement("textarea");
    t.value = text; t.setAttribute("readonly", ""); t.style.position = "fixed"; t.style.opacity = "0";
    document.body.appendChild(t); t.select();
    try { document.execCommand("copy"); } catch (_) { /* nothing more to try */ }
    t.remove();
  }

  /* A small menu on each display: a button reachable with Tab that opens (Enter, Space) a "Copy TeX" button; Escape
     closes it. */
  function menus() {
    var displays = document.querySelectorAll(".math.display:not(.error)");
    for (var i = 0; i < displays.length; i++) {
      var d = displays[i], holder = d.querySelector("[data-tex]");
      if (!holder || d.querySelector(".tex-menu")) continue;
      var menu = document.createElement("div");
      menu.className = "tex-menu";
      var toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "tex-menu-toggle";
      toggle.setAttribute("aria-label", "Equation menu");
      toggle.setAttribute("aria-haspopup", "true");
      toggle.setAttribute("aria-expanded", "false");
      toggle.textContent = "\u22EE";
      var items = document.createElement("div");
      items.className = "tex-menu-items";
      items.hidden = true;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-tex";
      button.textContent = "Copy TeX";
      toggle.addEventListener("click", function (ev) { setOpen(ev.currentTarget.parentNode, ev.currentTarget.getAttribute("aria-expanded") !== "true"); });
      menu.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { setOpen(ev.currentTarget, false); ev.currentTarget.querySelector(".tex-menu-toggle").focus(); } });
      button.addEventListener("click", function (ev) {
        var dd = ev.currentTarget.closest(".math.display"), h = dd.querySelector("[data-tex]"), btn = ev.currentTarget;
        writeClipboard(h.getAttribute("data-tex")).then(function () {
          btn.textContent = "Copied";
          setTimeout(function () { btn.textContent = "Copy TeX"; }, 1500);
        });
      });
      items.appendChild(button);
      menu.appendChild(toggle);
      menu.appendChild(items);
      d.appendChild(menu);
    }
  }
  function setOpen(menu, open) {
    menu.classList.toggle("open", open);
    menu.querySelector(".tex-menu-toggle").setAttribute("aria-expanded", open ? "true" : "false");
    menu.querySelector(".tex-menu-items").hidden = !open;
  }

  /* Sidenote numbers are focusable labels: Enter or Space opens and closes the note, as a click does. */
  function sidenotes() {
    var refs = document.querySelectorAll("label.note-ref");
    for (var i = 0; i < refs.length; i++) {
      var ref = refs[i], box = document.getElementById(ref.getAttribute("for"));
      if (!box) continue;
      ref.setAttribute("role", "button");
      ref.setAttribute("aria-expanded", box.checked ? "true" : "false");
      ref.setAttribute("aria-controls", box.id + "-text");
      var note = box.nextElementSibling;
      if (note && note.classList.contains("sidenote") && !note.id) note.id = box.id + "-text";
      box.addEventListener("change", function (ev) {
        var l = document.querySelector("label.note-ref[for='" + ev.target.id + "']");
        if (l) l.setAttribute("aria-expanded", ev.target.checked ? "true" : "false");
      });
      ref.addEventListener("keydown", function (ev) {
        if (ev.key !== "Enter" && ev.key !== " ") return;
        ev.preventDefault();
        var b = document.getElementById(ev.currentTarget.getAttribute("for"));
        if (b) b.click();
      });
    }
  }

  var pending = 0;
  function refit() { cancelAnimationFrame(pending); pending = requestAnimationFrame(function () { fit(); widen(); plots(); }); }
  function start() {
    fold(); fit(); menus(); widen(); plots(); sidenotes();
    document.addEventListener("copy", onCopy);
    window.addEventListener("resize", refit);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(refit);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
