/**
 * A synthetic catalog for benchmarks, shaped like real knowledge bases (see
 * `../shared/design/REAL-KB-SHAPES.md` in the workspace) and overlapping as they do: several
 * pages per exception class with different quoted names, one SSL failure reported by several
 * tools, generic and tool-specific pages for one error, server log lines with headers and values
 * no mask knows, pairs that differ only in word order or in a quoted word, and distinct errors
 * to fill. H1s are mostly plain text, there are no `errors:` fields, the log a writer saw is in
 * a code block; ko and zh_CN translate the H1 (message included), ja in half the pages.
 *
 * Each entry also makes the pastes of other users (`pastes()`): their paths, ids, hosts and
 * values, the line alone, the whole log with its context, a cut-off line. The same seed gives
 * the same catalog.
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
/** The same failures in ko and zh_CN, for translated H1s. */
const FAILURES_KO = ['열 수 없습니다', '이미 잠겨 있습니다', '상대방이 거부했습니다', '재시도 후 시간이 초과되었습니다', '등록되지 않았습니다', '할당량을 초과했습니다', '체크섬 검증에 실패했습니다', '필수 필드가 없습니다', '연결을 거부했습니다', '지원하지 않는 형식입니다', '예기치 않게 닫혔습니다', '쓸 수 없습니다', '빈 응답을 반환했습니다', '오래되었습니다', '확인할 수 없습니다', '색인에서 찾을 수 없습니다', '일치하는 서명이 없습니다', '이미 사용 중입니다'];
const FAILURES_ZH = ['无法打开', '已被锁定', '被对端拒绝', '重试后超时', '未注册', '超出配额', '校验和验证失败', '缺少必填字段', '拒绝了连接', '格式不受支持', '意外关闭', '不可写', '返回了空响应', '已过期', '无法解析', '在索引中找不到', '没有匹配的签名', '已被占用'];

const STATES = ['IDLE', 'BUSY', 'ONLINE', 'DRAINING', 'OFFLINE', 'PAUSED', 'ACTIVE', 'SUSPENDED'];
const QUOTED_STATES = ['Archived', 'Locked', 'Frozen', 'Pending', 'Retired', 'Draft'];
const USERS = ['mhart', 'dpatel', 'ykim', 'lwong', 'asato', 'bmeyer', 'cnovak', 'rgarcia'];
const PASTE_USERS = ['jkim', 'svargas', 'tnguyen', 'ofarah', 'pmiller', 'hsuzuki'];
const HOSTS = ['render-07', 'farm-12', 'ws-ana', 'db-02', 'edge-3', 'build-19'];
const PASTE_HOSTS = ['node-44', 'gpu-03', 'ws-kim', 'lnx-118'];
/** Module names only users' pastes name: the generic page is their answer. */
const PASTE_MODULES = ['requests', 'numpy', 'left_pad', 'attrs', 'tomlkit', 'rich'];

export type Shape = 'module' | 'template' | 'license' | 'ssl' | 'access' | 'server' | 'order' | 'state' | 'distinct';

export interface SyntheticPaste {
  readonly expected: string;
  readonly locales: readonly string[];
  readonly kind: string;
  readonly text: string;
}

export interface SyntheticEntry {
  readonly pagename: string;
  readonly category: string;
  readonly shape: Shape;
  /** The error the page is about, as its English H1 writes it. */
  readonly heading: string;
  markdown(locale: string): string;
  pastes(): SyntheticPaste[];
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
const ALL = ['en', 'ja', 'ko', 'zh_CN'];
const SSL_LINE = 'urllib.error.URLError: <urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)>';

const SECTIONS: Record<string, [string, string, string]> = {
  en: ['Cause', 'Solution', 'This happens when {% include product %} runs the step that uses the'],
  ja: ['原因', '解決方法', '{% include product %} がこの処理を実行すると発生します:'],
  ko: ['원인', '해결 방법', '{% include product %}에서 이 단계를 실행하면 발생합니다:'],
  zh_CN: ['原因', '解决方法', '{% include product %} 运行此步骤时发生:'],
};

/** What one entry is made of, before it is written in each language. */
interface Draft {
  readonly shape: Shape;
  readonly category: string;
  /** The English H1. */
  readonly heading: string;
  /** The H1 in ko and zh_CN (and ja when translated). */
  readonly translated: Readonly<Record<string, string>>;
  readonly title: string;
  /** The log or traceback the writer saw. */
  readonly example: readonly string[];
  readonly cause: string;
  /** Pastes of other users, without `expected`. */
  readonly pastes: readonly Omit<SyntheticPaste, 'expected'>[];
}

/** A Python traceback: frames in `modules` (the tool's own), then the error line. */
function traceback(user: string, root: string, modules: readonly string[], line: string, next: () => number): string[] {
  return [
    'Traceback (most recent call last):',
    ...modules.flatMap((module) => [`  File "${root}/${user}/${module}", line ${10 + Math.floor(next() * 400)}, in run`, '    result = step.execute(context)']),
    line,
  ];
}

function timestamp(next: () => number): string {
  const day = 1 + Math.floor(next() * 28);
  return `2025-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(Math.floor(next() * 24)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')},${Math.floor(next() * 900) + 100}`;
}

/** The catalog's drafts, family by family, until `count`. */
function drafts(count: number, next: () => number): Draft[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const out: Draft[] = [];
  const seen = new Set<string>();
  const add = (draft: Draft) => {
    if (out.length >= count || seen.has(draft.heading)) return;
    seen.add(draft.heading);
    out.push(draft);
  };
  const tool = () => `${pick(WORDS)}-${pick(WORDS)}`;
  const share = (fraction: number) => Math.max(1, Math.round(count * fraction));

  // One exception class, several quoted names; a generic page for the names no page has.
  add({
    shape: 'module', category: 'python', heading: 'ModuleNotFoundError', title: 'ModuleNotFoundError No module named',
    translated: { ko: 'ModuleNotFoundError: 모듈을 찾을 수 없습니다', zh_CN: 'ModuleNotFoundError：找不到模块' },
    example: traceback('ana', '/home', ['tools/launch.py'], "ModuleNotFoundError: No module named 'foo'", next),
    cause: 'The interpreter that runs the tool does not have the package.',
    pastes: PASTE_MODULES.slice(0, 3).map((module, index) => ({ locales: ALL, kind: index === 0 ? 'line' : 'traceback', text: index === 0 ? `ModuleNotFoundError: No module named '${module}'` : traceback(pick(PASTE_USERS), '/home', ['proj/main.py'], `ModuleNotFoundError: No module named '${module}'`, next).join('\n') })),
  });
  for (let i = 0; i < share(0.08); i++) {
    const module = `${pick(WORDS)}_${pick(WORDS)}`;
    const owner = tool();
    const line = `ModuleNotFoundError: No module named '${module}'`;
    add({
      shape: 'module', category: 'python', heading: line, title: `No module named ${module} in ${owner}`,
      translated: { ko: `ModuleNotFoundError: '${module}' 모듈이 없습니다`, zh_CN: `ModuleNotFoundError：没有名为 '${module}' 的模块` },
      example: [`[${owner}] loading plugins`, ...traceback(pick(USERS), '/opt', [`${owner}/bootstrap.py`], line, next)],
      cause: `${owner} imports ${module} before its environment is set up.`,
      pastes: [
        { locales: ALL, kind: 'line', text: line },
        { locales: ALL, kind: 'traceback', text: [`[${owner}] loading plugins`, ...traceback(pick(PASTE_USERS), '/srv', [`${owner}/bootstrap.py`], line, next)].join('\n') },
        { locales: ALL, kind: 'cut', text: `No module named '${module}'` },
      ],
    });
  }

  // A template class whose quoted key tells pages apart.
  for (let i = 0; i < share(0.06); i++) {
    const template = `${pick(WORDS)}_${pick(WORDS)}_publish`;
    const key = capital(pick(WORDS));
    const line = `TemplateError: Template '${template}' is missing the key '${key}'`;
    add({
      shape: 'template', category: 'pipeline', heading: line, title: `Template ${template} is missing the key ${key}`,
      translated: { ko: `TemplateError: '${template}' 템플릿에 '${key}' 키가 없습니다`, zh_CN: `TemplateError：模板 '${template}' 缺少键 '${key}'` },
      example: [`${timestamp(next)} [ERROR publish_step] Could not build the publish path`, ...traceback(pick(USERS), '/opt', ['lumen/pipeline/templates.py'], line, next)],
      cause: `The context has no ${key} value.`,
      pastes: [
        { locales: ALL, kind: 'line', text: line },
        { locales: ALL, kind: 'log', text: [`${timestamp(next)} [INFO load_step] Resolving ${template}`, `${timestamp(next)} [ERROR publish_step] ${line}`].join('\n') },
        { locales: ALL, kind: 'cut', text: `${template}' is missing the key '${key}'` },
      ],
    });
  }

  // A license class whose quoted feature tells pages apart.
  for (let i = 0; i < share(0.04); i++) {
    const feature = `${pick(WORDS)}_${pick(WORDS)}`;
    const code = 3000 + Math.floor(next() * 900);
    const line = `LicenseError: No license available for feature '${feature}' (LMN-${code})`;
    add({
      shape: 'license', category: 'licensing', heading: line, title: `No license available for ${feature}`,
      translated: { ko: `LicenseError: '${feature}' 기능의 라이선스가 없습니다 (LMN-${code})`, zh_CN: `LicenseError：功能 '${feature}' 没有可用的许可证 (LMN-${code})` },
      example: [`${timestamp(next)} [INFO license] Checking out '${feature}' for user '${pick(USERS)}'`, `${timestamp(next)} [ERROR license] ${line}`],
      cause: `Every seat of ${feature} is in use.`,
      pastes: [
        { locales: ALL, kind: 'line', text: line },
        { locales: ALL, kind: 'log', text: [`${timestamp(next)} [INFO license] Checking out '${feature}' for user '${pick(PASTE_USERS)}'`, `${timestamp(next)} [ERROR license] ${line}`].join('\n') },
        { locales: ALL, kind: 'typed', text: `no license ${feature}` },
      ],
    });
  }

  // One SSL failure: a generic page, and each tool's page told apart by its log's context.
  add({
    shape: 'ssl', category: 'network', heading: SSL_LINE, title: 'urlopen error SSL CERTIFICATE_VERIFY_FAILED certificate verify failed',
    translated: { ko: 'urlopen error: SSL 인증서를 확인하지 못했습니다 (CERTIFICATE_VERIFY_FAILED)', zh_CN: 'urlopen error：SSL 证书验证失败 (CERTIFICATE_VERIFY_FAILED)' },
    example: traceback('ana', '/home', ['scripts/fetch.py', 'python3.11/urllib/request.py'], SSL_LINE, next),
    cause: 'The Python that runs the script does not trust the certificate of the server.',
    pastes: [
      { locales: ALL, kind: 'line', text: SSL_LINE },
      { locales: ALL, kind: 'traceback', text: traceback(pick(PASTE_USERS), '/home', ['work/sync_assets.py', 'python3.10/urllib/request.py'], SSL_LINE, next).join('\n') },
    ],
  });
  for (let i = 0; i < share(0.05); i++) {
    const owner = tool();
    const logger = `${owner.replace('-', '_')}_step`;
    const context = (user: string) => [`${timestamp(next)} [INFO ${logger}] connecting to storage`, `${timestamp(next)} [ERROR ${logger}] ${capital(owner)} upload failed`, ...traceback(user, '/opt', [`${owner}/upload.py`, `${owner}/transport.py`], SSL_LINE, next)];
    add({
      shape: 'ssl', category: 'network', heading: `${owner} upload fails: certificate verify failed`, title: `${owner} SSL CERTIFICATE_VERIFY_FAILED`,
      translated: { ko: `${owner} 업로드 실패: 인증서를 확인하지 못했습니다`, zh_CN: `${owner} 上传失败：证书验证失败` },
      example: context(pick(USERS)), cause: `${owner} uses its own certificate bundle.`,
      pastes: [
        { locales: ALL, kind: 'traceback', text: context(pick(PASTE_USERS)).join('\n') },
        { locales: ALL, kind: 'log', text: context(pick(PASTE_USERS)).slice(0, 2).concat(SSL_LINE).join('\n') },
      ],
    });
  }

  // A generic Windows error, and tools' pages for it on their cache paths.
  const accessLine = (path: string) => `PermissionError: [WinError 5] Access is denied: '${path}'`;
  add({
    shape: 'access', category: 'windows', heading: 'PermissionError: [WinError 5] Access is denied', title: 'PermissionError WinError 5 Access is denied',
    translated: { ja: 'PermissionError: [WinError 5] アクセスが拒否されました。', ko: 'PermissionError: [WinError 5] 액세스가 거부되었습니다', zh_CN: 'PermissionError: [WinError 5] 拒绝访问。' },
    example: traceback('ana', 'C:/Users', ['tools/copy.py'], accessLine('C:\\data\\out.txt'), next), cause: 'Another program holds the file.',
    pastes: [{ locales: ALL, kind: 'line', text: accessLine('D:\\render\\frame_0001.exr') }],
  });
  for (let i = 0; i < share(0.03); i++) {
    const owner = capital(pick(WORDS)) + capital(pick(WORDS));
    const module = owner.toLowerCase();
    const context = (user: string) => [`${timestamp(next)} [${module}.cache] INFO Removing stale thumbnails`, ...traceback(user, 'C:/Program Files', [`${owner}/python/${module}/cache/cleanup.py`], accessLine(`C:\\Users\\${user}\\AppData\\Roaming\\${owner}\\cache\\thumbs\\a.jpg`), next)];
    add({
      shape: 'access', category: 'windows', heading: `${owner} cache cleanup fails: access denied`, title: `${owner} cache cleanup access denied`,
      translated: { ko: `${owner} 캐시 정리 실패: 액세스가 거부되었습니다`, zh_CN: `${owner} 缓存清理失败：拒绝访问` },
      example: context(pick(USERS)), cause: 'The viewer still holds a thumbnail.',
      pastes: [{ locales: ALL, kind: 'traceback', text: context(pick(PASTE_USERS)).join('\n') }],
    });
  }

  // Server log lines with headers and values no mask knows.
  for (let i = 0; i < share(0.12); i++) {
    const [object, verb] = [pick(WORDS), pick(FAILURES)];
    const process = `${pick(WORDS).slice(0, 5)}d`;
    const message = (user: string, job: string, hex: string, pending: number) => `job ${job} for ${user}: ${object} ${verb} (worker ${hex}, Pending:${pending})`;
    const syslog = (host: string, user: string) => `Mar  4 07:18:12 ${host} ${process}[${2000 + Math.floor(next() * 8000)}]: ${message(user, `job_2025110${1 + Math.floor(next() * 8)}_00${10 + Math.floor(next() * 89)}`, Math.floor(next() * 0xffffffff).toString(16).padStart(8, '7'), Math.floor(next() * 9))}`;
    const heading = message(pick(USERS), 'job_20251104_0042', '7f3a9c01', 3);
    add({
      shape: 'server', category: 'server', heading, title: `${capital(object)} ${verb} in a job`,
      translated: { ko: `작업 실패: ${object} ${FAILURES_KO[FAILURES.indexOf(verb)]}`, zh_CN: `作业失败：${object} ${FAILURES_ZH[FAILURES.indexOf(verb)]}` },
      example: [syslog(pick(HOSTS), pick(USERS)), `${timestamp(next)} - INFO [worker-3:JobRunner@88] - job requeued`],
      cause: `The ${object} of the job ${verb}.`,
      pastes: [
        { locales: ALL, kind: 'log', text: [syslog(pick(PASTE_HOSTS), pick(PASTE_USERS)), syslog(pick(PASTE_HOSTS), pick(PASTE_USERS))].join('\n') },
        { locales: ALL, kind: 'line', text: `${timestamp(next)} - ERROR [worker-7:JobRunner@91] - ${message(pick(PASTE_USERS), 'job_20260203_0117', 'c0ffee42', 5)}` },
      ],
    });
  }

  // Pairs that differ only in word order.
  for (let i = 0; i < share(0.02); i++) {
    const object = capital(pick(WORDS));
    const [a, b] = [pick(STATES), pick(STATES)];
    if (a === b) continue;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const line = `${object} state changed from ${from} to ${to}`;
      add({
        shape: 'order', category: 'server', heading: line, title: `${object} goes from ${from} to ${to}`,
        translated: { ko: `${object} 상태가 ${from}에서 ${to}(으)로 바뀌었습니다`, zh_CN: `${object} 状态从 ${from} 变为 ${to}` },
        example: [`Mar  4 07:18:12 ${pick(HOSTS)} lumend[2211]: ${line}`], cause: `The ${object.toLowerCase()} reported ${to}.`,
        pastes: [{ locales: ALL, kind: 'log', text: `Nov 12 22:01:07 ${pick(PASTE_HOSTS)} lumend[8121]: ${line}` }],
      });
    }
  }

  // Pairs that differ only in a quoted word.
  for (let i = 0; i < share(0.02); i++) {
    const object = capital(pick(WORDS));
    const [a, b] = [pick(QUOTED_STATES), pick(QUOTED_STATES)];
    if (a === b) continue;
    for (const state of [a, b]) {
      const line = (name: string) => `${object} '${name}' cannot be opened in state '${state}'`;
      add({
        shape: 'state', category: 'server', heading: line('orchard'), title: `${object} cannot be opened while ${state}`,
        translated: { ko: `${object}을(를) '${state}' 상태에서 열 수 없습니다`, zh_CN: `无法在 '${state}' 状态下打开 ${object}` },
        example: [`[projects] ${line('orchard')}`], cause: `The ${object.toLowerCase()} is ${state.toLowerCase()}.`,
        pastes: [{ locales: ALL, kind: 'line', text: `[projects] ${line(pick(['harbor', 'ferry', 'nightfall']))}` }],
      });
    }
  }

  // Distinct errors, as the rest of a catalog is.
  while (out.length < count) {
    const [a, b, c] = [pick(WORDS), pick(WORDS), pick(WORDS)];
    const failure = Math.floor(next() * FAILURES.length);
    const code = `${(a.slice(0, 3) + b.slice(0, 3)).toUpperCase()}_${Math.floor(next() * 9000 + 1000)}`;
    const className = `${capital(a)}${capital(b)}Error`;
    const line = `${a}.errors.${className}: ${c} ${FAILURES[failure]} [${code}]`;
    add({
      shape: 'distinct', category: pick(['python', 'pipeline', 'server', 'network']), heading: line, title: `${className} ${c} ${FAILURES[failure]}`,
      translated: { ko: `${className}: ${c} ${FAILURES_KO[failure]} [${code}]`, zh_CN: `${className}：${c} ${FAILURES_ZH[failure]} [${code}]` },
      example: [`${timestamp(next)} [ERROR ${a}] step failed`, ...traceback(pick(USERS), '/opt', [`${a}/${b}.py`], line, next)],
      cause: `The ${c} of the ${a} ${b} ${FAILURES[failure]}.`,
      pastes: [
        { locales: ALL, kind: 'line', text: line },
        { locales: ALL, kind: 'traceback', text: traceback(pick(PASTE_USERS), '/home', [`${a}/${b}.py`], line, next).join('\n') },
        { locales: ALL, kind: 'cut', text: line.slice(0, Math.ceil(line.length * 0.7)) },
      ],
    });
  }
  return out;
}

/** `count` entries; the same seed gives the same catalog. */
export function syntheticEntries(count: number, seed = 20261127): SyntheticEntry[] {
  const next = random(seed);
  return drafts(count, next).map((draft, index, all) => {
    const pagename = `${draft.shape}-${draft.heading.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50)}-${index}`;
    const previous = index > 0 ? all[index - 1] : undefined;
    const previousName = previous ? `${previous.shape}-${previous.heading.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50)}-${index - 1}` : undefined;
    // A few H1s mix text and code, a few are code; ja translates half of them.
    const h1 = index % 11 === 0 ? `\`${draft.heading}\`` : draft.heading;
    return {
      pagename,
      category: draft.category,
      shape: draft.shape,
      heading: draft.heading,
      markdown(locale) {
        const [cause, fix, intro] = SECTIONS[locale] ?? SECTIONS['en']!;
        const heading = locale === 'en' || (locale === 'ja' && index % 2 === 0) ? h1 : (draft.translated[locale] ?? h1);
        return [
          '---',
          'layout: default',
          `title: ${JSON.stringify(draft.title)}`,
          `pagename: ${pagename}`,
          `lang: ${locale}`,
          `category: ${draft.category}`,
          '---',
          '',
          `# ${heading}`,
          '',
          `${intro} ${draft.category}.`,
          '',
          '```',
          ...draft.example,
          '```',
          '',
          `## ${cause}`,
          '',
          `${draft.cause}${previousName ? ` See also [a related page](./${previousName}.md).` : ''}`,
          '',
          `## ${fix}`,
          '',
          '1. Check the configuration:',
          '',
          '       $ lumen doctor --verbose',
          '',
          '2. Retry the step.',
          '',
        ].join('\n');
      },
      pastes: () => draft.pastes.map((paste) => ({ ...paste, expected: pagename })),
    };
  });
}
