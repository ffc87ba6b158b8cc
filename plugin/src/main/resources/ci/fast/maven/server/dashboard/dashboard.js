// Shows changes as they happen: waits on the server for a version past the page's own, then reloads, at most every
// two seconds however busy the server is. The body says where to wait (data-wait) and from which version
// (data-version); a page with no data-wait is final and waits for nothing.
(function () {
  var body = document.body;
  var url = body.getAttribute('data-wait');
  var seen = body.getAttribute('data-version');
  var loaded = Date.now();
  if (!url) return;

  function wait() {
    fetch(url + '?since=' + encodeURIComponent(seen), { cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) throw new Error('status ' + r.status);
        return r.text();
      })
      .then(function (text) {
        if (text.trim() === seen) {
          wait();
        } else {
          setTimeout(function () { location.reload(); }, Math.max(0, 2000 - (Date.now() - loaded)));
        }
      })
      .catch(function () { setTimeout(wait, 5000); });
  }
  wait();
})();
