/* Bookish page behaviour that CSS cannot express: the contents start folded on phones, and an inline equation wider
   than its column (long formulas on a phone) becomes a line of its own that scrolls sideways instead of widening the
   page. */
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
  var pending = 0;
  function refit() { cancelAnimationFrame(pending); pending = requestAnimationFrame(fit); }
  function start() {
    fold(); fit();
    window.addEventListener("resize", refit);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(refit);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
