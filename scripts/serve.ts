/** `npm run serve`: serves dist/ on http://127.0.0.1:4321 (PORT and HOST override). */
import { resolve } from 'node:path';
import { startStaticServer } from '../src/server/static-server.ts';

const server = await startStaticServer({
  root: resolve(process.argv[2] ?? 'dist'),
  host: process.env['HOST'] ?? '127.0.0.1',
  port: Number(process.env['PORT'] ?? 4321),
});
console.log(`errata is served at ${server.url}  (Ctrl+C to stop)`);
