// Shapes a result's rows into the series a chart draws, following a chartSpec.

function toNumber(v) {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export function xValue(v, isTime) {
  if (v === null || v === undefined) return null;
  if (isTime) {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : null;
  }
  return typeof v === 'object' ? JSON.stringify(v) : v;
}

function asArray(v) {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') {
    try {
      const p = JSON.parse(v);
      return Array.isArray(p) ? p : [];
    } catch {
      return [];
    }
  }
  return [];
}

export const MAX_SERIES = 100;

// { xs: [distinct x in order of first appearance (sorted when time or numeric)],
//   series: [{ name, y, points: Map(x -> y) }] }
// Rows with the same x and series add up (so a pivot onto fewer columns aggregates).
export function shapeSeries(table, spec) {
  const at = (name) => table.columns.findIndex((c) => c.name === name);
  const xAt = at(spec.xColumn);
  const yAts = spec.yColumns.map(at);
  const sAts = spec.seriesColumns.map(at);
  const byName = new Map();
  const xs = [];
  const seenX = new Set();
  const add = (x, seriesKey, yName, y) => {
    if (x === null) return;
    if (!seenX.has(x)) {
      seenX.add(x);
      xs.push(x);
    }
    const name = seriesKey === '' ? yName : spec.yColumns.length > 1 ? `${seriesKey}:${yName}` : seriesKey;
    let s = byName.get(name);
    if (!s) {
      s = { name, y: yName, points: new Map() };
      byName.set(name, s);
    }
    if (y === null) {
      if (!s.points.has(x)) s.points.set(x, null);
      return;
    }
    s.points.set(x, (s.points.get(x) || 0) + y);
  };

  for (const row of table.rows) {
    const seriesKey = sAts.map((i) => formatKey(row[i])).join(', ');
    if (spec.seriesAsArrays) {
      // make-series output: each row holds arrays of x and of y values.
      const xsArr = asArray(row[xAt]);
      yAts.forEach((yi, k) => {
        const ys = asArray(row[yi]);
        xsArr.forEach((xv, j) => add(xValue(xv, spec.isTimeX), seriesKey, spec.yColumns[k], toNumber(ys[j])));
      });
    } else {
      const x = xValue(row[xAt], spec.isTimeX);
      yAts.forEach((yi, k) => add(x, seriesKey, spec.yColumns[k], toNumber(row[yi])));
    }
  }
  if (spec.isTimeX || xs.every((x) => typeof x === 'number')) xs.sort((a, b) => a - b);
  let series = [...byName.values()];
  let truncated = false;
  if (series.length > MAX_SERIES) {
    // Keep the largest series: a chart of thousands of legend entries shows nothing.
    const total = (s) => [...s.points.values()].reduce((a, y) => a + Math.abs(y || 0), 0);
    series = series.map((s) => ({ s, t: total(s) })).sort((a, b) => b.t - a.t).slice(0, MAX_SERIES).map((e) => e.s);
    truncated = true;
  }
  if (spec.accumulate) {
    for (const s of series) {
      let sum = 0;
      for (const x of xs) {
        if (!s.points.has(x)) continue;
        sum += s.points.get(x) || 0;
        s.points.set(x, sum);
      }
    }
  }
  return { xs, series, truncated };
}

function formatKey(v) {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

// Pie and treemap: one value per category path (the series columns), summed.
export function shapeCategories(table, spec) {
  const at = (name) => table.columns.findIndex((c) => c.name === name);
  const sAts = spec.seriesColumns.map(at);
  const yAt = at(spec.yColumns[0]);
  const totals = new Map();
  for (const row of table.rows) {
    const path = sAts.map((i) => formatKey(row[i]));
    const key = JSON.stringify(path);
    const y = toNumber(row[yAt]) || 0;
    const cur = totals.get(key);
    totals.set(key, { path, value: (cur ? cur.value : 0) + y });
  }
  return [...totals.values()];
}
