/**
 * The text `npm run new` writes into a new entry or a translation skeleton, per language: the
 * usual section headings (as the catalog's entries write them, see `content/<lang>/`) and the
 * placeholders that tell the writer what to put where. Placeholders start with `TODO:` in every
 * language, so `grep -rn TODO: content/` finds unfinished pages. A language without its own
 * text (one added to `_config.yml` later) gets the English text.
 */

/** The sections of an error entry, in the order entries write them. */
export const SECTIONS = ['when', 'cause', 'fix'] as const;
export type Section = (typeof SECTIONS)[number];

export interface EntryText {
  /** The section headings, as the catalog's entries in this language write them. */
  readonly headings: Readonly<Record<Section, string>>;
  /** What to write in each section of a new entry. */
  readonly prompts: Readonly<Record<Section, string>>;
  /** YAML comment beside the commented-out `description:` of a new entry. */
  readonly descriptionHint: string;
  /** YAML comment beside the commented-out `errors:` of a new entry. */
  readonly errorsHint: string;
  /** The visible line under each heading of a translation skeleton. */
  readonly translateSection: string;
  /** YAML comment beside a translation's `title:`. */
  readonly translateTitle: string;
  /** YAML comment beside a translation's `description:`. */
  readonly translateDescription: string;
}

const en: EntryText = {
  headings: { when: 'When it happens', cause: 'Cause', fix: 'How to fix it' },
  prompts: {
    when: 'TODO: Describe what the reader was doing when this error appeared, and paste the log or traceback they saw in a code block.',
    cause: 'TODO: Explain why the error happens.',
    fix: 'TODO: List the steps that fix it, one action per step.',
  },
  descriptionHint: 'one sentence for link previews; without it, the error message is used',
  errorsHint: 'other wordings of the same error (other versions, other platforms)',
  translateSection: 'TODO: Translate this section, then delete this line.',
  translateTitle: 'TODO: translate the title, unless it is the error message as the program prints it',
  translateDescription: 'TODO: translate',
};

const ja: EntryText = {
  headings: { when: '発生する状況', cause: '原因', fix: '修正方法' },
  prompts: {
    when: 'TODO: このエラーが出たときに何をしていたかを書き、表示されたログやトレースバックをコードブロックに貼り付けてください。',
    cause: 'TODO: このエラーが起きる理由を説明してください。',
    fix: 'TODO: 解決の手順を、1 つの手順に 1 つの操作で書いてください。',
  },
  descriptionHint: 'リンクプレビュー用の 1 文。省略するとエラーメッセージが使われます',
  errorsHint: '同じエラーの別の表記(別のバージョンやプラットフォーム)',
  translateSection: 'TODO: このセクションを翻訳してから、この行を削除してください。',
  translateTitle: 'TODO: プログラムが表示するエラーメッセージそのものでなければ、タイトルを翻訳してください',
  translateDescription: 'TODO: 翻訳してください',
};

const ko: EntryText = {
  headings: { when: '발생 상황', cause: '원인', fix: '해결 방법' },
  prompts: {
    when: 'TODO: 이 오류가 나타났을 때 무엇을 하고 있었는지 쓰고, 표시된 로그나 트레이스백을 코드 블록에 붙여 넣으세요.',
    cause: 'TODO: 이 오류가 발생하는 이유를 설명하세요.',
    fix: 'TODO: 해결 단계를 한 단계에 한 가지 작업씩 적으세요.',
  },
  descriptionHint: '링크 미리보기용 한 문장. 생략하면 오류 메시지가 쓰입니다',
  errorsHint: '같은 오류의 다른 표기(다른 버전, 다른 플랫폼)',
  translateSection: 'TODO: 이 섹션을 번역한 뒤 이 줄을 삭제하세요.',
  translateTitle: 'TODO: 프로그램이 출력하는 오류 메시지 그대로가 아니라면 제목을 번역하세요',
  translateDescription: 'TODO: 번역하세요',
};

const zh_CN: EntryText = {
  headings: { when: '出现场景', cause: '原因', fix: '解决方法' },
  prompts: {
    when: 'TODO: 描述出现此错误时正在做什么，并把看到的日志或回溯粘贴到代码块中。',
    cause: 'TODO: 说明出现此错误的原因。',
    fix: 'TODO: 列出解决步骤，每一步一个操作。',
  },
  descriptionHint: '用于链接预览的一句话；省略时使用错误消息',
  errorsHint: '同一错误的其他写法（其他版本、其他平台）',
  translateSection: 'TODO: 翻译本节，然后删除这一行。',
  translateTitle: 'TODO: 如果标题不是程序原样输出的错误消息，请翻译它',
  translateDescription: 'TODO: 请翻译',
};

const byLocale: Readonly<Record<string, EntryText>> = { en, ja, ko, zh_CN };

/**
 * The authoring text of the locale named `localeName` (as configured: `zh_CN`), or English.
 * @example entryText('ko').headings.fix === '해결 방법'
 */
export function entryText(localeName: string): EntryText {
  return byLocale[localeName] ?? en;
}

/** True when `localeName` has its own authoring text, not English's. */
export function hasOwnEntryText(localeName: string): boolean {
  return Object.hasOwn(byLocale, localeName);
}

/**
 * The section a heading names in `localeName`'s entries, if it is one of the usual ones.
 * @example sectionOf('ja', '原因') === 'cause'
 */
export function sectionOf(localeName: string, heading: string): Section | undefined {
  const { headings } = entryText(localeName);
  return SECTIONS.find((section) => headings[section] === heading.trim());
}
