/**
 * Paste search over pages written as real knowledge bases write them: plain-text H1s, messages
 * only in code blocks, translated H1s, and pages that share an error line.
 */
import { describe, expect, it } from 'vitest';
import { inEntryFolder, looksLikeErrorMessage, looksLikeErrorPage } from '../../src/lib/content/error-page.ts';
import { parseMarkdown } from '../../src/lib/markdown/parse-markdown.ts';
import { collectCodeText, openingCodeBlock } from '../../src/lib/markdown/code-text.ts';
import { maskLine } from '../../src/lib/search/mask.ts';
import { matchPaste, memoryStore } from '../../src/lib/search/match-paste.ts';
import { extractErrorLines } from '../../src/lib/search/normalise-paste.ts';
import { pageSignatures, type PageText } from '../../src/lib/search/page-signatures.ts';
import { buildSignatureIndex } from '../../src/lib/search/signature-index.ts';
import { errorTokens, valueTokens } from '../../src/lib/search/tokens.ts';

describe('masking keeps values aside', () => {
  it('masks quoted names and paths but returns them as values', () => {
    expect(maskLine("No module named 'lumen_core'")).toEqual({ masked: "No module named '<v>'", values: ["'lumen_core'"] });
    const winPath = maskLine("PermissionError: [WinError 5] Access is denied: 'C:\\Users\\dpatel\\AppData\\Roaming\\Lumen\\cache\\thumbs'");
    expect(winPath.masked).toBe("PermissionError: [WinError 5] Access is denied: '<v>'");
    expect(valueTokens(winPath.values)).toEqual(['dpatel', 'lumen', 'cache', 'thumbs']);
  });

  it('masks an address with its port whole, before any date rule sees it', () => {
    expect(maskLine('peer 10.4.2.17:5544 closed the stream').masked).toBe('peer <ip> closed the stream');
  });

  it('masks values no rule named before: ids with numbers, bare hex, counters', () => {
    expect(maskLine('job job_20251104_0042 lost worker 7f3a9c01 (Pending:3)').masked).toBe('job job <id> lost worker <hash> (Pending:<n>)');
    // Product error codes are names, not ids.
    expect(maskLine('upload refused (LS-221)').masked).toBe('upload refused (LS-221)');
  });
});

describe('CJK tokens', () => {
  it('splits runs into pairs of characters, so part of a message meets the whole', () => {
    const whole = new Set(errorTokens('アクセスが拒否されました。'));
    const part = errorTokens('拒否されました');
    expect(part.every((token) => whole.has(token))).toBe(true);
    expect(errorTokens('PipelineError: 디스크에 폴더를')).toEqual(['pipelineerror', '디스', '스크', '크에', '폴더', '더를']);
  });
});

describe('log lines', () => {
  it('drops the usual log headers and keeps a catalogued line that starts with "..."', () => {
    const lines = extractErrorLines(
      [
        'Mar  4 07:18:12 render-07 lumend[2211]: scheduler queue stalled',
        '2025-11-04 07:18:12,441 - INFO [worker-3:JobRunner@88] - job finished with warnings',
        '... sync DONE.',
      ].join('\n'),
    );
    expect(lines.map((line) => line.text)).toEqual(['scheduler queue stalled', 'job finished with warnings', '... sync DONE.']);
  });

  it("keeps Maya's script editor messages, which start with '#' as a root prompt does", () => {
    expect(extractErrorLines("# Error: ModuleNotFoundError: file P:/hooks/dialog.py line 4: No module named 'PySide2' #").map((line) => line.masked)).toEqual([
      "Error: ModuleNotFoundError: file <path> line <n>: No module named '<v>' #",
    ]);
  });

  it('searches a paste of prompts alone as it is, rather than nothing', () => {
    expect(extractErrorLines('$ lumen-sync --watch\n# systemctl restart lumend').map((line) => line.text)).toEqual(['lumen-sync --watch', 'systemctl restart lumend']);
  });

  it('still drops the continuation lines of a Python prompt', () => {
    expect(extractErrorLines('>>> for x in y:\n...     print(x)\nNameError: name \'y\' is not defined').map((line) => line.text)).toEqual(["NameError: name 'y' is not defined"]);
  });
});

describe('recognising error pages', () => {
  it.each([
    ['PipelineError: Could not resolve the template for this context', true],
    ['`[ERROR]` Lost the connection to the render agent', true],
    ['ModuleNotFoundError', true],
    ['urlopen error SSL CERTIFICATE_VERIFY_FAILED certificate verify failed', true],
    ["'lumen' is not recognized as an internal or external command", true],
    ['407 Proxy Authentication Required', true],
    ['[SSL: WRONG_VERSION_NUMBER] wrong version number', true],
    ['Installing the Maya plugin', false],
    ['PYTHONPATH, LUMEN_PYTHONPATH and plugin paths', false],
    ['Troubleshooting failed publishes', false],
    ['Configuring a proxy server', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeErrorMessage(text)).toBe(expected);
  });

  it('reads an error from the code block that opens a page with a short heading', () => {
    const tree = parseMarkdown('# The hook fails when publishing\n\n```\nTraceback (most recent call last):\n  File "hook.py", line 3, in run\nKeyError: \'sg_status\'\n```\n\n## Cause\n\nText.');
    const openingCode = openingCodeBlock(tree);
    expect(looksLikeErrorPage({ heading: 'The hook fails when publishing', title: 'Publishing hook', openingCode, codeBlocks: [], contentPath: 'en/troubleshooting/hook.md' })).toBe(true);
    const guide = parseMarkdown('# Installing\n\n```\n$ lumen install --all\n```\n');
    expect(looksLikeErrorPage({ heading: 'Installing', title: 'Installing', openingCode: openingCodeBlock(guide), codeBlocks: [], contentPath: 'en/guides/install.md' })).toBe(false);
  });

  it('reads a log message as the page\'s error when the H1 quotes a line of its log, or its log marks the line an error', () => {
    const quoted = ['2025-11-04 03:12:55,107 - WARN [scrubber-2:ObjectScrubber@157] - 7f3a9c01 Quarantined'];
    expect(looksLikeErrorPage({ heading: '7f3a9c01 Quarantined', title: 'Quarantined', openingCode: quoted[0], codeBlocks: quoted, contentPath: 'en/q.md' })).toBe(true);
    const event = 'Log Name:      System\nLevel:         Error\nDescription: The agent service terminated, and could not restart.';
    expect(looksLikeErrorPage({ heading: 'The agent service stops on Windows', title: 'Agent service', openingCode: event, codeBlocks: [event], contentPath: 'en/a.md' })).toBe(true);
    const settings = 'for name in ("LUMEN_HOME", "LUMEN_PYTHONPATH"):\n    print(name)';
    expect(looksLikeErrorPage({ heading: 'Which Python runs your hooks', title: 'Which Python', openingCode: settings, codeBlocks: [settings], contentPath: 'en/p.md' })).toBe(false);
  });

  it('knows the folders a tree keeps its error pages in, below a language folder or not', () => {
    expect(inEntryFolder('ko/troubleshooting/a.md', ['troubleshooting'])).toBe(true);
    expect(inEntryFolder('troubleshooting/a.md', ['troubleshooting'])).toBe(true);
    expect(inEntryFolder('en/guides/troubleshooting.md', ['troubleshooting'])).toBe(false);
  });
});

/** A page as the index reads it, from Markdown. */
function page(markdown: string, title: string, kind: 'entry' | 'page' = 'entry'): PageText {
  const tree = parseMarkdown(markdown);
  const h1 = /^# (.*)$/m.exec(markdown)?.[1]?.replaceAll('`', '') ?? title;
  return { kind, title, heading: h1, errors: [], code: collectCodeText(tree) };
}

const fence = (lines: string[]) => ['```', ...lines, '```'].join('\n');

describe('overlapping pages', () => {
  const generic = page(`# PermissionError: [WinError 5] Access is denied\n\n${fence(['Traceback (most recent call last):', '  File "C:\\\\tools\\\\copy.py", line 9, in main', "PermissionError: [WinError 5] Access is denied: 'C:\\\\data\\\\out.txt'"])}`, 'Access is denied');
  const cache = page(
    `# Cache cleanup fails with access denied\n\n${fence([
      '2025-06-02 10:14:03,120 [lumen.cache] INFO Removing stale thumbnails',
      'Traceback (most recent call last):',
      '  File "C:\\\\Program Files\\\\Lumen\\\\python\\\\lumen\\\\cache\\\\cleanup.py", line 88, in purge',
      "PermissionError: [WinError 5] Access is denied: 'C:\\\\Users\\\\ana\\\\AppData\\\\Roaming\\\\Lumen\\\\cache\\\\thumbs\\\\a.jpg'",
    ])}`,
    'Cache cleanup: access denied',
  );
  const modules = ['lumen_core', 'yaml', 'PySide2'].map((name) => page(`# ModuleNotFoundError: No module named '${name}'\n\nText.`, `Missing ${name}`));
  const moduleGeneric = page(`# ModuleNotFoundError\n\n${fence(["ModuleNotFoundError: No module named 'foo'"])}`, 'ModuleNotFoundError');
  const states = [page('# Node state changed from ONLINE to DRAINING', 'Unexpected drain'), page('# Node state changed from DRAINING to ONLINE', 'Back too early')];
  const guide = page('# Configuring the sync client\n\nSet the server address.', 'Sync client settings', 'page');
  const pages = [generic, cache, ...modules, moduleGeneric, ...states, guide];
  const urls = ['/en/generic/', '/en/cache/', '/en/core/', '/en/yaml/', '/en/pyside/', '/en/module/', '/en/drain/', '/en/online/', '/en/sync-guide/'];
  const store = memoryStore(buildSignatureIndex(pages.map((text, index) => pageSignatures(urls[index]!, text, 'en'))));
  const first = async (text: string) => (await matchPaste(text, store)).matches[0]?.record.url;

  it('gives a bare generic line the generic page, and a paste with the tool\'s context the specific page', async () => {
    expect(await first("PermissionError: [WinError 5] Access is denied: 'D:\\\\render\\\\frame_0001.exr'")).toBe('/en/generic/');
    const specific = [
      '2026-01-09 08:00:01,002 [lumen.cache] INFO Removing stale thumbnails',
      'Traceback (most recent call last):',
      '  File "D:\\\\Lumen\\\\python\\\\lumen\\\\cache\\\\cleanup.py", line 91, in purge',
      "PermissionError: [WinError 5] Access is denied: 'C:\\\\Users\\\\jkim\\\\AppData\\\\Roaming\\\\Lumen\\\\cache\\\\thumbs\\\\b.jpg'",
    ].join('\n');
    expect(await first(specific)).toBe('/en/cache/');
  });

  it('tells one exception class apart by its quoted name, and sends other names to the generic page', async () => {
    expect(await first("ModuleNotFoundError: No module named 'yaml'")).toBe('/en/yaml/');
    expect(await first("ModuleNotFoundError: No module named 'lumen_core'")).toBe('/en/core/');
    expect(await first("ModuleNotFoundError: No module named 'requests'")).toBe('/en/module/');
  });

  it('reads word order', async () => {
    expect(await first('Mar  4 07:18:12 render-07 lumend[2211]: Node state changed from DRAINING to ONLINE')).toBe('/en/online/');
    expect(await first('Node state changed from ONLINE to DRAINING')).toBe('/en/drain/');
  });

  it('finds a guide by its title words when no error page shares them', async () => {
    expect(await first('sync client configuring')).toBe('/en/sync-guide/');
  });
});

describe('translations', () => {
  it('find a page whose H1 was translated by its original\'s English error', async () => {
    const original = page(`# PipelineError: Could not create the folder on disk\n\n${fence(['[ERROR publish_step] PipelineError: Could not create the folder on disk: /mnt/proj/shots'])}`, 'Could not create the folder');
    const korean = page('# PipelineError: 디스크에 폴더를 만들 수 없습니다\n\n본문.', '폴더를 만들 수 없음');
    const other = page('# PipelineError: 템플릿을 확인할 수 없습니다', '템플릿');
    const store = memoryStore(buildSignatureIndex([pageSignatures('/ko/folder/', korean, 'ko', original), pageSignatures('/ko/template/', other, 'ko')]));
    const { matches } = await matchPaste('PipelineError: Could not create the folder on disk: /mnt/show/seq010', store);
    expect(matches[0]?.record.url).toBe('/ko/folder/');
    // A partial copy of the Korean message finds it too.
    expect((await matchPaste('폴더를 만들 수', store)).matches[0]?.record.url).toBe('/ko/folder/');
  });
});
