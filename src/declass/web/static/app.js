// declass: light enhancements only; every page works without this file.
(function () {
  "use strict";
  // "/" jumps to the search box, as in most search tools (not while typing in a field)
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
    if (e.key === "/" && !typing) {
      var q = document.getElementById("topq");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    }
  });
  // a withheld span shows the meaning of its codes when it has the focus (keyboard users)
  document.querySelectorAll(".redaction").forEach(function (el) {
    var tip = document.createElement("span");
    tip.className = "visually-hidden";
    tip.setAttribute("aria-live", "polite");
    el.appendChild(tip);
    el.addEventListener("focus", function () { tip.textContent = el.getAttribute("title") || ""; });
    el.addEventListener("blur", function () { tip.textContent = ""; });
  });
})();
