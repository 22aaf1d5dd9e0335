import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortOrder, layoutRows, rowAt, detailText, cellText } from '../../src/grid/model.js';
import { toCsv } from '../../src/grid/csv.js';
import { addToHistory, loadHistory, saveHistory } from '../../src/history.js';

const columns = [{ name: 'n', type: 'long' }, { name: 's', type: 'string' }];
const rows = [[10, 'b'], [null, 'a'], [2, ''], [10, 'c'], ['NaN', 'd']];

test('numeric sort compares numbers, keeps ties stable and empty values last both ways', () => {
  assert.deepEqual([...sortOrder(rows, columns, { col: 0, dir: 1 })], [2, 0, 3, 1, 4]);
  assert.deepEqual([...sortOrder(rows, columns, { col: 0, dir: -1 })], [0, 3, 2, 1, 4]);
  assert.deepEqual([...sortOrder(rows, columns, { col: 1, dir: 1 })], [1, 0, 3, 4, 2]);
  assert.deepEqual([...sortOrder(rows, columns, null)], [0, 1, 2, 3, 4]);
});

test('layout places expanded rows taller and rowAt finds rows by pixel', () => {
  const order = Int32Array.from([0, 1, 2, 3]);
  const tops = layoutRows(order, new Set([1]), 20, 100);
  assert.deepEqual([...tops], [0, 20, 140, 160, 180]);
  assert.equal(rowAt(tops, 0), 0);
  assert.equal(rowAt(tops, 139), 1);
  assert.equal(rowAt(tops, 140), 2);
  assert.equal(rowAt(tops, 10000), 3);
});

test('a layout of 100,000 rows is cheap', () => {
  const order = new Int32Array(100000).map((_, i) => i);
  const t0 = performance.now();
  const tops = layoutRows(order, new Set([5, 99999]), 26, 280);
  assert.equal(tops[100000], 100000 * 26 + 2 * 280);
  assert.equal(rowAt(tops, 26 * 50000 + 280 + 1), 50000);
  assert.ok(performance.now() - t0 < 200);
});

test('expanded values: JSON indented, JSON held in strings too, other text as is', () => {
  assert.equal(detailText({ a: [1] }, 'dynamic'), '{\n  "a": [\n    1\n  ]\n}');
  assert.equal(detailText('{"x":1}', 'string'), '{\n  "x": 1\n}');
  assert.equal(detailText('{not json', 'string'), '{not json');
  assert.equal(detailText(null, 'string'), '');
  assert.equal(cellText({ a: 1 }), '{"a":1}');
});

test('CSV quotes commas, quotes and line breaks', () => {
  const csv = toCsv([{ name: 'a' }, { name: 'b,c' }], [[1, 'x "y"'], [null, 'l1\nl2'], [{ k: 1 }, 'plain']]);
  assert.equal(csv, 'a,"b,c"\r\n1,"x ""y"""\r\n,"l1\nl2"\r\n"{""k"":1}",plain\r\n');
});

test('history keeps the newest first, once each, and survives storage errors', () => {
  let h = addToHistory([], ' A ', 't1');
  h = addToHistory(h, 'B', 't2');
  h = addToHistory(h, 'A', 't3');
  assert.deepEqual(h.map((x) => x.text), ['A', 'B']);
  assert.deepEqual(addToHistory(h, '   '), h);
  const store = new Map();
  const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v) };
  saveHistory(h, storage);
  assert.deepEqual(loadHistory(storage), h);
  assert.deepEqual(loadHistory({ getItem: () => '{broken' }), []);
  assert.doesNotThrow(() => saveHistory(h, { setItem: () => { throw new Error('full'); } }));
});
