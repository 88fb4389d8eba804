/* Standalone reading page: keep word tooltips inside the window in browsers
   without CSS anchor positioning (where it exists, CSS alone does this). */
(function () {
  "use strict";
  if (window.CSS && CSS.supports && CSS.supports("position-try-fallbacks: flip-block")) {
    return;
  }
  var MARGIN = 8;

  function place(word) {
    var tip = word.querySelector(".hr-tip");
    if (!tip) {
      return;
    }
    tip.style.left = "0px";
    tip.style.top = "";
    tip.style.bottom = "";
    var box = tip.getBoundingClientRect();
    var shift = 0;
    if (box.right > window.innerWidth - MARGIN) {
      shift = window.innerWidth - MARGIN - box.right;
    }
    if (box.left + shift < MARGIN) {
      shift = MARGIN - box.left;
    }
    tip.style.left = shift + "px";
    if (box.bottom > window.innerHeight - MARGIN) {
      tip.style.top = "auto";
      tip.style.bottom = "calc(100% + 4px)";
    }
  }

  function onEnter(event) {
    var target = event.target;
    var word = target && target.closest ? target.closest(".hr-w") : null;
    if (word) {
      place(word);
    }
  }

  document.addEventListener("mouseover", onEnter);
  document.addEventListener("focusin", onEnter);
})();
