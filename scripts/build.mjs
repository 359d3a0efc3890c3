// `npm run build`: turns on Node's compile cache, then runs scripts/build.ts. The cache keeps the
// compiled code of every module, TypeScript with its types stripped, from one build to the next;
// it must be on before the first TypeScript file loads, so this one is JavaScript.
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';

enableCompileCache(join(import.meta.dirname, '..', 'node_modules', '.cache', 'errata', 'compiled-code'));
await import('./build.ts');
