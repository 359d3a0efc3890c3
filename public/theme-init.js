// errata: runs before the first paint (a small blocking script in <head>; no inline script, so
// the site's CSP needs no 'unsafe-inline'). It applies the reader's saved theme, so a page never
// flashes the other one, and marks <html> with the class "js", so the stylesheet can keep room
// for controls the page's script will show (no layout shift when they appear).
// The storage key is THEME_STORAGE_KEY in src/lib/browser/theme.ts.
document.documentElement.classList.add('js');
try {
  var errataTheme = window.localStorage.getItem('errata-theme');
  if (errataTheme === 'light' || errataTheme === 'dark') document.documentElement.setAttribute('data-theme', errataTheme);
} catch (error) {
  // Storage can be disabled; the page then follows the system setting.
}
