import { test } from 'node:test';
import assert from 'node:assert/strict';
import { includeValue, excludeValue, windowQuery, sourceTable, cellPredicate } from '../../src/query/drilldown.js';
import { kqlName, kqlLiteral } from '../../src/query/literals.js';
import { statementAt } from '../../src/query/statement.js';

const str = { name: 'Computer', type: 'string' };

test('include and exclude add a where clause at the end', () => {
  const q = 'SecurityEvent\n| summarize count() by Computer';
  assert.equal(includeValue(q, str, 'SRV-FIN01'), 'SecurityEvent\n| summarize count() by Computer\n| where Computer == "SRV-FIN01"');
  assert.equal(excludeValue(q + ';\n', str, 'a"b\\c'), 'SecurityEvent\n| summarize count() by Computer\n| where Computer != "a\\"b\\\\c"');
});

test('the filter goes before a trailing render, not after it', () => {
  const q = 'T | summarize n = count() by Process | render barchart kind=stacked';
  assert.equal(includeValue(q, { name: 'Process', type: 'string' }, 'x.exe'), 'T | summarize n = count() by Process\n| where Process == "x.exe"\n| render barchart kind=stacked');
});

test('a pipe inside a string or a subquery is not a render boundary', () => {
  const q = 'T | where s == "| render x" | join (U | render table) on k';
  const out = includeValue(q, { name: 'k', type: 'long' }, 5);
  assert.equal(out, `${q}\n| where k == long(5)`);
});

test('literals follow the column type; nulls and dynamics get their own predicates', () => {
  assert.equal(kqlLiteral('2024-01-02T03:04:05.1234567Z', 'datetime'), 'datetime(2024-01-02T03:04:05.1234567Z)');
  assert.equal(kqlLiteral('01:02:03', 'timespan'), 'timespan(01:02:03)');
  assert.equal(kqlLiteral(true, 'bool'), 'true');
  assert.equal(kqlLiteral('NaN', 'real'), 'real(nan)');
  assert.equal(cellPredicate({ name: 'Props', type: 'dynamic' }, { a: 1 }, true), 'tostring(Props) == "{\\"a\\":1}"');
  assert.equal(cellPredicate({ name: 'Machine Name', type: 'long' }, null, false), "isnotnull(['Machine Name'])");
  assert.equal(kqlName('where'), "['where']");
  assert.equal(kqlName('Account_1'), 'Account_1');
});

test('the ±5 minutes window reads the source table around the time, on the row machine and account', () => {
  const columns = [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'Computer', type: 'string' }, { name: 'Account', type: 'string' }];
  const q = windowQuery({ table: 'SecurityEvent', time: '2024-05-01T10:00:00Z', row: ['2024-05-01T10:00:00Z', 'SRV-FIN01', 'CONTOSO\\adm'], columns });
  assert.equal(q, [
    'let t = datetime(2024-05-01T10:00:00Z);',
    'SecurityEvent',
    '| where TimeGenerated between ((t - 5m) .. (t + 5m))',
    '| where Computer =~ "SRV-FIN01"',
    '| where Account =~ "CONTOSO\\\\adm"',
    '| sort by TimeGenerated asc',
  ].join('\n'));
});

test('sourceTable skips let names, comments and strings', () => {
  const q = '// SecurityAlert first\nlet SecurityAlert = 1;\nlet x = "SecurityAlert";\nSecurityEvent | join (SecurityAlert) on Computer';
  assert.equal(sourceTable(q, ['SecurityAlert', 'SecurityEvent']), 'SecurityEvent');
  assert.equal(sourceTable('print 1', ['SecurityEvent']), null);
});

test('statementAt takes the block between blank lines around the cursor', () => {
  const text = 'A\n| take 1\n\n\nB\n| count\n';
  assert.deepEqual(statementAt(text, 2), { text: 'A\n| take 1', startLine: 1, endLine: 2 });
  assert.deepEqual(statementAt(text, 5), { text: 'B\n| count', startLine: 5, endLine: 6 });
  assert.equal(statementAt(text, 3).text, 'A\n| take 1', 'a blank line takes the block above');
  assert.equal(statementAt('\n\nC', 1).text, 'C');
  assert.equal(statementAt('\n \n', 1), null);
});
