// Starts `huntdb serve` on a free loopback port over a fresh workspace, for the end-to-end tests.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function startServer(extraArgs = [], env = {}) {
  const huntdb = process.env.HUNTDB_BIN;
  if (!huntdb) throw new Error("HUNTDB_BIN must name the huntdb binary");
  const dir = mkdtempSync(join(tmpdir(), "huntdb-e2e-"));
  const workspace = join(dir, "e2e_ws");
  const child = spawn(huntdb, ["serve", "--workspace", workspace, "--listen", "127.0.0.1:0", ...extraArgs], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  const log = [];
  child.stderr.on("data", (d) => log.push(...d.toString().split("\n").filter((l) => l)));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("huntdb serve did not start: " + log.join("\n"))), 20000);
    child.stdout.on("data", (d) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`huntdb serve exited with ${code}: ${log.join("\n")}`)));
  });
  return {
    url,
    database: "e2e_ws",
    log,
    child,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A raw HTTP request (what clients other than the SDK might send).
export async function post(url, path, body, headers = { "content-type": "application/json" }) {
  const res = await fetch(url + path, { method: "POST", headers, body });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, text, json };
}
