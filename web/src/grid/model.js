// The grid's pure parts: cell text, sort order and the vertical layout of rows and expanded
// details, so the view can find the rows in a viewport without touching each of 100,000.

export function cellText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// A value pretty-printed for an expanded row: JSON (dynamic values, or strings that hold JSON)
// indented, everything else as is.
export function detailText(value, type) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  if (typeof value === 'string' && (type === 'dynamic' || /^\s*[[{]/.test(value))) {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return String(value);
}

const NUMERIC = new Set(['int', 'long', 'real', 'double', 'decimal']);

function compareValues(a, b, numeric) {
  if (numeric) return Number(a) - Number(b);
  const x = typeof a === 'object' ? JSON.stringify(a) : String(a);
  const y = typeof b === 'object' ? JSON.stringify(b) : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// Row indices in display order for a sort { col, dir: 1 | -1 } (or none: the result's order).
// Stable, and empty values (null, "", NaN in a numeric column) stay last in both directions.
export function sortOrder(rows, columns, sort) {
  const order = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) order[i] = i;
  if (!sort || sort.col < 0) return order;
  const numeric = NUMERIC.has(columns[sort.col].type);
  const c = sort.col;
  const empty = (v) => v === null || v === undefined || v === '' || (numeric && Number.isNaN(Number(v)));
  const arr = Array.from(order);
  arr.sort((i, j) => {
    const a = rows[i][c];
    const b = rows[j][c];
    const aEmpty = empty(a);
    const bEmpty = empty(b);
    if (aEmpty || bEmpty) return aEmpty === bEmpty ? i - j : aEmpty ? 1 : -1;
    return sort.dir * compareValues(a, b, numeric) || i - j;
  });
  return Int32Array.from(arr);
}

// Vertical layout: each displayed row takes rowHeight, an expanded one detailHeight more.
// tops[k] is where display row k starts; tops[n] is the total height.
export function layoutRows(order, expanded, rowHeight, detailHeight) {
  const n = order.length;
  const tops = new Float64Array(n + 1);
  let y = 0;
  for (let k = 0; k < n; k++) {
    tops[k] = y;
    y += rowHeight + (expanded.size && expanded.has(order[k]) ? detailHeight : 0);
  }
  tops[n] = y;
  return tops;
}

// The display row at pixel `y` (binary search over tops).
export function rowAt(tops, y) {
  let lo = 0;
  let hi = tops.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
