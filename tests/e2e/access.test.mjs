// Bearer tokens with roles, CORS for browser origins, and the web root's files.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, KustoConnectionStringBuilder } from "azure-kusto-data";
import { startServer, post } from "./server_process.mjs";

let server;
const web = mkdtempSync(join(tmpdir(), "huntdb-web-"));

before(async () => {
  mkdirSync(join(web, "assets"));
  writeFileSync(join(web, "index.html"), "<!doctype html><title>wb</title>");
  writeFileSync(join(web, "assets", "app.js"), "export const x = 1;");
  writeFileSync(join(web, "assets", "m.wasm"), Buffer.from([0, 97, 115, 109]));
  const tokens = join(web, "..", `tokens-${process.pid}.txt`);
  writeFileSync(tokens, "admin-token-1 admin\nviewer-token-1 viewer\n");
  server = await startServer(
    ["--auth", "token", "--token-file", tokens, "--web-root", web, "--cors-origin", "http://localhost:5173"],
    { HUNTDB_TOKENS: "env-viewer" },
  );
});
after(async () => await server?.stop());

const query = (token, csl, path = "/v2/rest/query") =>
  post(server.url, path, JSON.stringify({ csl }), {
    "content-type": "application/json",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });

test("without a valid token the API answers 401", async () => {
  for (const token of [null, "wrong", "admin-token-"]) {
    const r = await query(token, "print 1");
    assert.equal(r.status, 401);
    assert.equal(r.headers.get("www-authenticate"), "Bearer");
    assert.ok(r.json.error);
  }
});

test("a viewer queries and reads; only an admin writes", async () => {
  assert.equal((await query("viewer-token-1", "print 1")).status, 200);
  assert.equal((await query("env-viewer", ".show tables", "/v1/rest/mgmt")).status, 200);
  const denied = await query("viewer-token-1", ".create table T (a:long)", "/v1/rest/mgmt");
  assert.equal(denied.status, 403);
  assert.match(denied.json.error["@message"], /admin/);
  assert.equal((await query("admin-token-1", ".create table T (a:long)", "/v1/rest/mgmt")).status, 200);
});

test("the official client sends its token as a bearer token", async () => {
  const kcsb = KustoConnectionStringBuilder.withAccessToken(server.url, "viewer-token-1");
  const client = new Client(kcsb);
  const res = await client.execute("NetDefaultDB", "print who = 'viewer'");
  assert.equal([...res.primaryResults[0].rows()][0].who, "viewer");
  client.close();
});

test("CORS: allowed origins only, preflight echoes the request headers", async () => {
  const pre = await fetch(server.url + "/v2/rest/query", {
    method: "OPTIONS",
    headers: {
      origin: "http://localhost:5173",
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type,x-ms-app,x-ms-client-request-id",
    },
  });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get("access-control-allow-origin"), "http://localhost:5173");
  assert.equal(pre.headers.get("access-control-allow-headers"), "authorization,content-type,x-ms-app,x-ms-client-request-id");
  const refused = await fetch(server.url + "/v2/rest/query", {
    method: "OPTIONS",
    headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST" },
  });
  assert.equal(refused.status, 403);
  assert.equal(refused.headers.get("access-control-allow-origin"), null);
  const r = await fetch(server.url + "/v2/rest/query", {
    method: "POST",
    headers: { origin: "http://localhost:5173", "content-type": "application/json", authorization: "Bearer viewer-token-1" },
    body: JSON.stringify({ csl: "print 1" }),
  });
  assert.equal(r.headers.get("access-control-allow-origin"), "http://localhost:5173");
});

test("the web root is served with content types", async () => {
  const index = await fetch(server.url + "/");
  assert.equal(index.status, 200);
  assert.match(index.headers.get("content-type"), /^text\/html/);
  assert.match(await index.text(), /<title>wb<\/title>/);
  const js = await fetch(server.url + "/assets/app.js");
  assert.match(js.headers.get("content-type"), /^text\/javascript/);
  const wasm = await fetch(server.url + "/assets/m.wasm");
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal((await fetch(server.url + "/assets/missing.js")).status, 404);
  assert.equal((await fetch(server.url + "/%2e%2e/etc/passwd")).status, 404);
});
