/**
 * Synthetic error entries for benchmarks: distinct, realistic-looking error messages from a
 * seeded vocabulary, and the Markdown of each entry per locale.
 */

const WORDS = (
  'account action adapter agent alias allocation anchor archive asset audit backend batch binding blob bucket buffer ' +
  'bundle cache callback canvas capture catalog certificate channel checksum chunk cipher claim client cluster codec ' +
  'column commit compiler config connector consumer container context cookie counter credential cursor daemon dataset ' +
  'decoder delegate deployment descriptor device digest directory dispatcher document domain driver element emitter ' +
  'encoder endpoint engine entity envelope event exporter extension fetcher field filter fixture folder formatter frame ' +
  'gateway generator geometry graph handle handler header heap hook host identity importer index inspector instance ' +
  'interpreter invoice issuer job journal kernel key keystore label launcher layer layout ledger library license link ' +
  'listener loader locale lock logger manifest mapper matrix mesh message metric migration mirror module monitor mount ' +
  'namespace node notifier object observer operator option package packet page parser partition payload peer pipeline ' +
  'plugin policy pool port printer probe process producer profile project prompt property protocol provider proxy ' +
  'publisher queue quota reader realm record reducer region registry relay renderer replica repository request ' +
  'resolver resource response role route runner runtime sampler scheduler schema scope script secret segment selector ' +
  'sequence serializer server service session shader shard signal signer sink slot snapshot socket solver source ' +
  'spooler stage statement storage stream subscriber supervisor surface switch symbol table tag target task template ' +
  'tenant texture thread ticket timer token topic tracker transaction transformer transport trigger tunnel upload ' +
  'validator value variable vault vector version viewer volume watcher webhook widget worker workflow writer zone'
).split(' ');

const FAILURES = [
  'could not be opened', 'is already locked', 'was rejected by the peer', 'timed out after retrying', 'is not registered',
  'exceeded its quota', 'failed checksum verification', 'is missing a required field', 'refused the connection',
  'has an unsupported format', 'was closed unexpectedly', 'is not writable', 'returned an empty response',
  'is out of date', 'cannot be resolved', 'was not found in the index', 'has no matching signature', 'is already in use',
];

const SHAPES = ['python', 'node', 'java', 'dotnet', 'go', 'log'] as const;
export type Shape = (typeof SHAPES)[number];

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);

export interface SyntheticEntry {
  readonly pagename: string;
  readonly category: string;
  readonly shape: Shape;
  readonly heading: string;
  readonly errors: readonly string[];
  markdown(locale: string): string;
}

const SECTIONS: Record<string, [string, string, string, string]> = {
  en: ['When it happens', 'Cause', 'How to fix it', 'This happens when {% include product %} runs the step that uses the'],
  ja: ['発生する状況', '原因', '修正方法', '{% include product %} がこの処理を実行すると発生します:'],
  ko: ['발생 상황', '원인', '해결 방법', '{% include product %}에서 이 단계를 실행하면 발생합니다:'],
  zh_CN: ['何时发生', '原因', '解决方法', '{% include product %} 运行此步骤时发生:'],
};

/** `count` entries with distinct error messages; the same seed gives the same catalog. */
export function syntheticEntries(count: number, seed = 20261127): SyntheticEntry[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const seen = new Set<string>();
  const entries: SyntheticEntry[] = [];
  while (entries.length < count) {
    const [a, b, c] = [pick(WORDS), pick(WORDS), pick(WORDS)];
    const failure = pick(FAILURES);
    const shape = SHAPES[entries.length % SHAPES.length]!;
    const code = `${(a.slice(0, 3) + b.slice(0, 3)).toUpperCase()}_${Math.floor(next() * 9000 + 1000)}`;
    const className = `${capital(a)}${capital(b)}Error`;
    const heading =
      shape === 'python' ? `${a}.errors.${className}: ${c} ${failure} [${code}]`
      : shape === 'node' ? `Error [ERR_${a.toUpperCase()}_${b.toUpperCase()}]: ${capital(c)} ${failure} (${code})`
      : shape === 'java' ? `com.${a}.${b}.${capital(c)}Exception: ${capital(c)} ${failure}: ${code}`
      : shape === 'dotnet' ? `System.${capital(a)}.${capital(b)}Exception: The ${c} ${failure}. (${code})`
      : shape === 'go' ? `${a}: ${b} ${c}: ${failure} (${code})`
      : `[ERROR ${a}_${b}] ${capital(c)} ${failure}: ${code}`;
    if (seen.has(heading)) continue;
    seen.add(heading);
    const index = entries.length;
    const pagename = `${a}-${b}-${c}-${index}`;
    // Each entry links the one before it, so links between entries resolve at every size.
    const previous = entries[index - 1]?.pagename;
    const category = pick(['python', 'node', 'java', 'dotnet', 'go', 'logs']);
    const errors = [`${className}: ${c} ${failure}`, `${code}: ${a} ${b} ${failure}`];
    entries.push({
      pagename,
      category,
      shape,
      heading,
      errors,
      markdown(locale) {
        const [when, cause, fix, intro] = SECTIONS[locale] ?? SECTIONS['en']!;
        return [
          '---',
          'layout: default',
          `title: ${JSON.stringify(heading.slice(0, 90))}`,
          `pagename: ${pagename}`,
          `lang: ${locale}`,
          `category: ${category}`,
          `description: ${JSON.stringify(`${capital(c)} ${failure} in the ${a} ${b}.`)}`,
          'errors:',
          ...errors.map((error) => `  - ${JSON.stringify(error)}`),
          '---',
          '',
          `# \`${heading}\``,
          '',
          `## ${when}`,
          '',
          `${intro} ${a} ${b} (${c}).`,
          '',
          '```',
          'Traceback (most recent call last):',
          `  File "/home/dana/work/${a}/${b}.py", line ${10 + (index % 300)}, in run`,
          `    ${b}.${c}(config)`,
          `  File "/opt/tool/lib/${a}/core.py", line ${100 + (index % 900)}, in ${c}`,
          `    raise ${className}(${JSON.stringify(c)})`,
          heading,
          '```',
          '',
          `## ${cause}`,
          '',
          `The ${c} of the ${a} ${b} ${failure}.${previous ? ` See also [a related entry](./${previous}.md).` : ''}`,
          '',
          `## ${fix}`,
          '',
          '1. Check the configuration:',
          '',
          `       $ tool ${a} check --${b}`,
          `       ${code}: ${failure}`,
          '',
          `2. Retry after fixing the ${c}.`,
          '',
        ].join('\n');
      },
    });
  }
  return entries;
}
