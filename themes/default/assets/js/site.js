/* Small improvements on every page; the page works the same without them.
   Tables wider than their column scroll in their own box (.table-scroll). When a box really scrolls it
   gets the class "schuift", which shows a written hint under the table; the shadows at its edges are
   pure CSS. Boxes are measured again when the window or the fonts change. */
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".table-scroll"));
  if (!boxes.length) return;

  function measure() {
    boxes.forEach(function (box) {
      box.classList.toggle("schuift", box.scrollWidth > box.clientWidth + 1);
    });
  }

  measure();
  if (typeof ResizeObserver === "function") {
    var observer = new ResizeObserver(measure);
    boxes.forEach(function (box) { observer.observe(box); });
  } else {
    window.addEventListener("resize", measure);
  }
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(measure);
})();
