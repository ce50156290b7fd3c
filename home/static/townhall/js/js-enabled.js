// Runs at the top of <body>, before the page is drawn: GOV.UK Frontend's styles for "JavaScript is
// on" and "this browser can run GOV.UK Frontend" apply from the first paint.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
