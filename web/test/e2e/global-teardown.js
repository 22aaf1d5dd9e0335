// Stops the server globalSetup started.
export default async function globalTeardown() {
  const child = globalThis.__huntdbServe;
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
