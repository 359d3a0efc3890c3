import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSearchShortcut, isTypingTarget } from '../../src/client/keyboard.ts';
import { readThemeChoice, THEME_STORAGE_KEY, themeAttribute } from '../../src/lib/site/theme.ts';

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; isComposing: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});
const body = { tagName: 'BODY', isContentEditable: false };
const searchBox = { tagName: 'INPUT', isContentEditable: false, type: 'search' };

describe('the search shortcut', () => {
  it('is / or Ctrl/Cmd+K from anywhere on the page', () => {
    expect(isSearchShortcut(press('/'), body)).toBe(true);
    expect(isSearchShortcut(press('k', { ctrlKey: true }), body)).toBe(true);
    expect(isSearchShortcut(press('K', { metaKey: true }), null)).toBe(true);
    expect(isSearchShortcut(press('k'), body)).toBe(false);
    expect(isSearchShortcut(press('/', { ctrlKey: true }), body)).toBe(false);
    expect(isSearchShortcut(press('k', { ctrlKey: true, shiftKey: true }), body)).toBe(false);
  });

  it('leaves typing alone: fields, text areas, menus, editable text, IME composition', () => {
    expect(isSearchShortcut(press('/'), searchBox)).toBe(false);
    expect(isSearchShortcut(press('k', { ctrlKey: true }), { tagName: 'TEXTAREA', isContentEditable: false })).toBe(false);
    expect(isSearchShortcut(press('/'), { tagName: 'DIV', isContentEditable: true })).toBe(false);
    expect(isSearchShortcut(press('/', { isComposing: true }), body)).toBe(false);
    expect(isTypingTarget({ tagName: 'SELECT', isContentEditable: false })).toBe(true);
    // A focused checkbox or button takes no text.
    expect(isTypingTarget({ tagName: 'INPUT', isContentEditable: false, type: 'checkbox' })).toBe(false);
    expect(isSearchShortcut(press('/'), { tagName: 'BUTTON', isContentEditable: false })).toBe(true);
  });
});

describe('the theme choice', () => {
  it('reads anything but light or dark as auto, which sets no attribute', () => {
    expect(readThemeChoice('dark')).toBe('dark');
    expect(readThemeChoice('light')).toBe('light');
    expect(readThemeChoice('blue')).toBe('auto');
    expect(readThemeChoice(null)).toBe('auto');
    expect(themeAttribute('auto')).toBeUndefined();
    expect(themeAttribute('dark')).toBe('dark');
  });

  it('is read before the first paint by public/theme-init.js under the same storage key', () => {
    const script = readFileSync(join(import.meta.dirname, '../../public/theme-init.js'), 'utf8');
    expect(script).toContain(`getItem('${THEME_STORAGE_KEY}')`);
  });
});
