/**
 * Writes a synthetic documentation tree, for `doc-nav-size.ts` and the sidebar's browser test:
 * `sections` sections, each with a page of its own and `subsections` subsections of `pages`
 * pages, in English only. With `toc`, `_data/toc.yml` orders it (sections → subsections →
 * pages, with captions from `_data/en/toc_text.yml`); without, the folder tree does (a section's
 * page is its folder's index page, `sec-3.md` beside `sec-3/`).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface DocTreeShape {
  readonly sections: number;
  readonly subsections: number;
  /** Pages per subsection. */
  readonly pages: number;
  readonly toc: boolean;
}

/** Page names, also the URLs' last segment: `/en/<pagename>/`. */
export const sectionName = (section: number) => `sec-${section}`;
export const pageName = (section: number, subsection: number, page: number) => `page-${section}-${subsection}-${page}`;

/** A documentation page of a realistic length: a few sections of prose, a list and a code block. */
function pageText(pagename: string, title: string, order: number): string {
  const paragraph = `This page explains how ${title.toLowerCase()} works, which settings it reads, and what to check when it does not behave as described. Each step names the file it changes and the command that shows the result.`;
  return [
    '---',
    'layout: page',
    `title: "${title}"`,
    `pagename: ${pagename}`,
    'lang: en',
    `nav_order: ${order}`,
    '---',
    '',
    `# ${title}`,
    '',
    paragraph,
    '',
    '## Before you start',
    '',
    paragraph,
    '',
    '- A workstation with the plugins installed',
    '- Write access to the project folder',
    '- The licence server reachable from the workstation',
    '',
    '## Steps',
    '',
    paragraph,
    '',
    '```sh',
    `lumen config set ${pagename}.enabled true`,
    `lumen config show ${pagename}`,
    '```',
    '',
    '## What to check',
    '',
    paragraph,
    '',
  ].join('\n');
}

/** Writes the tree's `content/` folder under `root` (emptied first); returns its path. */
export function writeDocTree(root: string, shape: DocTreeShape): string {
  const content = join(root, 'content');
  rmSync(root, { recursive: true, force: true });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  };
  write('_config.yml', 'title: Docs bench\nurl: https://docs.bench.example\nlanguages: ["en"]\ndefault_lang: en\n');
  const toc: string[] = [];
  const captions: string[] = [];
  for (let s = 0; s < shape.sections; s += 1) {
    write(`en/${sectionName(s)}.md`, pageText(sectionName(s), `Section ${s}`, s));
    toc.push(`- caption: section_${s}`, `  page: ${sectionName(s)}`, '  children:');
    captions.push(`section_${s}: "Section ${s}"`);
    for (let u = 0; u < shape.subsections; u += 1) {
      toc.push(`    - caption: part_${s}_${u}`, '      children:');
      captions.push(`part_${s}_${u}: "Part ${s}.${u}"`);
      for (let p = 0; p < shape.pages; p += 1) {
        const name = pageName(s, u, p);
        write(`en/${sectionName(s)}/part-${u}/${name}.md`, pageText(name, `Topic ${s}.${u}.${p}`, p));
        toc.push(`        - page: ${name}`);
      }
    }
  }
  if (shape.toc) {
    write('_data/toc.yml', `${toc.join('\n')}\n`);
    write('_data/en/toc_text.yml', `${captions.join('\n')}\n`);
  }
  return content;
}
