/**
 * The search shortcut: `/`, or Ctrl+K (Cmd+K on a Mac), focuses search from any page. Neither
 * fires while the reader is typing in a field, where `/` is a character like any other.
 */

/** The parts of a `KeyboardEvent` the decision needs. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly isComposing?: boolean;
}

/** The parts of the focused element the decision needs. */
export interface FocusedElement {
  readonly tagName: string;
  readonly isContentEditable: boolean;
  /** `type` of an `<input>`. */
  readonly type?: string;
}

/** `<input>` types that take no typed text: `/` there is not typing. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image']);

/**
 * True when the element takes typed text.
 * @example isTypingTarget({ tagName: 'INPUT', isContentEditable: false, type: 'search' }) === true
 */
export function isTypingTarget(element: FocusedElement | null | undefined): boolean {
  if (!element) return false;
  const tag = element.tagName.toUpperCase();
  if (element.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((element.type ?? 'text').toLowerCase());
}

/**
 * True when the key press asks for search.
 * @example isSearchShortcut({ key: '/', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false }, null) === true
 */
export function isSearchShortcut(press: KeyPress, focused: FocusedElement | null | undefined): boolean {
  if (press.isComposing || isTypingTarget(focused)) return false;
  if (press.key === '/' && !press.ctrlKey && !press.metaKey && !press.altKey) return true;
  return press.key.toLowerCase() === 'k' && (press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey;
}
