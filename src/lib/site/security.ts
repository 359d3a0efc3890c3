/**
 * The site's Content-Security-Policy, for a static host: only the site's own scripts, styles
 * and requests; no inline script or style (the build emits none), no plugins, no framing.
 * Pagefind compiles WebAssembly, hence 'wasm-unsafe-eval' (which allows no JavaScript eval).
 * Entries may show images from other sites over HTTPS.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self' https:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** For `<meta http-equiv>`, which cannot carry `frame-ancestors`. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/**
 * The policy under `npm run dev`, where Vite puts the stylesheets inline so that an edit shows
 * without a reload; scripts stay as strict as on the built site.
 */
export const DEV_CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${name === 'style-src' ? `${value} 'unsafe-inline'` : value}`).join('; ');

/** A `_headers` file (Netlify, Cloudflare Pages) sending the same policy as real headers. */
export function headersFile(): string {
  return [
    '/*',
    `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
