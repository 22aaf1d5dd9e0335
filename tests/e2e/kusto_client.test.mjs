// huntdb serve driven by the official Kusto client (npm azure-kusto-data), asserting the values
// the client hands back.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Client, KustoConnectionStringBuilder, ClientRequestProperties } from "azure-kusto-data";
import { startServer, post } from "./server_process.mjs";

let server;
let client;

before(async () => {
  server = await startServer();
  client = new Client(new KustoConnectionStringBuilder(`Data Source=${server.url};Initial Catalog=NetDefaultDB`));
});

after(async () => {
  client?.close();
  await server?.stop();
});

test("every column type arrives as the client expects it", async () => {
  const q = `print b=true, i=int(7), l=long(9007199254740991), r=1.5, n=real(nan), inf=real(+inf), d=decimal(1.25),
    s='tab\\there "quoted"', dt=datetime(2024-01-02T03:04:05.1234567Z), ts=time(1.02:03:04.5),
    g=guid(74be27de-1e4e-49d9-b579-fe0b331d3642), dyn=dynamic({"a":[1,2,{"b":null}],"c":"x"}), nl=long(null)`;
  const res = await client.execute(server.database, q);
  const table = res.primaryResults[0];
  const types = Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
  assert.deepEqual(types, {
    b: "bool", i: "int", l: "long", r: "real", n: "real", inf: "real", d: "decimal", s: "string",
    dt: "datetime", ts: "timespan", g: "guid", dyn: "dynamic", nl: "long",
  });
  const row = [...table.rows()][0];
  assert.equal(row.b, true);
  assert.equal(row.i, 7);
  assert.equal(row.l, 9007199254740991);
  assert.equal(row.r, 1.5);
  assert.equal(row.n, "NaN");
  assert.equal(row.inf, "Infinity");
  assert.equal(row.d, "1.25");
  assert.equal(row.s, 'tab\there "quoted"');
  assert.ok(row.dt instanceof Date);
  assert.equal(row.dt.toISOString(), "2024-01-02T03:04:05.123Z");
  assert.equal(row.raw[8], "2024-01-02T03:04:05.1234567Z");
  assert.equal(row.ts, ((26 * 60 + 3) * 60 + 4.5) * 1000);
  assert.equal(row.g, "74be27de-1e4e-49d9-b579-fe0b331d3642");
  assert.deepEqual(row.dyn, { a: [1, 2, { b: null }], c: "x" });
  assert.equal(row.nl, null);
});

test("a render reaches the client in QueryProperties", async () => {
  const res = await client.execute(
    server.database,
    "range x from 1 to 5 step 1 | extend y = x * 2 | render timechart with (title='Doubling', ycolumns=y)",
  );
  assert.deepEqual([...res.primaryResults[0].rows()].map((r) => r.y), [2, 4, 6, 8, 10]);
  const props = res.tables.find((t) => t.kind === "QueryProperties");
  assert.ok(props, "a QueryProperties table");
  const row = [...props.rows()][0];
  assert.equal(row.Key, "Visualization");
  const vis = JSON.parse(row.Value);
  assert.equal(vis.Visualization, "timechart");
  assert.equal(vis.Title, "Doubling");
  assert.equal(vis.YColumns, "y");
});

test("management commands go through the engine", async () => {
  await client.execute(server.database, ".create table Logons (Account:string, Count:long)");
  const ingest = await client.execute(server.database, ".ingest inline into table Logons <| alice,3\nbob,5");
  assert.equal(ingest.primaryResults.length, 1);
  const tables = await client.execute(server.database, ".show tables");
  const names = [...tables.primaryResults[0].rows()].map((r) => r.TableName);
  assert.ok(names.includes("Logons"), `Logons in ${names}`);
  const sum = await client.execute(server.database, "Logons | summarize total = sum(Count)");
  assert.equal([...sum.primaryResults[0].rows()][0].total, 8);
});

test("a syntax error is raised with line:col", async () => {
  await assert.rejects(client.execute(server.database, "print x = 1\n| where x >"), (err) => {
    assert.equal(err.response?.status, 400);
    const e = err.response.data.error;
    assert.equal(e["@type"], "Kusto.Data.Exceptions.SyntaxException");
    assert.match(e["@message"], /^Syntax error: 2:\d+: /);
    return true;
  });
});

test("a semantic error names what is wrong", async () => {
  await assert.rejects(client.execute(server.database, "NoSuchTable | take 1"), (err) => {
    assert.equal(err.response?.status, 400);
    assert.equal(err.response.data.error["@type"], "Kusto.Data.Exceptions.SemanticException");
    assert.match(err.response.data.error["@message"], /NoSuchTable/);
    return true;
  });
});

test("query parameters fill declare query_parameters", async () => {
  const props = new ClientRequestProperties();
  props.setParameter("state", "TEXAS");
  props.setParameter("n", 21);
  props.setParameter("since", "datetime(2024-03-01)");
  const res = await client.execute(
    server.database,
    "declare query_parameters(state:string, n:long, since:datetime); print s = state, twice = n * 2, d = since + 1d",
    props,
  );
  const row = [...res.primaryResults[0].rows()][0];
  assert.equal(row.s, "TEXAS");
  assert.equal(row.twice, 42);
  assert.equal(row.d.toISOString(), "2024-03-02T00:00:00.000Z");
});

test("results are truncated as Kusto truncates them", async () => {
  const q = "range x from 1 to 10 step 1";
  const limited = new ClientRequestProperties();
  limited.setOption("truncationmaxrecords", 4);
  await assert.rejects(client.execute(server.database, q, limited), /E_QUERY_RESULT_SET_TOO_LARGE/);
  limited.raw = true;
  const frames = await client.execute(server.database, q, limited);
  const primary = frames.find((f) => f.TableKind === "PrimaryResult");
  assert.equal(primary.Rows.length, 4);
  assert.equal(frames.at(-1).HasErrors, true);
  const all = new ClientRequestProperties();
  all.setOption("truncationmaxrecords", 4);
  all.setOption("notruncation", true);
  const res = await client.execute(server.database, q, all);
  assert.equal(res.primaryResults[0]._rows.length, 10);
  // The same request property set in the query text.
  const capped = new ClientRequestProperties();
  capped.setOption("truncationmaxrecords", 4);
  const inText = await client.execute(server.database, `set notruncation;\n${q}`, capped);
  assert.equal(inText.primaryResults[0]._rows.length, 10);
});

test("a query past servertimeout fails in-band", async () => {
  const props = new ClientRequestProperties();
  props.setTimeout(1);
  await assert.rejects(
    client.execute(server.database, "range x from 1 to 20000000 step 1 | summarize count() by x % 1000", props),
    /time limit/,
  );
});

test("the v1 query endpoint answers in the v1 shape", async () => {
  const res = await client.executeQueryV1(server.database, "print a = 'v1', b = 2");
  const row = [...res.primaryResults[0].rows()][0];
  assert.equal(row.a, "v1");
  assert.equal(row.b, 2);
});

test("an unknown database is refused", async () => {
  await assert.rejects(client.execute("NotThisOne", "print 1"), (err) => {
    assert.equal(err.response?.status, 400);
    assert.match(err.response.data.error["@message"], /NotThisOne.*not found/);
    return true;
  });
  const named = await client.execute(server.database, "print 1");
  assert.equal(named.primaryResults.length, 1);
});

test("a query whose client goes away is cancelled, and .show queries lists it", async () => {
  const controller = new AbortController();
  const body = JSON.stringify({ db: "NetDefaultDB", csl: "range x from 1 to 60000000 step 1 | summarize count() by x % 7" });
  const req = fetch(server.url + "/v2/rest/query", {
    method: "POST",
    headers: { "content-type": "application/json", "x-ms-client-request-id": "e2e;abandoned" },
    body,
    signal: controller.signal,
  }).then((r) => r.text());
  await new Promise((r) => setTimeout(r, 400));
  controller.abort();
  await assert.rejects(req);
  let state;
  for (let i = 0; i < 40 && state !== "Cancelled"; ++i) {
    await new Promise((r) => setTimeout(r, 250));
    const res = await client.execute(server.database, ".show queries");
    state = [...res.primaryResults[0].rows()].find((r) => r.ClientActivityId === "e2e;abandoned")?.State;
  }
  assert.equal(state, "Cancelled");
  const log = server.log.map((l) => JSON.parse(l)).find((l) => l.request_id === "e2e;abandoned");
  assert.equal(log.outcome, "Cancelled");
  assert.ok(log.duration_ms < 20000);
});

test("every request is logged as one JSON line", async () => {
  const r = await post(server.url, "/v2/rest/query", JSON.stringify({ csl: "print 1" }), {
    "content-type": "application/json",
    "x-ms-client-request-id": "e2e;logged",
  });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get("x-ms-client-request-id"), "e2e;logged");
  assert.match(r.headers.get("x-ms-activity-id"), /^[0-9a-f-]{36}$/);
  await new Promise((res) => setTimeout(res, 100));
  const line = server.log.map((l) => JSON.parse(l)).find((l) => l.request_id === "e2e;logged");
  assert.equal(line.status, 200);
  assert.equal(line.rows, 1);
  assert.equal(line.outcome, "Completed");
  assert.equal(typeof line.duration_ms, "number");
});
