// Facades of embedded posts and videos: nothing is loaded from the platform until the
// reader presses a facade's button, which replaces the preview by the platform's player.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("button[data-embed-src]");
  if (!button) return;
  var frame = document.createElement("iframe");
  frame.src = button.getAttribute("data-embed-src");
  frame.title = button.getAttribute("data-embed-title") || "";
  frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
  frame.allowFullscreen = true;
  frame.className = "facade-iframe";
  var box = button.parentNode;
  box.replaceChildren(frame);
  box.closest(".facade").classList.add("facade-playing");
  frame.focus();
});
