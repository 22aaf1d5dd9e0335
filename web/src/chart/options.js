// A chartSpec and a result table to an ECharts option. Pure: the view module owns the DOM.
import { shapeSeries, shapeCategories, xValue } from './series.js';

const CARTESIAN = new Set(['bar', 'column', 'line', 'area', 'scatter']);
// Bars beyond this many categories are not drawn (nobody reads them; they would stall the page).
export const MAX_CATEGORIES = 2000;

export function formatTime(ms) {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');
}

function baseOption(spec) {
  return {
    backgroundColor: 'transparent',
    animation: false,
    title: spec.title ? { text: spec.title, left: 'center', textStyle: { fontSize: 14 } } : undefined,
    legend: spec.legend ? { type: 'scroll', bottom: 0 } : { show: false },
  };
}

// What the chart view draws instead of ECharts for the kinds that are not charts.
export function nonChartKind(spec) {
  if (spec.family === 'table' || spec.family === 'card' || spec.family === 'plotly') return spec.family;
  return null;
}

export function chartOption(table, spec) {
  switch (spec.family) {
    case 'pie':
      return pieOption(table, spec);
    case 'treemap':
      return treemapOption(table, spec);
    case 'ladder':
      return ladderOption(table, spec);
    case 'timepivot':
      return timepivotOption(table, spec);
    default:
      if (CARTESIAN.has(spec.family)) return cartesianOption(table, spec);
      return null;
  }
}

function valueAxis(spec, extra = {}) {
  const axis = { type: spec.yLog ? 'log' : 'value', name: spec.yTitle || undefined, ...extra };
  if (spec.ymin !== null) axis.min = spec.ymin;
  if (spec.ymax !== null) axis.max = spec.ymax;
  if (spec.mode === 'stacked100') axis.max = 100;
  return axis;
}

function cartesianOption(table, spec) {
  const shaped = shapeSeries(table, spec);
  const { series } = shaped;
  let { xs } = shaped;
  const horizontal = spec.family === 'bar';
  const isBar = spec.family === 'bar' || spec.family === 'column';
  // Bars draw categories; lines, areas and scatters over time or numbers draw a continuous axis.
  const continuous = !isBar && (spec.isTimeX || xs.every((x) => typeof x === 'number'));
  let truncated = shaped.truncated;
  if (!continuous && xs.length > MAX_CATEGORIES) {
    xs = xs.slice(0, MAX_CATEGORIES);
    truncated = true;
  }
  const xAxisBase = continuous
    ? { type: spec.isTimeX ? 'time' : spec.xLog ? 'log' : 'value', name: spec.xTitle || undefined, scale: true }
    : { type: 'category', name: spec.xTitle || undefined, data: xs.map((x) => (spec.isTimeX ? formatTime(x) : String(x))) };

  // stacked100: every x's values become shares of that x's total.
  const totals = new Map();
  if (spec.mode === 'stacked100') {
    for (const s of series) for (const [x, y] of s.points) totals.set(x, (totals.get(x) || 0) + Math.abs(y || 0));
  }
  const valueAt = (s, x) => {
    const y = s.points.has(x) ? s.points.get(x) : null;
    if (y === null || spec.mode !== 'stacked100') return y;
    const t = totals.get(x);
    return t ? (100 * y) / t : 0;
  };

  const stack = spec.mode === 'stacked' || spec.mode === 'stacked100';
  const panels = spec.ysplit === 'panels' && series.length > 1;
  const splitAxes = spec.ysplit === 'axes' && series.length > 1 && !panels;
  const echartsSeries = series.map((s, i) => {
    const data = continuous ? xs.filter((x) => s.points.has(x)).map((x) => [x, valueAt(s, x)]) : xs.map((x) => valueAt(s, x));
    const out = {
      name: s.name,
      type: isBar ? 'bar' : spec.family === 'scatter' ? 'scatter' : 'line',
      data,
      emphasis: { focus: 'series' },
    };
    if (horizontal) out.data = data; // category on the y axis; values stay in x order
    if (stack && !panels) out.stack = 'total';
    if (spec.family === 'area') out.areaStyle = {};
    if (out.type === 'line') {
      out.showSymbol = data.length < 200;
      out.sampling = 'lttb';
      out.connectNulls = false;
    }
    if (panels) {
      out.xAxisIndex = i;
      out.yAxisIndex = i;
    } else if (splitAxes) out.yAxisIndex = i;
    return out;
  });
  if (spec.render === 'anomalychart') echartsSeries.push(...anomalySeries(table, spec, continuous));

  const option = {
    ...baseOption(spec),
    truncated,
    tooltip: { trigger: 'axis', axisPointer: { type: isBar ? 'shadow' : 'line' }, confine: true },
    series: echartsSeries,
  };
  if (panels) {
    const n = series.length;
    const h = 80 / n;
    option.grid = series.map((_, i) => ({ left: 60, right: 30, top: `${8 + i * h}%`, height: `${h - 4}%` }));
    const cat = series.map((_, i) => ({ ...xAxisBase, gridIndex: i }));
    const val = series.map((s, i) => valueAxis(spec, { gridIndex: i, name: s.name }));
    option.xAxis = horizontal ? val : cat;
    option.yAxis = horizontal ? cat : val;
    return option;
  }
  option.grid = { left: 60, right: splitAxes ? 30 + 50 * (series.length - 1) : 30, top: spec.title ? 40 : 20, bottom: spec.legend ? 60 : 30, containLabel: true };
  const vAxes = splitAxes
    ? series.map((s, i) => valueAxis(spec, { name: s.name, position: i === 0 ? 'left' : 'right', offset: i > 1 ? 50 * (i - 1) : 0 }))
    : valueAxis(spec);
  option.xAxis = horizontal ? vAxes : xAxisBase;
  option.yAxis = horizontal ? { ...xAxisBase, inverse: true } : vAxes;
  return option;
}

// Anomaly markers: points where an anomaly column is non-zero, drawn at the matching y value.
function anomalySeries(table, spec, continuous) {
  if (!spec.anomalyColumns.length || !spec.yColumns.length) return [];
  const at = (name) => table.columns.findIndex((c) => c.name === name);
  const xAt = at(spec.xColumn);
  const yAt = at(spec.yColumns[0]);
  const arr = (v) => (Array.isArray(v) ? v : typeof v === 'string' ? safeParse(v) : [v]);
  return spec.anomalyColumns.map((name) => {
    const aAt = at(name);
    const points = [];
    for (const row of table.rows) {
      const xsArr = spec.seriesAsArrays ? arr(row[xAt]) : [row[xAt]];
      const ys = spec.seriesAsArrays ? arr(row[yAt]) : [row[yAt]];
      const flags = spec.seriesAsArrays ? arr(row[aAt]) : [row[aAt]];
      flags.forEach((f, j) => {
        if (Number(f)) points.push([xValue(xsArr[j], spec.isTimeX), Number(ys[j])]);
      });
    }
    return {
      name,
      type: 'scatter',
      data: continuous ? points : points.map((p) => p[1]),
      symbolSize: 10,
      itemStyle: { color: '#e5484d' },
    };
  });
}

function safeParse(s) {
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function categorySpec(table, spec) {
  // Pie and treemap read categories from the string columns and values from the first number.
  const cats = spec.seriesColumns.length
    ? spec.seriesColumns
    : table.columns.filter((c) => c.type === 'string').slice(0, 1).map((c) => c.name);
  return { ...spec, seriesColumns: cats };
}

function pieOption(table, spec) {
  const groups = shapeCategories(table, categorySpec(table, spec));
  return {
    ...baseOption(spec),
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)', confine: true },
    series: [
      {
        type: 'pie',
        radius: ['0%', '65%'],
        data: groups.map((g) => ({ name: g.path.join(', '), value: g.value })),
      },
    ],
  };
}

function treemapOption(table, spec) {
  const groups = shapeCategories(table, categorySpec(table, spec));
  const root = { children: new Map() };
  for (const g of groups) {
    let node = root;
    for (const part of g.path) {
      if (!node.children.has(part)) node.children.set(part, { name: part, value: 0, children: new Map() });
      node = node.children.get(part);
      node.value += g.value;
    }
  }
  const toData = (node) =>
    [...node.children.values()].map((c) => ({
      name: c.name,
      value: c.value,
      children: c.children.size ? toData(c) : undefined,
    }));
  return {
    ...baseOption(spec),
    legend: { show: false },
    tooltip: { trigger: 'item', formatter: '{b}: {c}', confine: true },
    series: [{ type: 'treemap', data: toData(root), roam: false, breadcrumb: { show: true } }],
  };
}

// Ladder chart: each row a bar from its start to its end time (the last two datetime columns),
// one lane per value of the other columns.
function ladderOption(table, spec) {
  const times = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.type === 'datetime');
  if (times.length < 2) return null;
  const [startAt, endAt] = [times[times.length - 2].i, times[times.length - 1].i];
  const laneAts = table.columns.map((_, i) => i).filter((i) => i !== startAt && i !== endAt);
  const lanes = [];
  const base = [];
  const span = [];
  let min = Infinity;
  for (const row of table.rows) {
    const s = Date.parse(row[startAt]);
    if (Number.isFinite(s)) min = Math.min(min, s);
  }
  for (const row of table.rows) {
    const s = Date.parse(row[startAt]);
    const e = Date.parse(row[endAt]);
    if (!Number.isFinite(s) || !Number.isFinite(e)) continue;
    lanes.push(laneAts.map((i) => String(row[i] ?? '')).join(', ') || String(lanes.length + 1));
    base.push(s - min);
    span.push(Math.max(0, e - s));
  }
  return {
    ...baseOption(spec),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p) => `${p.name}<br>${formatTime(base[p.dataIndex] + min)} – ${formatTime(base[p.dataIndex] + span[p.dataIndex] + min)}`,
    },
    grid: { left: 60, right: 30, top: 30, bottom: 40, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => formatTime(v + min) } },
    yAxis: { type: 'category', data: lanes, inverse: true },
    series: [
      { type: 'bar', stack: 'ladder', data: base, itemStyle: { color: 'transparent' }, silent: true, tooltip: { show: false } },
      { type: 'bar', stack: 'ladder', name: 'duration', data: span },
    ],
  };
}

// Time pivot: each row a point on its lane's timeline (the series columns name the lane).
function timepivotOption(table, spec) {
  const at = (name) => table.columns.findIndex((c) => c.name === name);
  const xAt = at(spec.xColumn);
  const laneCols = spec.seriesColumns.length ? spec.seriesColumns.map(at) : [];
  const lanes = [];
  const laneIndex = new Map();
  const points = [];
  for (const row of table.rows) {
    const t = Date.parse(row[xAt]);
    if (!Number.isFinite(t)) continue;
    const lane = laneCols.map((i) => String(row[i] ?? '')).join(', ') || 'events';
    if (!laneIndex.has(lane)) {
      laneIndex.set(lane, lanes.length);
      lanes.push(lane);
    }
    points.push([t, lane]);
  }
  return {
    ...baseOption(spec),
    legend: { show: false },
    tooltip: { trigger: 'item', confine: true, formatter: (p) => `${p.value[1]}<br>${formatTime(p.value[0])}` },
    grid: { left: 60, right: 30, top: 30, bottom: 40, containLabel: true },
    xAxis: { type: 'time' },
    yAxis: { type: 'category', data: lanes, inverse: true },
    series: [{ type: 'scatter', symbolSize: 8, data: points }],
  };
}
