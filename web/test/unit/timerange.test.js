import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scopeQuery, setInQuery, rangePredicate, tablesNamed } from '../../src/query/timerange.js';

const timed = ['SecurityEvent', 'SecurityAlert'];

test('a query without its own time filter is scoped on every timed table it reads', () => {
  const r = scopeQuery('SecurityEvent\n| join (SecurityAlert) on Computer', { id: '24h' }, timed);
  assert.equal(r.scoped, true);
  assert.equal(r.lineOffset, 1);
  const [prefix, ...rest] = r.text.split('\n');
  assert.equal(prefix, 'let SecurityEvent = table("SecurityEvent") | where TimeGenerated > ago(24h); let SecurityAlert = table("SecurityAlert") | where TimeGenerated > ago(24h);');
  assert.equal(rest.join('\n'), 'SecurityEvent\n| join (SecurityAlert) on Computer');
});

test('a query that filters TimeGenerated itself is left alone (set in query)', () => {
  for (const q of ['SecurityEvent | where TimeGenerated > ago(7d)', 'SecurityEvent | where ago(1d) < TimeGenerated', 'T | where TimeGenerated between (a .. b)']) {
    assert.equal(setInQuery(q), true, q);
    assert.equal(scopeQuery(q, { id: '30d' }, timed).scoped, false);
  }
  assert.equal(setInQuery('SecurityEvent | project TimeGenerated // TimeGenerated > x'), false);
  assert.equal(setInQuery('SecurityEvent | where s == "TimeGenerated > 1"'), false);
});

test('custom ranges use between; unknown or incomplete ranges do nothing', () => {
  assert.equal(rangePredicate({ id: 'custom', from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00Z' }), 'TimeGenerated between (datetime(2024-01-01T00:00:00Z) .. datetime(2024-01-02T00:00:00Z))');
  assert.equal(rangePredicate({ id: 'custom', from: '' }), null);
  assert.equal(scopeQuery('SecurityEvent', null, timed).scoped, false);
  assert.equal(scopeQuery('print 1', { id: '7d' }, timed).scoped, false);
});

test('tablesNamed matches whole names only', () => {
  assert.deepEqual(tablesNamed('SecurityEventX | union SecurityAlert', timed), ['SecurityAlert']);
  assert.deepEqual(tablesNamed('x.SecurityEvent', timed), []);
});
