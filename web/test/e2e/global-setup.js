// Builds the demo workspace and starts `huntdb serve` on a free loopback
// port; the tests read its address from WORKBENCH_URL.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`huntdb serve exited with status ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/v1/rest/mgmt`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ db: 'NetDefaultDB', csl: '.show tables' }),
      });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`huntdb serve did not answer at ${url} within ${ms} ms`);
}

export default async function globalSetup() {
  const huntdb = process.env.HUNTDB_BIN;
  if (!huntdb || !existsSync(huntdb)) throw new Error(`HUNTDB_BIN must name the huntdb binary (got ${huntdb})`);
  const rows = Number(process.env.WORKBENCH_E2E_ROWS || 0);
  const workDir = path.resolve(process.env.WORKBENCH_E2E_DIR || 'test-results/e2e-work');
  mkdirSync(workDir, { recursive: true });
  const workspace = path.join(workDir, rows ? `demo-${rows}` : 'demo');
  // Built anew each run (a few seconds): the demo data ends now, and the hunts look back from now.
  rmSync(workspace, { recursive: true, force: true });
  const args = ['demo', '--workspace', workspace];
  if (rows) args.push('--rows', String(rows));
  execFileSync(huntdb, args, { stdio: 'inherit' });
  process.env.WORKBENCH_WORKSPACE = workspace;
  const port = await freePort();
  const webRoot = path.resolve(process.env.WORKBENCH_WEB_ROOT || 'dist');
  // The server's request log goes to a file beside the workspace, not into the test report.
  const log = openSync(path.join(workDir, 'serve.log'), 'w');
  const child = spawn(huntdb, ['serve', '--workspace', workspace, '--listen', `127.0.0.1:${port}`, '--web-root', webRoot], {
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForServer(url, child, 30000);
  process.env.WORKBENCH_URL = url;
  globalThis.__huntdbServe = child;
}
