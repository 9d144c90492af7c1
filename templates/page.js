/* Bookish page behaviour that CSS cannot express: the contents start folded on phones. */
(function () {
  "use strict";
  function fold() {
    var toc = document.querySelector(".toc details");
    if (toc && window.matchMedia && window.matchMedia("(max-width: 40em)").matches) toc.removeAttribute("open");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fold); else fold();
})();
