// The one-click drill-down steps on a result cell: include or exclude its value, and open the
// window of events around a time.
import { kqlLiteral, kqlName } from './literals.js';
import { topLevelPipes, codeOnly } from './scan.js';

// The statement without a trailing `;` and blank space, split where a trailing `| render ...`
// begins (render must stay the last operator).
function splitAtRender(statement) {
  const text = statement.replace(/[\s;]+$/, '');
  const pipes = topLevelPipes(text);
  for (let k = pipes.length - 1; k >= 0; k--) {
    if (/^\|\s*render\b/.test(text.slice(pipes[k]))) {
      return { head: text.slice(0, pipes[k]).replace(/\s+$/, ''), tail: text.slice(pipes[k]) };
    }
  }
  return { head: text, tail: '' };
}

// The predicate that keeps (include) or drops (exclude) rows whose `column` equals `value`.
export function cellPredicate(column, value, include) {
  const name = kqlName(column.name);
  const literal = kqlLiteral(value, column.type);
  if (literal === null) return include ? `isnull(${name})` : `isnotnull(${name})`;
  const op = include ? '==' : '!=';
  if (column.type === 'dynamic') return `tostring(${name}) ${op} ${literal}`;
  return `${name} ${op} ${literal}`;
}

// `statement` with `| where <predicate>` added as its last filter (before any render).
export function addFilter(statement, predicate) {
  const { head, tail } = splitAtRender(statement);
  return `${head}\n| where ${predicate}${tail ? `\n${tail}` : ''}`;
}

export function includeValue(statement, column, value) {
  return addFilter(statement, cellPredicate(column, value, true));
}

export function excludeValue(statement, column, value) {
  return addFilter(statement, cellPredicate(column, value, false));
}

// The table a statement reads first: the first known table named in its code (after its let
// statements), or null.
export function sourceTable(statement, knownTables) {
  const code = codeOnly(statement);
  const known = new Map(knownTables.map((t) => [t.toLowerCase(), t]));
  const letNames = new Set();
  for (const m of code.matchAll(/\blet\s+([A-Za-z_][A-Za-z0-9_]*)\s*=/g)) letNames.add(m[1].toLowerCase());
  for (const m of code.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    const word = m[0].toLowerCase();
    if (letNames.has(word)) continue;
    if (known.has(word) && code[m.index - 1] !== '.') return known.get(word);
  }
  return null;
}

// The query for the events of `table` within ±minutes of `time` (an ISO datetime), narrowed to
// the row's machine and account when the row has them: the "what else happened then" step.
export function windowQuery({ table, time, minutes = 5, row = [], columns = [] }) {
  const lines = [
    `let t = datetime(${time});`,
    table ? kqlName(table) : 'union *',
    `| where TimeGenerated between ((t - ${minutes}m) .. (t + ${minutes}m))`,
  ];
  for (const key of ['Computer', 'Account']) {
    const at = columns.findIndex((c) => c.name === key && c.type === 'string');
    if (at >= 0 && row[at]) lines.push(`| where ${key} =~ ${kqlLiteral(row[at], 'string')}`);
  }
  lines.push('| sort by TimeGenerated asc');
  return lines.join('\n');
}
