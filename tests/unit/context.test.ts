import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextFromEnvironment, shownPath, siteConfigPath } from '../../src/lib/context.ts';
import { tempFolders } from '../helpers/temp-folders.ts';

const folder = tempFolders('context-');

describe('contextFromEnvironment', () => {
  it('puts everything in the project folder when nothing is named', () => {
    const root = folder({});
    expect(contextFromEnvironment({}, root)).toEqual({
      rootDir: root,
      contentDir: join(root, 'content'),
      configFile: undefined,
      outDir: join(root, 'dist'),
      reportFile: join(root, 'errata-report.json'),
    });
    expect(siteConfigPath(contextFromEnvironment({}, root))).toBe(join(root, 'content', '_config.yml'));
  });

  it('reads the environment, relative to the project folder, with the report beside the output', () => {
    const root = folder({});
    const context = contextFromEnvironment({ ERRATA_CONTENT_DIR: 'docs', ERRATA_OUT_DIR: 'build/site', ERRATA_CONFIG: 'jekyll_config.yml' }, root);
    expect(context).toMatchObject({ contentDir: join(root, 'docs'), outDir: join(root, 'build/site'), configFile: join(root, 'jekyll_config.yml'), reportFile: join(root, 'build', 'errata-report.json') });
    expect(siteConfigPath(context)).toBe(join(root, 'jekyll_config.yml'));
    expect(contextFromEnvironment({ ERRATA_REPORT: '/tmp/r.json' }, root).reportFile).toBe('/tmp/r.json');
  });

  it('takes the config from package.json, below the environment, below the command’s flag', () => {
    const root = folder({ 'package.json': JSON.stringify({ errata: { config: 'from-package.yml' } }) });
    expect(contextFromEnvironment({}, root).configFile).toBe(join(root, 'from-package.yml'));
    expect(contextFromEnvironment({ ERRATA_CONFIG: 'from-env.yml' }, root).configFile).toBe(join(root, 'from-env.yml'));
    expect(contextFromEnvironment({ ERRATA_CONFIG: 'from-env.yml' }, root, { configFile: 'from-flag.yml' }).configFile).toBe(join(root, 'from-flag.yml'));
    expect(contextFromEnvironment({ ERRATA_CONTENT_DIR: 'a' }, root, { contentDir: 'b', reportFile: 'r.json' })).toMatchObject({ contentDir: join(root, 'b'), reportFile: join(root, 'r.json') });
  });

  it('ignores a package.json it cannot read, as npm reports it first', () => {
    const root = folder({ 'package.json': '{ not json' });
    expect(contextFromEnvironment({}, root).configFile).toBeUndefined();
  });
});

it('shows paths inside the project relative to it, others whole', () => {
  expect(shownPath('/p/content/a.md', '/p')).toBe('content/a.md');
  expect(shownPath('/elsewhere/a.md', '/p')).toBe('/elsewhere/a.md');
  expect(shownPath('/p', '/p')).toBe('/p');
});
