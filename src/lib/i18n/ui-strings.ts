/**
 * Interface text per locale. Keys are flat and dotted; a locale that lacks a key
 * (a newly added language, say) falls back to English, so no label is ever empty.
 */

const en = {
  'search.pasteCount': '{count} entries match the error in your paste',
  'search.noMatch': 'No entry matches this error well. Full-text results are below.',
  'search.searchedFor': 'Searched for',
  'search.fullText': 'Full-text results',
  'search.linkNormalised': 'This link holds the normalised error: the paste was too long for a URL.',
  'nav.breadcrumbs': 'Breadcrumbs',
  'site.tagline': 'Error messages and how to fix them',
  'nav.home': 'Catalog',
  'nav.search': 'Search',
  'nav.skip': 'Skip to content',
  'nav.languages': 'Languages',
  'nav.chooseLanguage': 'Choose a language',
  'search.label': 'Search the catalog',
  'search.placeholder': 'Paste an error message…',
  'search.submit': 'Search',
  'search.heading': 'Search',
  'search.noJs': 'Search needs JavaScript. Browse the catalog from the home page instead.',
  'search.loading': 'Searching…',
  'search.empty': 'No entry matches “{query}”.',
  'search.count': '{count} results for “{query}”',
  'search.prompt': 'Type or paste an error message.',
  'search.failed': 'Search could not load. Reload the page to try again.',
  'home.heading': 'Error catalog',
  'home.intro': 'Browse {count} error messages by category, or paste one into the search box.',
  'home.entries': '{count} entries',
  'category.uncategorized': 'Other',
  'entry.translations': 'This page in other languages',
  'entry.alsoCovers': 'This entry also covers',
  'entry.notTranslated': 'This entry has not been translated into {language} yet. It is shown in {source}.',
  'entry.availableIn': 'in {language}',
  'entry.category': 'Category',
  'notFound.heading': 'Page not found',
  'notFound.body': 'There is no page at this address. It may have moved, or the link may be mistyped.',
  'notFound.home': 'Go to the catalog',
  'notFound.search': 'Search for the error instead',
  'root.heading': 'errata — choose your language',
} as const;

export type UiKey = keyof typeof en;
type UiStrings = Readonly<Record<UiKey, string>>;

const ja: Partial<UiStrings> = {
  'search.pasteCount': '貼り付けたエラーに一致するエントリ: {count} 件',
  'search.noMatch': 'このエラーによく一致するエントリはありません。下に全文検索の結果を表示します。',
  'search.searchedFor': '検索した内容',
  'search.fullText': '全文検索の結果',
  'search.linkNormalised': '貼り付けが長すぎて URL に入らないため、このリンクには正規化したエラーが含まれます。',
  'nav.breadcrumbs': 'パンくずリスト',
  'site.tagline': 'エラー メッセージとその解決方法',
  'nav.home': 'カタログ',
  'nav.search': '検索',
  'nav.skip': '本文へスキップ',
  'nav.languages': '言語',
  'nav.chooseLanguage': '言語を選択',
  'search.label': 'カタログを検索',
  'search.placeholder': 'エラー メッセージを貼り付け…',
  'search.submit': '検索',
  'search.heading': '検索',
  'search.noJs': '検索には JavaScript が必要です。ホーム ページからカタログを参照してください。',
  'search.loading': '検索しています…',
  'search.empty': '「{query}」に一致するエントリはありません。',
  'search.count': '「{query}」の検索結果: {count} 件',
  'search.prompt': 'エラー メッセージを入力するか貼り付けてください。',
  'search.failed': '検索を読み込めませんでした。ページを再読み込みしてください。',
  'home.heading': 'エラー カタログ',
  'home.intro': '{count} 件のエラー メッセージをカテゴリ別に参照するか、検索ボックスに貼り付けてください。',
  'home.entries': '{count} 件',
  'category.uncategorized': 'その他',
  'entry.translations': 'このページの他の言語版',
  'entry.alsoCovers': 'このエントリは次のエラーも扱います',
  'entry.notTranslated': 'このエントリはまだ{language}に翻訳されていません。{source}で表示しています。',
  'entry.availableIn': '{language}',
  'entry.category': 'カテゴリ',
  'notFound.heading': 'ページが見つかりません',
  'notFound.body': 'このアドレスにページはありません。移動したか、リンクが間違っている可能性があります。',
  'notFound.home': 'カタログへ移動',
  'notFound.search': 'エラーを検索する',
  'root.heading': 'errata — 言語を選択',
};

const ko: Partial<UiStrings> = {
  'search.pasteCount': '붙여 넣은 오류와 일치하는 항목 {count}개',
  'search.noMatch': '이 오류와 잘 맞는 항목이 없습니다. 아래에 전체 텍스트 검색 결과가 있습니다.',
  'search.searchedFor': '검색한 내용',
  'search.fullText': '전체 텍스트 검색 결과',
  'search.linkNormalised': '붙여 넣은 내용이 URL에 담기에는 너무 길어 이 링크에는 정규화된 오류가 들어 있습니다.',
  'nav.breadcrumbs': '이동 경로',
  'site.tagline': '오류 메시지와 해결 방법',
  'nav.home': '카탈로그',
  'nav.search': '검색',
  'nav.skip': '본문으로 건너뛰기',
  'nav.languages': '언어',
  'nav.chooseLanguage': '언어 선택',
  'search.label': '카탈로그 검색',
  'search.placeholder': '오류 메시지를 붙여 넣으세요…',
  'search.submit': '검색',
  'search.heading': '검색',
  'search.noJs': '검색하려면 JavaScript가 필요합니다. 홈 페이지에서 카탈로그를 둘러보세요.',
  'search.loading': '검색 중…',
  'search.empty': '“{query}”와(과) 일치하는 항목이 없습니다.',
  'search.count': '“{query}” 검색 결과 {count}건',
  'search.prompt': '오류 메시지를 입력하거나 붙여 넣으세요.',
  'search.failed': '검색을 불러오지 못했습니다. 페이지를 새로 고쳐 다시 시도하세요.',
  'home.heading': '오류 카탈로그',
  'home.intro': '오류 메시지 {count}개를 카테고리별로 둘러보거나 검색 상자에 붙여 넣으세요.',
  'home.entries': '{count}개 항목',
  'category.uncategorized': '기타',
  'entry.translations': '다른 언어로 보기',
  'entry.alsoCovers': '이 항목에서 함께 다루는 오류',
  'entry.notTranslated': '이 항목은 아직 {language}(으)로 번역되지 않았습니다. {source}(으)로 표시합니다.',
  'entry.availableIn': '{language}',
  'entry.category': '카테고리',
  'notFound.heading': '페이지를 찾을 수 없습니다',
  'notFound.body': '이 주소에는 페이지가 없습니다. 페이지가 이동했거나 링크가 잘못되었을 수 있습니다.',
  'notFound.home': '카탈로그로 이동',
  'notFound.search': '오류 검색하기',
  'root.heading': 'errata — 언어 선택',
};

const zh_CN: Partial<UiStrings> = {
  'search.pasteCount': '与粘贴的错误匹配的条目：{count} 个',
  'search.noMatch': '没有与此错误高度匹配的条目。下方是全文搜索结果。',
  'search.searchedFor': '搜索内容',
  'search.fullText': '全文搜索结果',
  'search.linkNormalised': '粘贴内容过长，无法放入 URL，因此此链接包含规范化后的错误。',
  'nav.breadcrumbs': '面包屑导航',
  'site.tagline': '错误消息及其解决方法',
  'nav.home': '目录',
  'nav.search': '搜索',
  'nav.skip': '跳到正文',
  'nav.languages': '语言',
  'nav.chooseLanguage': '选择语言',
  'search.label': '搜索目录',
  'search.placeholder': '粘贴错误消息…',
  'search.submit': '搜索',
  'search.heading': '搜索',
  'search.noJs': '搜索需要 JavaScript。请从首页浏览目录。',
  'search.loading': '正在搜索…',
  'search.empty': '没有与“{query}”匹配的条目。',
  'search.count': '“{query}”的搜索结果：{count} 条',
  'search.prompt': '请输入或粘贴错误消息。',
  'search.failed': '无法加载搜索。请刷新页面重试。',
  'home.heading': '错误目录',
  'home.intro': '按类别浏览 {count} 条错误消息，或将错误粘贴到搜索框中。',
  'home.entries': '{count} 个条目',
  'category.uncategorized': '其他',
  'entry.translations': '此页面的其他语言版本',
  'entry.alsoCovers': '本条目还涵盖以下错误',
  'entry.notTranslated': '此条目尚未翻译为{language}，以下以{source}显示。',
  'entry.availableIn': '{language}',
  'entry.category': '类别',
  'notFound.heading': '找不到页面',
  'notFound.body': '此地址没有页面。页面可能已移动，或链接有误。',
  'notFound.home': '前往目录',
  'notFound.search': '搜索该错误',
  'root.heading': 'errata — 选择语言',
};

const byLocale: Readonly<Record<string, Partial<UiStrings>>> = { en, ja, ko, zh_CN };

/** Native names of languages, for the switcher: each written in its own language. */
const nativeNames: Readonly<Record<string, string>> = {
  en: 'English',
  ja: '日本語',
  ko: '한국어',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
};

/**
 * Interface text for `key` in the locale named `localeName`, with `{name}` placeholders filled.
 * Values are plain text; callers render them as text, never as markup.
 * @example uiText('ja', 'home.entries', { count: 3 }) === '3 件'
 */
export function uiText(localeName: string, key: UiKey, values: Readonly<Record<string, string | number>> = {}): string {
  const template = byLocale[localeName]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/**
 * A language's name written in that language, for the language switcher.
 * Uses `Intl.DisplayNames` for locales this table does not know.
 */
export function nativeLanguageName(bcp47: string): string {
  const known = nativeNames[bcp47];
  if (known) return known;
  try {
    return new Intl.DisplayNames([bcp47], { type: 'language' }).of(bcp47) ?? bcp47;
  } catch {
    // Intl rejects malformed tags; the tag itself is still a usable label.
    return bcp47;
  }
}

/** Names of the locales that have their own interface text (others fall back to English). */
export const TRANSLATED_UI_LOCALES = Object.keys(byLocale);

/** Every key, for tests that check each locale is complete. */
export const UI_KEYS = Object.keys(en) as UiKey[];

/** Raw table access for completeness tests. */
export function hasOwnUiText(localeName: string, key: UiKey): boolean {
  return byLocale[localeName]?.[key] !== undefined;
}
