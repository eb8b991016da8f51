// storyline: a little progressive enhancement; every page works without it.
// Pressing "/" focuses the search box (unless typing in a field).
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) return;
    var q = document.getElementById("site-q");
    if (q) { e.preventDefault(); q.focus(); }
  });
  // Marks the page as enhanced (the browser test checks the script ran under the CSP).
  document.documentElement.setAttribute("data-js", "1");
})();
