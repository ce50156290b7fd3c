// Starts the admin widgets Wagtail would start with an inline script (home/admin_scripts.py):
// each <script type="application/json" data-townhall-run="new PageChooser"> holds the arguments.
// Only the names below are ever called, so a page cannot use this to run anything else.
(function () {
  "use strict";

  var ALLOWED =
    /^(new )?([A-Z][A-Za-z]*Chooser|InlinePanel|MultipleChooserPanel|init(?:Date|Time|DateTime)Chooser|createTaskChooser)$/;
  var SELECTOR = 'script[type="application/json"][data-townhall-run]';
  var started = new WeakSet();

  function start(element) {
    if (started.has(element)) {
      return;
    }
    started.add(element);
    var match = ALLOWED.exec(element.getAttribute("data-townhall-run"));
    if (!match) {
      return;
    }
    var target = window[match[2]];
    if (typeof target !== "function") {
      console.error("Townhall admin: " + match[2] + " is not loaded on this page");
      return;
    }
    var args = JSON.parse(element.textContent);
    if (match[1]) {
      Reflect.construct(target, args);
    } else {
      target.apply(window, args);
    }
  }

  function startWithin(root) {
    if (root.matches && root.matches(SELECTOR)) {
      start(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll(SELECTOR).forEach(start);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    startWithin(document);
    // Modals and new inline panel children arrive later, already complete.
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(startWithin);
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  });
})();
