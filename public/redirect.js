// The redirect pages' script (see src/lib/routing/redirect-page.ts): goes to the page named in
// <meta name="errata:redirect">, keeping the old link's query (?title=…) and #fragment, before
// the meta refresh (which would drop both) fires. A fragment in the target is kept unless the
// old link has its own.
(function () {
  var meta = document.querySelector('meta[name="errata:redirect"]');
  var target = meta && meta.getAttribute('content');
  if (!target) return;
  var hashAt = target.indexOf('#');
  var path = hashAt === -1 ? target : target.slice(0, hashAt);
  var hash = location.hash || (hashAt === -1 ? '' : target.slice(hashAt));
  location.replace(path + location.search + hash);
})();
