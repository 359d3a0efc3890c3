// errata: applies the reader's saved theme before the first paint, so a page never flashes the
// other theme. Loaded as a small blocking script in <head> (no inline script: the site's CSP
// will not allow one). The key is THEME_STORAGE_KEY in src/lib/browser/theme.ts.
try {
  var errataTheme = window.localStorage.getItem('errata-theme');
  if (errataTheme === 'light' || errataTheme === 'dark') document.documentElement.setAttribute('data-theme', errataTheme);
} catch (error) {
  // Storage can be disabled; the page then follows the system setting.
}
