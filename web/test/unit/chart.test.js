import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartSpec, pivotCandidates } from '../../src/chart/spec.js';
import { chartOption } from '../../src/chart/options.js';

const cols = [
  { name: 'Day', type: 'datetime' }, { name: 'Process', type: 'string' },
  { name: 'Computer', type: 'string' }, { name: 'Runs', type: 'long' },
];
const rows = [
  ['2024-05-01T00:00:00Z', 'a.exe', 'PC1', 2],
  ['2024-05-01T00:00:00Z', 'b.exe', 'PC1', 3],
  ['2024-05-02T00:00:00Z', 'a.exe', 'PC2', 5],
  ['2024-05-02T00:00:00Z', 'a.exe', 'PC1', 1],
];
const table = { columns: cols, rows };

test('defaults follow Kusto: x first column, y numeric columns, series the other columns', () => {
  const s = chartSpec({ visualization: 'columnchart' }, cols);
  assert.equal(s.xColumn, 'Day');
  assert.deepEqual(s.yColumns, ['Runs']);
  assert.deepEqual(s.seriesColumns, ['Process', 'Computer']);
  assert.equal(s.mode, 'unstacked');
});

test('barchart kind=stacked draws horizontal stacked bars, one per series', () => {
  const spec = chartSpec({ visualization: 'barchart', kind: 'stacked', series: 'Process' }, cols);
  const o = chartOption(table, spec);
  assert.equal(o.yAxis.type, 'category', 'bars lie along the y axis');
  assert.deepEqual(o.yAxis.data, ['2024-05-01', '2024-05-02']);
  assert.equal(o.xAxis.type, 'value');
  assert.deepEqual(o.series.map((s) => s.name), ['a.exe', 'b.exe']);
  assert.ok(o.series.every((s) => s.stack === 'total'));
  assert.deepEqual(o.series[0].data, [2, 6], 'a.exe rows of the same day add up');
  assert.deepEqual(o.series[1].data, [3, null]);
});

test('pivot on another column regroups the series', () => {
  const spec = chartSpec({ visualization: 'barchart', kind: 'stacked', series: 'Process' }, cols, { pivot: 'Computer' });
  const o = chartOption(table, spec);
  assert.deepEqual(o.series.map((s) => s.name), ['PC1', 'PC2']);
  assert.deepEqual(o.series[0].data, [5, 1]);
  assert.deepEqual(pivotCandidates(cols), ['Process', 'Computer']);
});

test('stacked100 turns values into shares of each x', () => {
  const spec = chartSpec({ visualization: 'columnchart', kind: 'stacked100', series: 'Process' }, cols);
  const o = chartOption(table, spec);
  assert.equal(o.xAxis.type, 'category');
  assert.deepEqual(o.series[0].data, [40, 100]);
  assert.deepEqual(o.series[1].data, [60, null]);
  assert.equal(o.yAxis.max, 100);
});

test('timechart uses a time axis; title, legend, ymin and log axes are honoured', () => {
  const spec = chartSpec({ visualization: 'timechart', title: 'Runs per day', legend: 'hidden', ymin: 1, yaxis: 'log', series: 'Computer' }, cols);
  const o = chartOption(table, spec);
  assert.equal(o.xAxis.type, 'time');
  assert.equal(o.title.text, 'Runs per day');
  assert.equal(o.legend.show, false);
  assert.equal(o.yAxis.type, 'log');
  assert.equal(o.yAxis.min, 1);
  assert.deepEqual(o.series.find((s) => s.name === 'PC2').data, [[Date.parse('2024-05-02T00:00:00Z'), 5]]);
});

test('areachart stacks by default; stackedareachart always stacks; unstacked does not', () => {
  assert.equal(chartSpec({ visualization: 'areachart' }, cols).mode, 'stacked');
  assert.equal(chartSpec({ visualization: 'stackedareachart', kind: 'unstacked' }, cols).mode, 'stacked');
  const o = chartOption(table, chartSpec({ visualization: 'areachart', kind: 'unstacked', series: 'Computer' }, cols));
  assert.ok(o.series.every((s) => s.areaStyle && !s.stack));
});

test('ysplit=axes gives each series its own axis; ysplit=panels its own grid', () => {
  const two = [...cols, { name: 'Hosts', type: 'long' }];
  const t2 = { columns: two, rows: rows.map((r) => [...r, 1]) };
  const axes = chartOption(t2, chartSpec({ visualization: 'linechart', ysplit: 'axes', series: 'Computer', ycolumns: 'Runs' }, two));
  assert.equal(axes.yAxis.length, 2);
  assert.deepEqual(axes.series.map((s) => s.yAxisIndex), [0, 1]);
  const panels = chartOption(t2, chartSpec({ visualization: 'linechart', ysplit: 'panels', ycolumns: 'Runs,Hosts', series: 'Computer' }, two));
  assert.equal(panels.grid.length, 4);
  assert.equal(panels.series[3].xAxisIndex, 3);
});

test('xcolumn/ycolumns pick the columns by name, case-insensitively', () => {
  const s = chartSpec({ visualization: 'scatterchart', xcolumn: 'runs', ycolumns: 'RUNS', series: 'computer' }, cols);
  assert.equal(s.xColumn, 'Runs');
  assert.deepEqual(s.yColumns, ['Runs']);
  assert.deepEqual(s.seriesColumns, ['Computer']);
});

test('piechart and treemap sum values per category', () => {
  const pie = chartOption(table, chartSpec({ visualization: 'piechart' }, cols.slice(1)));
  assert.deepEqual(pie.series[0].data.find((d) => d.name === 'a.exe, PC1'), { name: 'a.exe, PC1', value: 3 });
  const tm = chartOption(table, chartSpec({ visualization: 'treemap' }, cols.slice(1)));
  const a = tm.series[0].data.find((d) => d.name === 'a.exe');
  assert.equal(a.value, 8);
  assert.deepEqual(a.children.map((c) => [c.name, c.value]), [['PC1', 3], ['PC2', 5]]);
});

test('make-series arrays draw one line per row; anomalychart marks the flagged points', () => {
  const c = [{ name: 'Computer', type: 'string' }, { name: 'T', type: 'dynamic' }, { name: 'n', type: 'dynamic' }, { name: 'flags', type: 'dynamic' }];
  const t = { columns: c, rows: [['PC1', ['2024-05-01T00:00:00Z', '2024-05-02T00:00:00Z'], [1, 9], [0, 1]]] };
  const spec = chartSpec({ visualization: 'anomalychart', anomalycolumns: 'flags' }, c);
  assert.deepEqual(spec.yColumns, ['n']);
  const o = chartOption(t, spec);
  assert.equal(o.xAxis.type, 'time');
  assert.deepEqual(o.series[0].data, [[Date.parse('2024-05-01T00:00:00Z'), 1], [Date.parse('2024-05-02T00:00:00Z'), 9]]);
  assert.deepEqual(o.series[1].data, [[Date.parse('2024-05-02T00:00:00Z'), 9]]);
});

test('accumulate sums along x', () => {
  const o = chartOption(table, chartSpec({ visualization: 'linechart', accumulate: true, series: 'Computer' }, cols));
  assert.deepEqual(o.series.find((s) => s.name === 'PC1').data.map((p) => p[1]), [5, 6]);
});

test('ladderchart and timepivot lay rows on lanes', () => {
  const c = [{ name: 'Step', type: 'string' }, { name: 'Start', type: 'datetime' }, { name: 'End', type: 'datetime' }];
  const t = { columns: c, rows: [['load', '2024-05-01T00:00:00Z', '2024-05-01T00:10:00Z'], ['run', '2024-05-01T00:05:00Z', '2024-05-01T00:06:00Z']] };
  const ladder = chartOption(t, chartSpec({ visualization: 'ladderchart' }, c));
  assert.deepEqual(ladder.yAxis.data, ['load', 'run']);
  assert.deepEqual(ladder.series[1].data, [600000, 60000]);
  assert.deepEqual(ladder.series[0].data, [0, 300000]);
  const tp = chartOption(t, chartSpec({ visualization: 'timepivot' }, c));
  assert.deepEqual(tp.yAxis.data, ['load', 'run']);
});

test('charts keep the largest series and the first categories when there are too many', async () => {
  const { MAX_CATEGORIES } = await import('../../src/chart/options.js');
  const { MAX_SERIES } = await import('../../src/chart/series.js');
  const c = [{ name: 'k', type: 'string' }, { name: 's', type: 'string' }, { name: 'v', type: 'long' }];
  const many = { columns: c, rows: [] };
  for (let i = 0; i < MAX_CATEGORIES + 10; i++) many.rows.push([`k${i}`, `s${i % (MAX_SERIES + 5)}`, i % (MAX_SERIES + 5)]);
  const o = chartOption(many, chartSpec({ visualization: 'columnchart' }, c));
  assert.equal(o.truncated, true);
  assert.equal(o.xAxis.data.length, MAX_CATEGORIES);
  assert.equal(o.series.length, MAX_SERIES);
  assert.ok(!o.series.some((s) => s.name === 's0'), 'the smallest series is the one dropped');
});
