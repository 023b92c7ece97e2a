/* Stödguiden on every page: "Dela", "Lämna sidan snabbt" and link addresses for print.
   Plain JavaScript, no library. Every feature also works, more simply, without this file. */
(function () {
  "use strict";

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

  /* --- Print: links inside the site get their full address, shown after the link by utskrift.css --- */
  var links = document.querySelectorAll(".md-content a[href]");
  Array.prototype.forEach.call(links, function (link) {
    var href = link.getAttribute("href");
    if (!/^(#|[a-z]+:)/i.test(href)) {
      link.setAttribute("data-sg-href", link.href);
    }
  });
})();
