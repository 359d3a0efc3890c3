/**
 * A small static file server for dist/, with the behaviour static hosts have: `/path/` serves
 * `/path/index.html`, a path without its trailing slash redirects to it, and an unknown path
 * gets its locale's 404 page (or `/404.html`) with status 404. Used by `npm run serve` and the
 * browser tests, so both see the site as a host would serve it.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  readonly root: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** The file for a URL path, or undefined; never a file outside `root`. */
function resolveFile(root: string, pathname: string): { file: string } | { redirect: string } | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  if (decoded.endsWith('/')) return isFile(join(path, 'index.html')) ? { file: join(path, 'index.html') } : undefined;
  if (isFile(path)) return { file: path };
  if (isFile(join(path, 'index.html'))) return { redirect: `${pathname}/` };
  return undefined;
}

/** `/ja/anything` → `dist/ja/404/index.html` when it exists, else `dist/404.html`. */
function notFoundFile(root: string, pathname: string): string | undefined {
  const segment = pathname.split('/')[1] ?? '';
  const localized = /^[a-z0-9-]+$/i.test(segment) ? join(root, segment, '404', 'index.html') : undefined;
  if (localized && isFile(localized)) return localized;
  return isFile(join(root, '404.html')) ? join(root, '404.html') : undefined;
}

/**
 * The headers a `_headers` file gives every path (`/*`), so that pages are served here as a
 * host that reads the file would serve them (the Content-Security-Policy in particular).
 */
function readSiteHeaders(root: string): Record<string, string> {
  const path = join(root, '_headers');
  if (!isFile(path)) return {};
  const headers: Record<string, string> = {};
  let inAllPaths = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (/^\S/.test(line)) inAllPaths = line.trim() === '/*';
    else if (inAllPaths) {
      const match = /^\s+([\w-]+):\s*(.*)$/.exec(line);
      if (match?.[1] && match[2] !== undefined) headers[match[1].toLowerCase()] = match[2];
    }
  }
  return headers;
}

/**
 * Serves the files of `root` as a host would. With `next` (a middleware chain, such as the dev
 * server's), a path with no file is passed on instead of getting a 404 page.
 */
export function staticFiles(root: string): (request: IncomingMessage, response: ServerResponse, next?: () => void) => void {
  const folder = normalize(root);
  const siteHeaders = readSiteHeaders(folder);
  return (request, response, next) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const found = resolveFile(folder, url.pathname);
    if (found && 'redirect' in found) {
      response.writeHead(301, { location: found.redirect + url.search });
      response.end();
      return;
    }
    if (!found && next) {
      next();
      return;
    }
    const file = found?.file ?? notFoundFile(folder, url.pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(found ? 200 : 404, {
      ...siteHeaders,
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  };
}

export function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const server = createServer(staticFiles(options.root));
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolvePromise({
        url: `http://${options.host ?? '127.0.0.1'}:${port}`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
