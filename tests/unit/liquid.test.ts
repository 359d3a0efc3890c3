import { describe, expect, it } from 'vitest';
import { createLiquidRenderer } from '../../src/lib/liquid/render-liquid.ts';

const renderer = createLiquidRenderer(new Map([['product', 'Errata Workbench\n'], ['tk-maya', 'tk-maya']]));
const scope = { site: { title: 'errata', support_forum: 'https://forum.example', data: { versions: { current: '2.1' } } }, page: { title: 'My page', lang: 'en' } };
const origin = { line: 7, column: 1 };
/** Output and problems; the source map is tested on its own. */
const render = (text: string) => {
  const { output, problems } = renderer.render(text, scope, origin);
  return { output, problems };
};

describe('Liquid includes', () => {
  it.each([
    ['a heading', '## Restart {% include product %}', '## Restart Errata Workbench'],
    ['a paragraph', 'Open {% include product %} and retry.', 'Open Errata Workbench and retry.'],
    ['link text', '[{% include product %} docs](https://example.org)', '[Errata Workbench docs](https://example.org)'],
    ['inline code', '`{% include product %} --version`', '`Errata Workbench --version`'],
    ['a code block', '```\n$ {% include tk-maya %} start\n```', '```\n$ tk-maya start\n```'],
  ])('are replaced in %s, without the file\'s final newline', (_, text, expected) => {
    expect(render(text)).toEqual({ output: expected, problems: [] });
  });

  it('reports an unknown include at the tag, in file coordinates', () => {
    expect(render('Line one.\nUse {% include prodcut %} here.').problems).toEqual([
      {
        at: { line: 8, column: 5 },
        ruleId: 'liquid-include-unknown',
        severity: 'error',
        message: 'Unknown include "prodcut". Files in content/_includes/: product, tk-maya. Built in: note, info, tip, important, warning, caution, danger, figure. Create content/_includes/prodcut or fix the name.',
      },
    ]);
  });

  it('reports a tag inside an include parameter, which would end the include early', () => {
    expect(render('{% include product title="{% include tk-maya %} x" %}').problems.map((p) => [p.at, p.ruleId])).toEqual([[{ line: 7, column: 1 }, 'liquid-syntax']]);
  });

  it('reports every unknown include of a file, not only the first', () => {
    expect(render('{% include a %} and {% include b %}').problems.map((p) => p.at)).toEqual([
      { line: 7, column: 1 },
      { line: 7, column: 21 },
    ]);
  });
});

describe('Liquid variables', () => {
  it('prints site and page values, nested data and bare config keys', () => {
    expect(render('{{ site.title }} / {{ page.title }} / {{ site.data.versions.current }} / {{ support_forum }}').output).toBe(
      'errata / My page / 2.1 / https://forum.example',
    );
  });

  it('prints unknown variables as empty text with a warning, as Jekyll does by default', () => {
    const { output, problems } = render('a{{ site.forum }}b\n{{ page.author }}');
    expect(output).toBe('ab\n');
    expect(problems.map((p) => [p.at, p.ruleId, p.severity])).toEqual([
      [{ line: 7, column: 5 }, 'liquid-variable-unknown', 'warning'],
      [{ line: 8, column: 4 }, 'liquid-variable-unknown', 'warning'],
    ]);
    expect(problems[0]?.message).toBe('Unknown variable "site.forum". It prints as empty text. Define it in content/_config.yml (as site.forum) or in _data/. If this is literal text, wrap it in {% raw %}…{% endraw %}.');
    expect(problems[1]?.message).toContain("The page's front matter has: title, lang.");
  });

  it('reports unknown variables as errors under strict_variables, and renders nothing', () => {
    const strict = createLiquidRenderer(new Map(), { strictVariables: true, configFile: 'jekyll_config.yml' });
    const { output, problems } = strict.render('a{{ site.forum }}b', { site: {}, page: {} }, { line: 3, column: 1 });
    expect(output).toBe('a{{ site.forum }}b');
    expect(problems).toEqual([
      {
        at: { line: 3, column: 5 },
        ruleId: 'liquid-variable-unknown',
        severity: 'error',
        message: 'Unknown variable "site.forum". Define it in jekyll_config.yml (as site.forum) or in _data/. If this is literal text, wrap it in {% raw %}…{% endraw %}.',
      },
    ]);
  });

  it('names the old theme\'s HTML keys for what they are', () => {
    const lenient = createLiquidRenderer(new Map(), { configFile: 'jekyll_config.yml', themeHtmlKeys: ['custom_pre_content'] });
    const { output, problems } = lenient.render('{{ custom_pre_content }}', { site: {}, page: {} }, { line: 1, column: 1 });
    expect(output).toBe('');
    expect(problems[0]?.message).toBe('Unknown variable "custom_pre_content". It prints as empty text. jekyll_config.yml sets it to the old theme\'s HTML, which errata never prints: remove the tag. If this is literal text, wrap it in {% raw %}…{% endraw %}.');
  });

  it('keeps raw blocks literal, tags and all', () => {
    const text = '{% raw %}{{ unknown }} {% include nothing %}{% endraw %}';
    expect(render(text)).toEqual({ output: '{{ unknown }} {% include nothing %}', problems: [] });
  });

  it('reports a syntax error at the broken tag', () => {
    const { problems } = render('ok\n\n{% if %}');
    expect(problems).toHaveLength(1);
    // The position of the missing condition, just after `if`.
    expect(problems[0]?.at).toEqual({ line: 9, column: 6 });
    expect(problems[0]?.ruleId).toBe('liquid-syntax');
  });

  it('reports an output tag that is never closed', () => {
    expect(render('Text {{ site.title').problems.map((p) => [p.at, p.ruleId])).toEqual([[{ line: 7, column: 6 }, 'liquid-syntax']]);
  });

  it('leaves text without Liquid untouched', () => {
    expect(render('Plain {curly} text with 100%')).toEqual({ output: 'Plain {curly} text with 100%', problems: [] });
  });
});

describe('Jekyll\'s filters', () => {
  it('print what Jekyll prints, from liquidjs\'s own filters and the few errata adds', () => {
    const site = { ...scope.site, tags: ['ssl', 'proxy', 'dns'], shot: { name: 'a', n: [1] } };
    const { output, problems } = renderer.render(
      [
        '{{ "Hello, World! 日本語" | slugify }}',
        '{{ site.shot | jsonify }}',
        '{{ "a&b<\'c\'>" | xml_escape }}',
        '{{ "a b&c/d?" | cgi_escape }}',
        '{{ "a b/é?x=1" | uri_escape }}',
        '{{ "one two  three" | number_of_words }}',
        '{{ site.tags | array_to_sentence_string }}',
        '{{ "/en/x/" | absolute_url }}',
        '{{ "/en/x/" | relative_url }}',
      ].join('\n'),
      { site, page: {} },
      origin,
    );
    expect(problems).toEqual([]);
    expect(output.split('\n')).toEqual([
      'hello-world-日本語',
      '{"name":"a","n":[1]}',
      'a&amp;b&lt;&#39;c&#39;&gt;',
      'a+b%26c%2Fd%3F',
      'a%20b/%C3%A9?x=1',
      '3',
      'ssl, proxy, and dns',
      'http://localhost/en/x/',
      '/en/x/',
    ]);
  });
});
