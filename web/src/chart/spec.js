// From a result's `render` properties and columns to a chart specification: which column is
// the x axis, which are the values, which split the rows into series, and the display options.
// Kusto's defaults: x is the first column (a datetime for time charts), y all numeric columns
// that are not x, series every other column.

export const NUMERIC = new Set(['int', 'long', 'real', 'double', 'decimal']);
export const isNumeric = (type) => NUMERIC.has(type);
const isTime = (type) => type === 'datetime' || type === 'date';

// Render kinds of the Kusto reference and the chart family each draws as.
export const RENDER_KINDS = {
  table: 'table',
  barchart: 'bar',
  columnchart: 'column',
  piechart: 'pie',
  timechart: 'line',
  linechart: 'line',
  areachart: 'area',
  stackedareachart: 'area',
  scatterchart: 'scatter',
  anomalychart: 'line',
  card: 'card',
  pivotchart: 'column',
  ladderchart: 'ladder',
  timepivot: 'timepivot',
  treemap: 'treemap',
  plotly: 'plotly',
};

function splitList(v) {
  if (Array.isArray(v)) return v.map(String);
  if (v === undefined || v === null || v === '') return [];
  return String(v).split(',').map((s) => s.trim()).filter(Boolean);
}

// Resolves names case-insensitively against the result's columns; unknown names are dropped.
function resolve(names, columns) {
  const out = [];
  for (const n of names) {
    const c = columns.find((col) => col.name === n) || columns.find((col) => col.name.toLowerCase() === n.toLowerCase());
    if (c && !out.includes(c.name)) out.push(c.name);
  }
  return out;
}

// `vis` is the parsed Visualization (lower-cased keys) or null; `overrides` are the workbench's
// own choices (chart kind picked in the toolbar, the pivot column).
export function chartSpec(vis, columns, overrides = {}) {
  const v = { ...(vis || {}) };
  const render = String(overrides.render || v.visualization || 'columnchart').toLowerCase();
  const family = RENDER_KINDS[render] || 'column';
  let mode = String(v.kind || 'default').toLowerCase();
  if (render === 'stackedareachart') mode = 'stacked';
  if (!['default', 'stacked', 'stacked100', 'unstacked', 'map'].includes(mode)) mode = 'default';
  if (mode === 'default') mode = family === 'area' ? 'stacked' : 'unstacked';

  const typeOf = (name) => (columns.find((c) => c.name === name) || {}).type;
  const arrayValued = (name) => typeOf(name) === 'dynamic';

  // x: named, else the first datetime for time charts, else the first column.
  let xColumn = resolve(splitList(v.xcolumn), columns)[0];
  if (!xColumn) {
    const timeFirst = ['timechart', 'anomalychart', 'timepivot'].includes(render);
    // make-series output holds its timestamps in the first dynamic (array) column.
    const firstTime = columns.find((c) => isTime(c.type)) || columns.find((c) => c.type === 'dynamic');
    xColumn = (timeFirst && firstTime ? firstTime : columns[0] || {}).name;
  }
  if (family === 'pie' || family === 'treemap') {
    // Categories come from the string columns; x is unused.
    xColumn = undefined;
  }

  const anomalyColumns = resolve(splitList(v.anomalycolumns), columns);
  let yColumns = resolve(splitList(v.ycolumns), columns);
  if (!yColumns.length) {
    yColumns = columns
      .filter((c) => c.name !== xColumn && (isNumeric(c.type) || (arrayValued(c.name) && arrayValued(xColumn))))
      .map((c) => c.name)
      .filter((n) => !anomalyColumns.includes(n));
  }

  let seriesColumns = resolve(splitList(v.series), columns);
  if (overrides.pivot) seriesColumns = resolve([overrides.pivot], columns);
  else if (!seriesColumns.length) {
    seriesColumns = columns
      .filter((c) => c.name !== xColumn && !yColumns.includes(c.name) && !anomalyColumns.includes(c.name))
      .filter((c) => !isNumeric(c.type) && !arrayValued(c.name))
      .map((c) => c.name);
    // A time-valued non-x column would make one series per timestamp; Kusto ignores those.
    seriesColumns = seriesColumns.filter((n) => !isTime(typeOf(n)));
  }

  const legendHidden = String(v.legend || '').toLowerCase() === 'hidden';
  return {
    render,
    family,
    mode,
    xColumn,
    yColumns,
    seriesColumns,
    anomalyColumns,
    title: v.title || '',
    xTitle: v.xtitle || '',
    yTitle: v.ytitle || '',
    legend: !legendHidden,
    ysplit: String(v.ysplit || 'none').toLowerCase(),
    accumulate: v.accumulate === true || v.accumulate === 'true',
    xLog: String(v.xaxis || '').toLowerCase() === 'log',
    yLog: String(v.yaxis || '').toLowerCase() === 'log',
    ymin: finiteOrNull(v.ymin),
    ymax: finiteOrNull(v.ymax),
    isTimeX: isTime(typeOf(xColumn)) || (arrayValued(xColumn) && render !== 'scatterchart'),
    seriesAsArrays: arrayValued(xColumn),
  };
}

function finiteOrNull(x) {
  const n = typeof x === 'number' ? x : Number(x);
  return x !== undefined && x !== null && x !== '' && Number.isFinite(n) ? n : null;
}

// The columns the pivot drop-down offers: the result's string columns.
export function pivotCandidates(columns) {
  return columns.filter((c) => c.type === 'string').map((c) => c.name);
}
