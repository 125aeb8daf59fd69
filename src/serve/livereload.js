// folio live preview: injected only while `folio serve` runs, never written to the output.
(function () {
  "use strict";
  var overlayId = "folio-overlay";
  var retry = 250;
  // The build this page was rendered from: the server answers "reload" at once when
  // a rebuild finished between rendering the page and opening the socket.
  var build = document.currentScript && document.currentScript.getAttribute("data-build");

  function removeOverlay() {
    var old = document.getElementById(overlayId);
    if (old) old.remove();
  }

  function showErrors(errors) {
    removeOverlay();
    var box = document.createElement("div");
    box.id = overlayId;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
      "background:rgba(20,20,24,.94);color:#f5f5f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;";
    var title = document.createElement("h2");
    title.textContent = errors.length === 1 ? "folio: 1 error" : "folio: " + errors.length + " errors";
    title.style.cssText = "margin:0 0 1rem;font:600 18px system-ui,sans-serif;color:#ff8a80;";
    box.appendChild(title);
    errors.forEach(function (e) {
      var item = document.createElement("section");
      item.className = "folio-error";
      item.style.cssText = "margin:0 0 1rem;padding:1rem;border-left:4px solid #ff5252;background:#2a2a30;";
      var where = document.createElement("div");
      where.className = "folio-error-place";
      where.textContent = e.file + (e.line ? ":" + e.line + (e.column ? ":" + e.column : "") : "");
      where.style.cssText = "color:#82b1ff;";
      var message = document.createElement("pre");
      message.className = "folio-error-message";
      message.textContent = e.message + (e.help ? "\n" + e.help : "");
      message.style.cssText = "margin:.5rem 0 0;white-space:pre-wrap;";
      item.appendChild(where);
      item.appendChild(message);
      box.appendChild(item);
    });
    var hint = document.createElement("p");
    hint.textContent = "Fix the file and save: this page updates by itself. The pages keep their last good version meanwhile.";
    hint.style.cssText = "color:#bbb;font-family:system-ui,sans-serif;";
    box.appendChild(hint);
    document.body.appendChild(box);
  }

  function swapStylesheets(paths) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    links.forEach(function (link) {
      var url = new URL(link.href, location.href);
      var path = url.pathname.replace(/^\//, "");
      if (paths.indexOf(path) >= 0 || paths.indexOf(decodeURIComponent(path)) >= 0) {
        url.searchParams.set("folio", Date.now().toString());
        var fresh = link.cloneNode();
        fresh.href = url.toString();
        fresh.onload = function () { link.remove(); };
        link.after(fresh);
      }
    });
  }

  function connect() {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__folio/ws" +
      (build ? "?build=" + encodeURIComponent(build) : ""));
    socket.onopen = function () { retry = 250; };
    socket.onmessage = function (event) {
      var msg = JSON.parse(event.data);
      if (msg.type === "reload") location.reload();
      else if (msg.type === "css") { removeOverlay(); swapStylesheets(msg.paths); }
      else if (msg.type === "error") showErrors(msg.errors);
      else if (msg.type === "ok") removeOverlay();
    };
    socket.onclose = function () {
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 4000);
    };
  }
  connect();
})();
