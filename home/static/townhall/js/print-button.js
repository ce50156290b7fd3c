// "Print this page" buttons (shown only when this script can run, see townhall.scss).
document.querySelectorAll("[data-townhall-print]").forEach(function (button) {
  button.addEventListener("click", function () {
    window.print();
  });
});
