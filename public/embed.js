/* Saison — embeds a public page (calendar or booking search) in any website with one line:
 *   <script src="https://saison.example/embed.js" data-saison="https://saison.example/public/…" async></script>
 * It inserts an iframe right where the script stands and sizes it to the page inside, which reports
 * its height (and nothing else) by postMessage. No cookie, no dependency. */
(function () {
  var script = document.currentScript;
  if (!script) return;
  var src = script.getAttribute('data-saison');
  if (!src) return;
  var frame = document.createElement('iframe');
  frame.src = src;
  frame.title = script.getAttribute('data-title') || 'Saison';
  frame.loading = 'lazy';
  frame.style.cssText = 'width:100%;height:640px;border:0;display:block';
  var origin;
  try { origin = new URL(src, location.href).origin; } catch (e) { return; }
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (data && data.saison === 'height' && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = Math.min(Math.ceil(data.height), 20000) + 'px';
    }
  });
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
