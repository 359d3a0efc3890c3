/**
 * The reader's theme choice: `auto` follows the system setting; `light` and `dark` override it
 * and are kept in `localStorage`. `public/theme-init.js` applies a saved choice before the first
 * paint (it repeats `THEME_STORAGE_KEY`; a unit test keeps the two the same).
 */

export type ThemeChoice = 'auto' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'errata-theme';

export const THEME_CHOICES: readonly ThemeChoice[] = ['auto', 'light', 'dark'];

/**
 * A stored value read back: anything but `light` or `dark` (nothing stored, an old or garbled
 * value) means `auto`.
 * @example readThemeChoice('dark') === 'dark'
 * @example readThemeChoice(null) === 'auto'
 */
export function readThemeChoice(stored: string | null | undefined): ThemeChoice {
  return stored === 'light' || stored === 'dark' ? stored : 'auto';
}

/**
 * The `data-theme` attribute for a choice: none for `auto` (the stylesheet follows the system).
 * @example themeAttribute('auto') === undefined
 */
export function themeAttribute(choice: ThemeChoice): 'light' | 'dark' | undefined {
  return choice === 'auto' ? undefined : choice;
}
