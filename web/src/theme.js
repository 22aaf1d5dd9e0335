// Light and dark themes: a class on <html> that the stylesheet keys on, remembered per browser.

const KEY = 'huntdb.theme';

export function initialTheme() {
  const saved = globalThis.localStorage && localStorage.getItem(KEY);
  if (saved === 'dark' || saved === 'light') return saved;
  return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // not remembered
  }
}
