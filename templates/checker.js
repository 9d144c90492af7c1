/* Bookish interactive derivative checker: re-run the page's check blocks at new random points, and check your own
   claims. Works offline; the checking itself is derivcheck.js, the same semantics as the build's checker. */
(function () {
  "use strict";
  function parseBlock(text) {
    var parts = { declare: [], define: [], claim: [], layout: "" }, key = null;
    text.split("\n").forEach(function (line) {
      var m = /^\s*(layout|declare|define|claim)\s*:\s*(.*)$/.exec(line);
      if (m) { key = m[1]; if (key === "layout") parts.layout = m[2].trim(); else parts[key].push(m[2].trim()); }
      else if (key && line.trim() && key !== "layout") parts[key][parts[key].length - 1] += " " + line.trim();
    });
    return parts;
  }
  function macrosOf(block) {
    try { return JSON.parse(block.getAttribute("data-context-macros") || "[]"); } catch (e) { return []; }
  }
  function join(a, b, sep) { return [a, b].filter(function (x) { return x && x.trim(); }).join(sep); }
  function randomSeed() { return (Math.random() * 4294967296) >>> 0; }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
  function show(out, v) {
    out.textContent = "";
    var badge = el("span", "check-badge " + v.verdict, v.verdict === "verified" ? "✓ verified" : v.verdict === "refuted" ? "✗ refuted" : "not checkable");
    out.appendChild(badge);
    out.appendChild(el("pre", "check-detail", window.BookishDerivCheck.describe(v)));
  }
  function runClaims(input, claims, seed) {
    var worst = null;
    for (var i = 0; i < claims.length; i++) {
      var v = window.BookishDerivCheck.check({ declare: input.declare, define: input.define, claim: claims[i], layout: input.layout, seed: seed, macros: input.macros });
      if (!worst || v.verdict === "refuted" || (v.verdict === "not-checkable" && worst.verdict === "verified")) worst = v;
    }
    return worst;
  }
  function init() {
    if (!window.BookishDerivCheck) return;
    var blocks = document.querySelectorAll(".check[data-check]");
    blocks.forEach(function (block) {
      var parts = parseBlock(block.getAttribute("data-check"));
      var input = {
        declare: join(block.getAttribute("data-context-declare"), parts.declare.join(", "), ", "),
        define: join(block.getAttribute("data-context-define"), parts.define.join("; "), "; "),
        layout: parts.layout || block.getAttribute("data-layout") || "numerator",
        macros: macrosOf(block)
      };
      var details = block.querySelector("details") || block.appendChild(el("details", "check-result"));
      var button = el("button", "check-rerun", "Check again at new random points");
      button.type = "button";
      var out = el("output", "check-output");
      out.setAttribute("aria-live", "polite");
      button.addEventListener("click", function () { show(out, runClaims(input, parts.claim, randomSeed())); });
      details.appendChild(button);
      details.appendChild(out);
    });

    // The free box reads the document's macros (front matter and notation file) like the blocks do: every block of a
    // page carries the same list, so the first one that has any gives it.
    var macroBlock = document.querySelector(".check[data-context-macros]");
    var pageMacros = macroBlock ? macrosOf(macroBlock) : [];
    var article = document.querySelector("main article") || document.body;
    var section = el("section", "checker");
    section.id = "derivative-checker";
    section.setAttribute("aria-labelledby", "derivative-checker-title");
    var h = el("h2", null, "Check a derivative yourself");
    h.id = "derivative-checker-title";
    section.appendChild(h);
    section.appendChild(el("p", null, "Write LaTeX as in the check blocks above" + (pageMacros.length ? ", with this document's macros" : "") + ". The claim is evaluated numerically at random points; nothing leaves your browser."));
    function field(label, name, value, rows) {
      var wrap = el("label", "checker-field");
      wrap.appendChild(el("span", null, label));
      var input = el(rows > 1 ? "textarea" : "input");
      input.name = name; input.value = value; if (rows > 1) input.rows = rows;
      input.setAttribute("spellcheck", "false");
      wrap.appendChild(input);
      section.appendChild(wrap);
      return input;
    }
    var declare = field("declare:", "declare", "x, y \\in \\mathbb{R}", 1);
    var define = field("define:", "define", "g(x, y) = 2x + y^8", 1);
    var claim = field("claim:", "claim", "\\nabla g(x,y) = [2, 8y^7]", 2);
    var layout = field("layout:", "layout", "numerator", 1);
    var go = el("button", "checker-run", "Check");
    go.type = "button";
    var result = el("output", "checker-output");
    result.setAttribute("aria-live", "polite");
    go.addEventListener("click", function () {
      show(result, window.BookishDerivCheck.check({ declare: declare.value, define: define.value, claim: claim.value, layout: layout.value, seed: randomSeed(), macros: pageMacros }));
    });
    section.appendChild(go);
    section.appendChild(result);
    article.appendChild(section);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
