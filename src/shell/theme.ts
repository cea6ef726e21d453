export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (themes as readonly string[]).includes(value);
}

/**
 * Applies a theme to the root element. "system" removes the override so the CSS follows
 * `prefers-color-scheme`; the `color-scheme` property keeps form controls and scrollbars in step.
 */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') {
    delete root.dataset.theme;
    root.style.colorScheme = 'light dark';
  } else {
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
  }
}
