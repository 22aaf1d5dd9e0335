// Load test of `huntdb serve` (not part of the test run; see bench/server_load.sh): N clients,
// each with its own keep-alive connection, send hunting queries back to back for D seconds.
// Prints throughput, p50/p99 latency per query, failed requests, and the server's resident
// memory sampled every second (from /proc/PID/status).
//   node bench/server_load.mjs URL SERVER_PID CLIENTS SECONDS QUERY_FILE...
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { Agent } from "node:http";
import http from "node:http";

const [url, pidText, clientsText, secondsText, ...files] = process.argv.slice(2);
if (!url || !url.startsWith("http://127.") || files.length === 0) {
  console.error("usage: server_load.mjs http://127.0.0.1:PORT SERVER_PID CLIENTS SECONDS QUERY_FILE...");
  process.exit(2);
}
const clients = Number(clientsText);
const seconds = Number(secondsText);
const queries = files.map((f) => ({ name: basename(f), csl: readFileSync(f, "utf8") }));

function rssMb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function post(agent, csl, id) {
  const body = JSON.stringify({ db: "NetDefaultDB", csl });
  return new Promise((resolve) => {
    const req = http.request(
      url + "/v2/rest/query",
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(body),
          "x-ms-client-request-id": id,
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          let ok = res.statusCode === 200;
          if (ok) {
            try {
              const frames = JSON.parse(Buffer.concat(chunks).toString());
              ok = frames.at(-1).FrameType === "DataSetCompletion" && !frames.at(-1).HasErrors;
            } catch {
              ok = false;
            }
          }
          resolve(ok);
        });
      },
    );
    req.on("error", () => resolve(false));
    req.end(body);
  });
}

const pid = Number(pidText);
const rss = [rssMb(pid)];
const sampler = setInterval(() => rss.push(rssMb(pid)), 1000);
const latencies = new Map(queries.map((q) => [q.name, []]));
let failed = 0;
let done = 0;
const deadline = Date.now() + seconds * 1000;

async function client(n) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; Date.now() < deadline; ++i) {
    const q = queries[(n + i) % queries.length];
    const start = process.hrtime.bigint();
    const ok = await post(agent, q.csl, `load;${n};${i}`);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ok) latencies.get(q.name).push(ms);
    else failed++;
    done++;
  }
  agent.destroy();
}

const started = Date.now();
await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
const elapsed = (Date.now() - started) / 1000;
clearInterval(sampler);
rss.push(rssMb(pid));

const pct = (xs, p) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const all = [...latencies.values()].flat();
console.log(`${clients} clients, ${elapsed.toFixed(1)} s: ${done} requests, ${(done / elapsed).toFixed(1)} req/s, ` +
  `${failed} failed`);
console.log(`latency all: p50 ${pct(all, 50).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms`);
for (const [name, xs] of latencies)
  console.log(`  ${name.padEnd(36)} n=${String(xs.length).padStart(5)}  p50 ${pct(xs, 50).toFixed(1).padStart(8)} ms` +
    `  p99 ${pct(xs, 99).toFixed(1).padStart(8)} ms`);
const third = Math.max(1, Math.floor(rss.length / 3));
const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`server RSS (MB, every second): ${rss.map((x) => x.toFixed(0)).join(" ")}`);
console.log(`server RSS: first third avg ${avg(rss.slice(0, third)).toFixed(0)} MB, last third avg ` +
  `${avg(rss.slice(-third)).toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB`);
process.exit(failed === 0 ? 0 : 1);
