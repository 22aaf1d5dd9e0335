// Requests no Kusto client would send: each gets a clear 4xx with a Kusto error body, and the
// server keeps serving.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, post } from "./server_process.mjs";

let server;
before(async () => (server = await startServer()));
after(async () => await server?.stop());

async function stillServing() {
  const r = await post(server.url, "/v2/rest/query", JSON.stringify({ db: "NetDefaultDB", csl: "print ok = 1" }));
  assert.equal(r.status, 200);
  assert.equal(r.json.find((f) => f.TableKind === "PrimaryResult").Rows[0][0], 1);
}

function assertKustoError(r, status, pattern) {
  assert.equal(r.status, status, r.text);
  assert.ok(r.json?.error, `a Kusto error body: ${r.text}`);
  assert.equal(typeof r.json.error.code, "string");
  assert.equal(typeof r.json.error["@type"], "string");
  assert.match(r.json.error["@message"], pattern);
}

test("bad JSON", async () => {
  assertKustoError(await post(server.url, "/v2/rest/query", '{"db": "x", "csl": '), 400, /not valid JSON/);
  assertKustoError(await post(server.url, "/v1/rest/mgmt", "[1,2]"), 400, /JSON object/);
  assertKustoError(await post(server.url, "/v2/rest/query", '{"db":"NetDefaultDB"}'), 400, /'csl'/);
  assertKustoError(
    await post(server.url, "/v2/rest/query", '{"csl":"print 1","properties":"{oops"}'),
    400,
    /properties/,
  );
  await stillServing();
});

test("wrong content type", async () => {
  const body = JSON.stringify({ csl: "print 1" });
  assertKustoError(await post(server.url, "/v2/rest/query", body, { "content-type": "text/plain" }), 415, /application\/json/);
  assertKustoError(
    await post(server.url, "/v1/rest/mgmt", body, { "content-type": "application/x-www-form-urlencoded" }),
    415,
    /application\/json/,
  );
  await stillServing();
});

test("huge body", async () => {
  const csl = "print '" + "x".repeat(5 * 1024 * 1024) + "'";
  assertKustoError(await post(server.url, "/v2/rest/query", JSON.stringify({ csl })), 413, /larger than/);
  await stillServing();
});

test("unknown path", async () => {
  assertKustoError(await post(server.url, "/v3/rest/query", "{}"), 404, /nothing at/);
  const get = await fetch(server.url + "/v1/rest/nothing");
  assert.equal(get.status, 404);
  assert.ok((await get.json()).error);
  await stillServing();
});

test("unknown database", async () => {
  assertKustoError(
    await post(server.url, "/v2/rest/query", JSON.stringify({ db: "Elsewhere", csl: "print 1" })),
    400,
    /Database 'Elsewhere' was not found/,
  );
  await stillServing();
});

test("a command on the query endpoint, and SQL", async () => {
  assertKustoError(await post(server.url, "/v2/rest/query", JSON.stringify({ csl: ".show tables" })), 400, /mgmt/);
  const sql = JSON.stringify({ csl: "select 1", properties: { Options: { query_language: "sql" } } });
  assertKustoError(await post(server.url, "/v2/rest/query", sql), 400, /KQL/);
  await stillServing();
});

test("the cloud-info probe and static files", async () => {
  const meta = await fetch(server.url + "/v1/rest/auth/metadata");
  assert.equal(meta.status, 200);
  assert.deepEqual(await meta.json(), { AzureAD: null });
});
