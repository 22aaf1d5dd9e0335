// The workbench's only way to the server: the Kusto REST endpoints it serves for every client.
import { parseV2, parseV1, errorOf } from './frames.js';

export class QueryError extends Error {
  constructor(info) {
    super(info.message);
    this.info = info; // { message, code, line, col, length }
  }
}

function requestId() {
  const rnd = Math.random().toString(16).slice(2, 10);
  return `huntdb.web;${Date.now().toString(16)}-${rnd}`;
}

async function post(fetchFn, path, body, signal) {
  let resp;
  try {
    resp = await fetchFn(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/json',
        'x-ms-app': 'huntdb.web',
        'x-ms-client-request-id': requestId(),
      },
      body: JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new QueryError({ message: `cannot reach the server: ${e.message}`, line: 0, col: 0 });
  }
  const text = await resp.text();
  let json;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!resp.ok) {
    throw new QueryError(json ? errorOf(json) : { message: `HTTP ${resp.status}: ${text}`, line: 0, col: 0 });
  }
  if (json === null) throw new QueryError({ message: 'the server sent no JSON', line: 0, col: 0 });
  return json;
}

export function createClient({ db = 'NetDefaultDB', fetchFn = (...a) => fetch(...a) } = {}) {
  return {
    db,
    // Runs a query; resolves to parseV2's result, throws QueryError for errors in or out of band.
    async query(csl, { signal, options = {} } = {}) {
      const frames = await post(
        fetchFn,
        '/v2/rest/query',
        { db, csl, properties: { Options: { results_progressive_enabled: false, ...options } } },
        signal,
      );
      const result = parseV2(frames);
      if (result.errors.length) throw new QueryError(result.errors[0]);
      return result;
    },
    // Runs a management command; resolves to the v1 tables.
    async mgmt(csl, { signal } = {}) {
      return parseV1(await post(fetchFn, '/v1/rest/mgmt', { db, csl }, signal));
    },
  };
}
