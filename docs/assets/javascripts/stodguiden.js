/* Stödguiden on every page: "Dela", "Lämna sidan snabbt", link addresses for print and the search field in the
   header. Plain JavaScript, no library. Every feature also works, more simply, without this file. */
(function () {
  "use strict";

  var script = document.currentScript;

  /* --- Dela: the system share sheet where there is one, else mail and SMS links with the address --- */
  function shareText(box) {
    return box.getAttribute("data-sg-title") + "\n" + location.href;
  }

  function updateShare(box) {
    var title = box.getAttribute("data-sg-title");
    var mail = box.querySelector("[data-sg-share-mail]");
    var sms = box.querySelector("[data-sg-share-sms]");
    if (mail) {
      mail.href = "mailto:?subject=" + encodeURIComponent(title) + "&body=" + encodeURIComponent(shareText(box));
    }
    if (sms) {
      sms.href = "sms:?&body=" + encodeURIComponent(shareText(box));
    }
  }

  function setUpShare(box) {
    updateShare(box);
    if (typeof navigator.share !== "function") {
      return;
    }
    var button = box.querySelector(".sg-share__button");
    var links = box.querySelector(".sg-share__links");
    button.hidden = false;
    links.hidden = true;
    button.addEventListener("click", function () {
      navigator.share({ title: box.getAttribute("data-sg-title"), url: location.href }).catch(function () {
        /* the parent closed the share sheet: nothing to do */
      });
    });
  }

  var boxes = document.querySelectorAll("[data-sg-share]");
  Array.prototype.forEach.call(boxes, setUpShare);
  /* the finder changes the address when a filter changes */
  document.addEventListener("sg:address", function () {
    Array.prototype.forEach.call(boxes, updateShare);
  });

  /* --- Lämna sidan snabbt: replace this page, so Back does not return to it --- */
  var leave = document.querySelector("[data-sg-leave]");
  if (leave) {
    var go = function () {
      document.title = "";
      document.body.style.display = "none"; /* nothing of the page stays on screen while the next one loads */
      location.replace(leave.href);
    };
    leave.addEventListener("click", function (event) {
      event.preventDefault();
      go();
    });
    var escapes = 0;
    document.addEventListener("keydown", function (event) {
      escapes = event.key === "Escape" ? escapes + 1 : 0;
      if (escapes >= 2) {
        go();
      }
    });
  }

  /* --- The search field in the header: its form leads to sok/, whose own script (sok.js) does the search --- */

  /* As soon as the parent shows interest in searching, the index is fetched into the browser's cache, so that the
     results page has it at once. The results page fetches it itself, when its script runs. */
  if (!document.querySelector("[data-sg-search-page]")) {
    var index = new URL("../../sok/index.json", script ? script.src : location.href).href;
    document.querySelectorAll("form.sg-header-search input[name=q]").forEach(function (field) {
      field.addEventListener("focus", function () {
        fetch(index).then(function (response) { return response.arrayBuffer(); }).catch(function () {});
      }, {once: true});
    });
  }

  /* On a region's site, a search from the header keeps to the municipality the parent has chosen: the one in
     the address (?kommun=2309, on the finder or the results page) or the one whose page this is. It is read
     when the form is sent, since the finder and the results page change the address as the choice changes,
     and goes along as a hidden field; nothing is stored in the browser. */
  document.querySelectorAll("form.sg-header-search").forEach(function (form) {
    form.addEventListener("submit", function () {
      var page = document.querySelector("[data-sg-kommun]");
      var kommun = new URLSearchParams(location.search).get("kommun") ||
        (page ? page.getAttribute("data-sg-kommun") : "");
      var hidden = form.querySelector("input[name=kommun]");
      if (!/^[0-9]{4}$/.test(kommun || "")) {
        if (hidden) hidden.remove();
        return;
      }
      if (!hidden) {
        hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = "kommun";
        form.appendChild(hidden);
      }
      hidden.value = kommun;
    });
  });

  /* --- Print: links inside the site get their full address, shown after the link by utskrift.css --- */
  var links = document.querySelectorAll(".md-content a[href]");
  Array.prototype.forEach.call(links, function (link) {
    var href = link.getAttribute("href");
    if (!/^(#|[a-z]+:)/i.test(href)) {
      link.setAttribute("data-sg-href", link.href);
    }
  });
})();
