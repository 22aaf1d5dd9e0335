import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseV2, parseV1, errorOf, parseVisualization } from '../../src/api/frames.js';

const vis = JSON.stringify({
  Visualization: 'barchart', Title: 'Runs', XColumn: null, Series: null, YColumns: null,
  Kind: 'stacked', Legend: null, Ymin: 'NaN', Ymax: 'NaN', Accumulate: false,
});

const frames = [
  { FrameType: 'DataSetHeader', IsProgressive: false, Version: 'v2.0' },
  {
    FrameType: 'DataTable', TableId: 0, TableKind: 'QueryProperties', TableName: '@ExtendedProperties',
    Columns: [{ ColumnName: 'TableId', ColumnType: 'int' }, { ColumnName: 'Key', ColumnType: 'string' }, { ColumnName: 'Value', ColumnType: 'dynamic' }],
    Rows: [[1, 'Visualization', vis]],
  },
  {
    FrameType: 'DataTable', TableId: 1, TableKind: 'PrimaryResult', TableName: 'PrimaryResult',
    Columns: [{ ColumnName: 'Process', ColumnType: 'string' }, { ColumnName: 'Runs', ColumnType: 'long' }],
    Rows: [['a.exe', 3], ['b.exe', 1]],
  },
  {
    FrameType: 'DataTable', TableId: 2, TableKind: 'QueryCompletionInformation', TableName: 'QueryCompletionInformation',
    Columns: [{ ColumnName: 'EventTypeName', ColumnType: 'string' }, { ColumnName: 'Payload', ColumnType: 'string' }],
    Rows: [['QueryResourceConsumption', '{"ExecutionTime":0.25}']],
  },
  { FrameType: 'DataSetCompletion', HasErrors: false, Cancelled: false },
];

test('parseV2 reads the primary result, its visualization and the statistics', () => {
  const r = parseV2(frames);
  assert.equal(r.tables.length, 1);
  assert.deepEqual(r.tables[0].columns, [{ name: 'Process', type: 'string' }, { name: 'Runs', type: 'long' }]);
  assert.deepEqual(r.tables[0].rows[1], ['b.exe', 1]);
  assert.equal(r.visualization.visualization, 'barchart');
  assert.equal(r.visualization.kind, 'stacked');
  assert.equal(r.visualization.title, 'Runs');
  assert.equal('ymin' in r.visualization, false, 'NaN limits are dropped');
  assert.equal(r.tables[0].visualization.kind, 'stacked');
  assert.equal(r.stats.ExecutionTime, 0.25);
  assert.deepEqual(r.errors, []);
});

test('parseV2 assembles progressive fragments', () => {
  const r = parseV2([
    { FrameType: 'DataSetHeader', IsProgressive: true },
    { FrameType: 'TableHeader', TableId: 0, TableKind: 'PrimaryResult', TableName: 'PrimaryResult', Columns: [{ ColumnName: 'x', ColumnType: 'long' }] },
    { FrameType: 'TableFragment', TableId: 0, TableFragmentType: 'DataAppend', Rows: [[1], [2]] },
    { FrameType: 'TableFragment', TableId: 0, TableFragmentType: 'DataAppend', Rows: [[3]] },
    { FrameType: 'TableCompletion', TableId: 0, RowCount: 3 },
    { FrameType: 'DataSetCompletion', HasErrors: false },
  ]);
  assert.deepEqual(r.tables[0].rows, [[1], [2], [3]]);
});

test('in-band errors carry their message and position', () => {
  const r = parseV2([
    { FrameType: 'DataSetHeader' },
    { FrameType: 'DataSetCompletion', HasErrors: true, OneApiErrors: [{ error: { code: 'LimitsExceeded', message: 'too big', '@message': 'Query result set has exceeded the limit' } }] },
  ]);
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].code, 'LimitsExceeded');
  assert.match(r.errors[0].message, /exceeded/);
});

test('errorOf finds line:col in the message or in structured fields', () => {
  const a = errorOf({ error: { code: 'General_BadRequest', '@message': "3:14: syntax error: expected ')'" } });
  assert.deepEqual([a.line, a.col], [3, 14]);
  const b = errorOf({ error: { message: 'x', '@context': { line: 2, col: 5, length: 3 } } });
  assert.deepEqual([b.line, b.col, b.length], [2, 5, 3]);
  const c = errorOf({ error: { message: 'Semantic error at (4, 9): unknown column' } });
  assert.deepEqual([c.line, c.col], [4, 9]);
  const d = errorOf({ error: { message: 'no position here' } });
  assert.deepEqual([d.line, d.col], [0, 0]);
});

test('parseVisualization ignores tables without render', () => {
  assert.equal(parseVisualization(JSON.stringify({ Visualization: null })), null);
  assert.equal(parseVisualization('not json'), null);
});

test('parseV1 maps .NET types to KQL types', () => {
  const t = parseV1({ Tables: [{ TableName: 'Table_0', Columns: [{ ColumnName: 'n', DataType: 'Int64' }, { ColumnName: 's', ColumnType: 'string' }], Rows: [[1, 'a']] }] });
  assert.deepEqual(t[0].columns, [{ name: 'n', type: 'long' }, { name: 's', type: 'string' }]);
  assert.throws(() => parseV1({}), /no Tables/);
});
