/* Bookish book navigation: the menu button that opens the sidebar on phones, the current chapter's sections folding
   and the section being read highlighted, ← → between chapters, and full-text search across the book with Lunr
   (Debian's libjs-lunr): the index the build wrote (search-index.js), loaded on the first search, offline. */
(function () {
  "use strict";
  var body = document.body;
  var sidebar = document.getElementById("book-sidebar");
  var menu = document.querySelector(".book-menu");

  function setOpen(open) {
    body.classList.toggle("sidebar-open", open);
    if (!menu) return;
    menu.setAttribute("aria-expanded", open ? "true" : "false");
    var label = menu.querySelector(".book-menu-label"), icon = menu.querySelector(".book-menu-icon");
    if (label) label.textContent = open ? "Close" : "Menu";
    if (icon) icon.textContent = open ? "✕" : "☰";
  }
  if (menu) menu.addEventListener("click", function () {
    var open = !body.classList.contains("sidebar-open");
    setOpen(open);
    if (open) { var input = document.getElementById("book-search-input"); if (input) input.focus({ preventScroll: true }); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && body.classList.contains("sidebar-open")) { setOpen(false); if (menu) menu.focus(); }
  });
  if (sidebar) sidebar.addEventListener("click", function (e) {
    /* A link followed inside the open menu closes it (a section of this page would otherwise stay covered). */
    if (e.target.closest && e.target.closest("a") && body.classList.contains("sidebar-open")) setOpen(false);
  });

  /* The current chapter's sections fold and unfold. */
  var toggle = document.querySelector(".section-toggle");
  if (toggle) toggle.addEventListener("click", function () {
    var list = document.getElementById(toggle.getAttribute("aria-controls"));
    var expanded = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", expanded ? "false" : "true");
    if (list) list.hidden = expanded;
  });

  /* The section being read is highlighted in the sidebar. */
  var links = sidebar ? sidebar.querySelectorAll(".chapter-sections a[href^='#']") : [];
  if (links.length && "IntersectionObserver" in window) {
    var byId = {};
    for (var i = 0; i < links.length; i++) byId[decodeURIComponent(links[i].getAttribute("href").slice(1))] = links[i];
    var headings = [];
    for (var id in byId) { var h = document.getElementById(id); if (h) headings.push(h); }
    var mark = function () {
      var current = null;
      for (var k = 0; k < headings.length; k++) if (headings[k].getBoundingClientRect().top < window.innerHeight * 0.3) current = headings[k];
      for (var key in byId) byId[key].classList.toggle("active", current !== null && key === current.id);
    };
    var observer = new IntersectionObserver(mark, { rootMargin: "0px 0px -70% 0px" });
    headings.forEach(function (h) { observer.observe(h); });
    mark();
  }

  /* ← → move between chapters (not while typing, not with modifier keys). */
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var rel = e.key === "ArrowLeft" ? "prev" : e.key === "ArrowRight" ? "next" : null;
    if (!rel) return;
    var link = document.querySelector(".book-nav a[rel='" + rel + "']");
    if (link) { e.preventDefault(); window.location.href = link.href; }
  });

  /* Search. */
  var input = document.getElementById("book-search-input");
  var results = document.getElementById("book-search-results");
  if (!input || !results) return;
  /* The index was built at build time (search-index.js, by the same Lunr in Jint); book-search.js, shared with the
     build, registers the pipeline it was built with and splits queries as the text was split. Nothing is indexed here. */
  var loading = null, index = null, docs = null;

  function script(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }
  function load() {
    if (loading) return loading;
    var library = (window.lunr ? Promise.resolve() : script("lunr.min.js"))
      .then(function () { return window.bookishSearch ? null : script("book-search.js"); });
    var data = window.bookishSearchData ? Promise.resolve() : script("search-index.js");
    loading = Promise.all([library, data]).then(function () {
      docs = window.bookishSearchData.docs;
      index = window.bookishSearch.load(window.bookishSearchData.index);
      body.classList.add("search-ready");
    });
    return loading;
  }
  input.addEventListener("focus", load);

  function terms(query) { return window.bookishSearch.terms(query); }
  function escapeRegex(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function snippet(doc, words) {
    var fields = [doc.text, doc.captions, doc.math];
    for (var f = 0; f < fields.length; f++) {
      var text = fields[f] || "";
      for (var w = 0; w < words.length; w++) {
        var at = text.toLowerCase().indexOf(words[w]);
        if (at < 0) continue;
        var from = Math.max(0, at - 60), to = Math.min(text.length, at + words[w].length + 80);
        /* Whole words at both ends of the snippet. */
        if (from > 0) { var space = text.indexOf(" ", from); if (space >= 0 && space < at) from = space + 1; }
        if (to < text.length) { var end = text.lastIndexOf(" ", to); if (end > at + words[w].length) to = end; }
        return { text: (from > 0 ? "…" : "") + text.slice(from, to) + (to < text.length ? "…" : ""), math: f === 2 };
      }
    }
    return { text: (doc.text || doc.captions || doc.math || "").slice(0, 140), math: !doc.text && !doc.captions };
  }
  function highlight(el, text, words) {
    if (!words.length) { el.textContent = text; return; }
    var re = new RegExp("(" + words.map(escapeRegex).join("|") + ")", "ig");
    var last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      el.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mk = document.createElement("mark"); mk.textContent = m[0]; el.appendChild(mk);
      last = m.index + m[0].length;
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }
  function show(query) {
    results.textContent = "";
    var words = terms(query);
    if (!words.length) { results.hidden = true; return; }
    var found = index.query(function (q) {
      words.forEach(function (w) {
        q.term(w, { boost: 10 });
        q.term(w, { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING, boost: 1 });
      });
    }).slice(0, 12);
    results.hidden = false;
    if (!found.length) {
      var none = document.createElement("li"); none.className = "no-results"; none.textContent = "Nothing found for “" + query + "”";
      results.appendChild(none);
      return;
    }
    found.forEach(function (r) {
      var doc = docs[+r.ref];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = doc.page + (doc.anchor ? "#" + doc.anchor : "");
      var chapter = document.createElement("span"); chapter.className = "result-chapter"; chapter.textContent = doc.chapter;
      var heading = document.createElement("span"); heading.className = "result-heading"; heading.textContent = doc.heading;
      var snip = snippet(doc, words);
      var text = document.createElement("span"); text.className = snip.math ? "result-snippet tex" : "result-snippet";
      highlight(text, snip.text, words);
      a.appendChild(chapter); a.appendChild(heading); a.appendChild(text);
      li.appendChild(a);
      results.appendChild(li);
    });
  }
  input.addEventListener("input", function () {
    load().then(function () { show(input.value); });
  });
  input.addEventListener("keydown", function (e) {
    var items = results.querySelectorAll("a");
    if (e.key === "Enter" && items.length) { e.preventDefault(); items[0].click(); }
    else if (e.key === "ArrowDown" && items.length) { e.preventDefault(); items[0].focus(); }
  });
  results.addEventListener("keydown", function (e) {
    var items = Array.prototype.slice.call(results.querySelectorAll("a"));
    var i = items.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === "ArrowDown" && i + 1 < items.length) { e.preventDefault(); items[i + 1].focus(); }
    else if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? items[i - 1] : input).focus(); }
  });
})();
