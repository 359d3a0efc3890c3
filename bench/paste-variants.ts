/**
 * Realistic pastes made from a catalogued error message, as other users would paste it: with
 * their own paths, line numbers, ids and values, inside the traceback or log their tool
 * printed, in older formatting, with a typo, or cut off. For benchmarks only.
 */

export interface PasteVariant {
  readonly kind: 'alone' | 'traceback' | 'log' | 'format' | 'typo' | 'truncated';
  readonly text: string;
}

export function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const USERS = ['marta', 'jkim', 'o.ndiaye', 'wei', 'ana-lucia', 'tkato'];
const NAMES = ['numpy', 'left_pad', 'terraform', 'orders', 'build-cache', 'kube'];

/** Another user's machine: their paths, line numbers, ids, ports and quoted values. */
export function otherMachine(line: string, next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const user = pick(USERS);
  return line
    .replace(/\b[A-Z]:\\(?:[^\s'"<>|:*?]+\\)*[^\s'"<>|:*?]*/g, () => `D:\\Users\\${user}\\work\\proj\\file.txt`)
    .replace(/(?:~|\.{1,2})?(?:\/[\w.@%+~-]+){2,}\/?/g, () => `/home/${user}/src/app/main.py`)
    .replace(/\b(line |:line |\.\w{1,4}:)\d+/g, (_, prefix: string) => `${prefix}${1 + Math.floor(next() * 2000)}`)
    .replace(/\b(id|pid|port)([: =]+)\d+/gi, (_, key: string, sep: string) => `${key}${sep}${1000 + Math.floor(next() * 60000)}`)
    .replace(/(?<![\p{L}\p{N}])'(?![A-Z][A-Z0-9_]{3,}')[^'\n]{1,40}'(?![\p{L}\p{N}])/gu, () => `'${pick(NAMES)}'`)
    .replace(/\b0x[0-9a-f]{1,4}\b/gi, () => `0x${Math.floor(next() * 255).toString(16)}`)
    .replace(/:(\d{4})\b/g, () => `:${3000 + Math.floor(next() * 6000)}`);
}

function wrapInTraceback(line: string, next: () => number): string {
  const lineNo = () => 1 + Math.floor(next() * 900);
  if (/^(?:java|javax|com|org|io|net|kotlin)\.[\w.$]+(?:Exception|Error)\b/.test(line)) {
    return [`Exception in thread "main" ${line}`, `\tat com.acme.app.Service.run(Service.java:${lineNo()})`, `\tat com.acme.app.Main.main(Main.java:${lineNo()})`, '\t... 4 more'].join('\n');
  }
  if (/^System\.[\w.]+/.test(line)) {
    return [`Unhandled exception. ${line}`, '   at Acme.Worker.Run() in C:\\build\\src\\Worker.cs:line ' + lineNo(), '   at Acme.Program.Main(String[] args)'].join('\n');
  }
  if (/^(?:\w*Error|Error) ?[[:]/.test(line) && !/^[\w.]+Error: /.test(line.replace(/^Error: /, ''))) {
    return [line, `    at Object.<anonymous> (/srv/app/index.js:${lineNo()}:9)`, '    at Module._compile (node:internal/modules/cjs/loader:1554:14)', '', 'Node.js v22.11.0'].join('\n');
  }
  if (/^[\w.]*(?:Error|Exception|Warning)\b:/.test(line)) {
    return ['Traceback (most recent call last):', `  File "/home/wei/tools/run.py", line ${lineNo()}, in <module>`, '    main()', `  File "/home/wei/tools/run.py", line ${lineNo()}, in main`, '    do_work(config)', line].join('\n');
  }
  return ['$ ./deploy.sh --verbose', 'step 1/3: preparing', line, 'deploy failed'].join('\n');
}

function typo(line: string, next: () => number): string {
  const words = [...line.matchAll(/\b[a-z]{5,}\b/g)];
  const word = words[Math.floor(next() * words.length)];
  if (!word || word.index === undefined) return line;
  const at = word.index + 1 + Math.floor(next() * (word[0].length - 2));
  return line.slice(0, at) + line[at + 1] + line[at] + line.slice(at + 2);
}

/** Six pastes of one catalogued error message. */
export function pasteVariants(message: string, seed: number): PasteVariant[] {
  const next = random(seed);
  const mine = otherMachine(message, next);
  return [
    { kind: 'alone', text: mine },
    { kind: 'traceback', text: wrapInTraceback(mine, next) },
    {
      kind: 'log',
      text: [
        '2026-03-02 14:11:09,312 INFO  [scheduler] job 8812 started',
        `2026-03-02 14:11:09,980 ERROR [worker-3] ${mine}`,
        '2026-03-02 14:11:10,001 INFO  [scheduler] job 8812 finished with errors in 688ms',
      ].join('\n'),
    },
    // Older formatting: Python 2 printed module names without quotes; loggers bracket the source.
    { kind: 'format', text: /^[\w.]*(?:Error|Exception)\b:/.test(mine) ? mine.replace(/'([^'\s]+)'/g, '$1') : `[ERROR publish_step] ${mine}` },
    { kind: 'typo', text: wrapInTraceback(typo(mine, next), next) },
    { kind: 'truncated', text: `Something went wrong:\n${mine.slice(0, Math.max(24, Math.ceil(mine.length * 0.7)))}` },
  ];
}
