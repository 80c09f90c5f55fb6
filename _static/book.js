/* The book's own script: menus that open on every screen, named solution toggles, and search
   results that never quote a worked solution. Loaded after the theme's scripts. */
(function () {
  "use strict";

  /* The theme wires its sidebar and page-contents handlers to the first ".primary-toggle" and
     ".secondary-toggle" of the page, which are hidden; the visible buttons hand their click on
     to those, so the menus open by tap or click at every width. */
  function forwardToggles(selector) {
    var buttons = document.querySelectorAll(selector);
    if (buttons.length < 2) return;
    var wired = buttons[0];
    buttons.forEach(function (button, index) {
      if (index === 0) return;
      button.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        wired.click();
      });
    });
  }

  function titleText(admonition) {
    var title = admonition.querySelector(".admonition-title");
    if (!title) return "";
    var copy = title.cloneNode(true);
    copy.querySelectorAll("button, .headerlink").forEach(function (el) { el.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* Each solution's toggle is named after its exercise ("Solution to Question 2: ..."). */
  function nameToggles() {
    var exercise = "";
    document.querySelectorAll(".admonition").forEach(function (admonition) {
      if (admonition.classList.contains("exercise")) {
        exercise = titleText(admonition).replace(/^Exercise\s*\((.*)\)$/, "$1");
        return;
      }
      var button = admonition.querySelector(":scope > .admonition-title .toggle-button");
      if (!button) return;
      var name;
      if (admonition.classList.contains("solution")) {
        name = exercise ? "Solution to " + exercise : "Solution";
      } else {
        name = titleText(admonition) || "More";
      }
      button.setAttribute("aria-label", name);
      button.setAttribute("title", name);
    });
  }

  /* Search result snippets are cut from the page's text: leave the solutions out of it. */
  function searchWithoutSolutions() {
    if (typeof Search === "undefined" || !Search.htmlToText || Search._bookWrapped) return;
    var original = Search.htmlToText;
    Search.htmlToText = function (htmlString, anchor) {
      var doc = new DOMParser().parseFromString(htmlString, "text/html");
      doc.querySelectorAll(".solution").forEach(function (el) { el.remove(); });
      return original(doc.documentElement.outerHTML, anchor);
    };
    Search._bookWrapped = true;
  }

  function start() {
    forwardToggles(".primary-toggle");
    forwardToggles(".secondary-toggle");
    nameToggles();
    searchWithoutSolutions();
  }

  window.addEventListener("load", nameToggles);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
