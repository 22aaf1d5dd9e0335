// Query history: the last queries run, newest first, kept in the browser's storage.

const KEY = 'huntdb.history';
const LIMIT = 100;

export function addToHistory(list, text, at = new Date().toISOString()) {
  const trimmed = text.trim();
  if (!trimmed) return list;
  const rest = list.filter((h) => h.text !== trimmed);
  return [{ text: trimmed, at }, ...rest].slice(0, LIMIT);
}

export function loadHistory(storage = globalThis.localStorage) {
  try {
    const v = JSON.parse(storage.getItem(KEY) || '[]');
    return Array.isArray(v) ? v.filter((h) => h && typeof h.text === 'string') : [];
  } catch {
    return [];
  }
}

export function saveHistory(list, storage = globalThis.localStorage) {
  try {
    storage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: history stays for this page only.
  }
}
