// How the peers time a query: one warm-up run, whose result rows are returned for the answer,
// then the median of five runs, the result fetched in full each time.
export async function measure(db, sql) {
  const rows = await (await db.run(sql)).getRows();
  const times = [];
  for (let i = 0; i < 5; ++i) {
    const t0 = process.hrtime.bigint();
    await (await db.run(sql)).getRows();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], rows };
}
