import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, QueryError } from '../../src/api/client.js';

function fakeFetch(status, body, seen = []) {
  return async (url, init) => {
    seen.push({ url, init });
    return { ok: status >= 200 && status < 300, status, text: async () => body };
  };
}

test('queries go to /v2/rest/query with db, csl and Options; the body may start with keep-alive spaces', async () => {
  const seen = [];
  const frames = [
    { FrameType: 'DataSetHeader' },
    { FrameType: 'DataTable', TableKind: 'PrimaryResult', TableName: 'PrimaryResult', Columns: [{ ColumnName: 'x', ColumnType: 'long' }], Rows: [[1]] },
    { FrameType: 'DataSetCompletion', HasErrors: false },
  ];
  const client = createClient({ db: 'demo', fetchFn: fakeFetch(200, `    ${JSON.stringify(frames)}`, seen) });
  const r = await client.query('print x=1');
  assert.deepEqual(r.tables[0].rows, [[1]]);
  assert.equal(seen[0].url, '/v2/rest/query');
  const body = JSON.parse(seen[0].init.body);
  assert.equal(body.db, 'demo');
  assert.equal(body.csl, 'print x=1');
  assert.equal(body.properties.Options.results_progressive_enabled, false);
  assert.match(seen[0].init.headers['x-ms-client-request-id'], /^huntdb\.web;/);
});

test('an HTTP 400 becomes a QueryError with the position of its @message', async () => {
  const err = { error: { code: 'General_BadRequest', message: 'Request is invalid and cannot be executed.', '@type': 'Kusto.Data.Exceptions.SyntaxException', '@message': "Syntax error: 2:17: syntax error: expected ')'\n| where (a\n        ^" } };
  const client = createClient({ fetchFn: fakeFetch(400, JSON.stringify(err)) });
  await assert.rejects(client.query('x'), (e) => e instanceof QueryError && e.info.line === 2 && e.info.col === 17 && /expected/.test(e.message));
});

test('errors after the response started (OneApiErrors) reject too', async () => {
  const frames = [{ FrameType: 'DataSetHeader' }, { FrameType: 'DataSetCompletion', HasErrors: true, OneApiErrors: [{ error: { code: 'LimitsExceeded', '@message': 'Query execution has exceeded the allowed limits' } }] }];
  const client = createClient({ fetchFn: fakeFetch(200, JSON.stringify(frames)) });
  await assert.rejects(client.query('x'), (e) => e instanceof QueryError && e.info.code === 'LimitsExceeded');
});

test('non-JSON error bodies and network failures are reported, not thrown raw', async () => {
  const client = createClient({ fetchFn: fakeFetch(502, 'Bad Gateway') });
  await assert.rejects(client.mgmt('.show tables'), (e) => e instanceof QueryError && /HTTP 502: Bad Gateway/.test(e.message));
  const down = createClient({ fetchFn: async () => { throw new TypeError('fetch failed'); } });
  await assert.rejects(down.query('x'), (e) => e instanceof QueryError && /cannot reach the server/.test(e.message));
});

test('commands go to /v1/rest/mgmt and return v1 tables', async () => {
  const seen = [];
  const client = createClient({ fetchFn: fakeFetch(200, JSON.stringify({ Tables: [{ TableName: 'Table_0', Columns: [{ ColumnName: 'TableName', ColumnType: 'string' }], Rows: [['SecurityEvent']] }] }), seen) });
  const tables = await client.mgmt('.show tables');
  assert.equal(seen[0].url, '/v1/rest/mgmt');
  assert.deepEqual(tables[0].rows, [['SecurityEvent']]);
});
