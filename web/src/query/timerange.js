// The time-range picker, as Log Analytics applies it: the range scopes TimeGenerated of every
// table the query reads, unless the query filters TimeGenerated itself ("Set in query").
import { codeOnly } from './scan.js';
import { kqlName } from './literals.js';

export const PRESETS = [
  { id: '24h', label: 'Last 24 hours', span: '24h' },
  { id: '7d', label: 'Last 7 days', span: '7d' },
  { id: '30d', label: 'Last 30 days', span: '30d' },
  { id: 'custom', label: 'Custom' },
];

// True when the query compares TimeGenerated itself; the picker then stays out of the way.
export function setInQuery(text) {
  const code = codeOnly(text);
  return (
    /\bTimeGenerated\s*(>=|<=|>|<|==|!=|between\b|in\b|!between\b)/.test(code) ||
    /(>=|<=|>|<|==)\s*TimeGenerated\b/.test(code)
  );
}

// The predicate of a range: { id: '24h'|'7d'|'30d' } or { id: 'custom', from, to } (ISO).
export function rangePredicate(range) {
  if (!range) return null;
  if (range.id === 'custom') {
    if (!range.from || !range.to) return null;
    return `TimeGenerated between (datetime(${range.from}) .. datetime(${range.to}))`;
  }
  const preset = PRESETS.find((p) => p.id === range.id && p.span);
  return preset ? `TimeGenerated > ago(${preset.span})` : null;
}

// The tables of `tablesWithTime` (names of tables that have TimeGenerated) that the query names.
export function tablesNamed(text, tablesWithTime) {
  const code = codeOnly(text);
  const names = [];
  for (const t of tablesWithTime) {
    const re = new RegExp(`(^|[^.A-Za-z0-9_'"])${t.replace(/[^A-Za-z0-9_]/g, '')}(?![A-Za-z0-9_])`);
    if (re.test(code)) names.push(t);
  }
  return names;
}

// The text to send for `text` under `range`: unchanged when the query sets its own time or reads
// no timed table; otherwise one leading line that rebinds each timed table to its scoped rows.
// The prefix is a single line so the server's error positions map back by `lineOffset`.
export function scopeQuery(text, range, tablesWithTime) {
  const predicate = rangePredicate(range);
  if (!predicate || setInQuery(text)) return { text, lineOffset: 0, scoped: false };
  const tables = tablesNamed(text, tablesWithTime);
  if (!tables.length) return { text, lineOffset: 0, scoped: false };
  const lets = tables
    .map((t) => `let ${kqlName(t)} = table(${JSON.stringify(t)}) | where ${predicate};`)
    .join(' ');
  return { text: `${lets}\n${text}`, lineOffset: 1, scoped: true };
}
