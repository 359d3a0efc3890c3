/**
 * `npm run schema`: writes the JSON Schema of the front matter of `content/` (its languages,
 * layouts and categories) to schemas/front-matter.schema.json, for editors and other tools.
 * Run it after changing the languages, categories or layouts; a test fails while it is stale.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../src/lib/build/write-atomic.ts';
import { contextFromEnvironment, shownPath } from '../src/lib/context.ts';
import { DiagnosticSink, formatDiagnostic } from '../src/lib/validation/diagnostic.ts';
import { FRONT_MATTER_SCHEMA_FILE, frontMatterJsonSchemaText } from '../src/lib/validation/front-matter-json-schema.ts';
import { loadSiteSources } from '../src/lib/content/site-sources.ts';

const sink = new DiagnosticSink();
const { contentDir, rootDir, configFile } = contextFromEnvironment(process.env, process.cwd());
const sources = loadSiteSources(contentDir, rootDir, sink, configFile);
const errors = sink.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
if (errors.length > 0) {
  for (const error of errors) console.error(formatDiagnostic(error));
  console.error('The site config has errors: fix them first (npm run check).');
  process.exit(1);
}
const file = join(rootDir, FRONT_MATTER_SCHEMA_FILE);
writeFileAtomic(file, frontMatterJsonSchemaText(sources));
console.log(`Wrote ${shownPath(file, rootDir)}`);
