// DuckDB over the same demo SecurityEvent rows as bench/hunt_bench.cpp (the CSV of
// huntdb_bench_demo_data), with the SQL equivalent of the whole rare-process hunt
// (examples/hunts/05-new-processes-this-week.kql). Prints one JSON line like
// duckdb_security_events.mjs; the answer is the number of result rows.
//   node duckdb_rare_process.mjs DEMO_EVENTS.csv THREADS
import { DuckDBInstance } from '@duckdb/node-api';

import { measure } from './measure.mjs';

const [csv, threadsArg] = process.argv.slice(2);
const threads = Number(threadsArg || 2);

// now() of the hunt: kDemoNow of bench/demo_workspace.h, where the demo's 30 days end.
const now = "TIMESTAMP '2026-11-20 15:30:00'";
const start = `date_trunc('day', ${now} - INTERVAL 30 DAY)`;  // startofday(ago(30d))
const end = `date_trunc('day', ${now})`;                       // startofday(now())
// startofweek(): the Sunday (an ISO week starts on Monday, the day after).
const startofweek = (d) => `(date_trunc('week', ${d} + INTERVAL 1 DAY) - INTERVAL 1 DAY)`;
// KQL's !contains is case-insensitive.
const notContains = (s) => `Process NOT ILIKE '%${s.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%' ESCAPE '\\'`;
const exclusions = ['\\Windows\\System', '\\Program Files\\Microsoft\\', '\\ProgramData\\', '\\Windows\\WinSxS\\']
  .map(notContains).join(' AND ');

const hunt = `
WITH T AS (
  SELECT Date, Process, Computer, Account, count(*) AS count_
  FROM (SELECT date_trunc('day', TimeGenerated) AS Date, ProcessName AS Process, Computer, Account
        FROM SecurityEvent WHERE TimeGenerated >= ${now} - INTERVAL 30 DAY)
  WHERE Process <> '' AND Process <> '-' AND ${exclusions}
  GROUP BY Date, Process, Computer, Account),
-- activity_counts_metrics(Process, Date, start, end, 1d, Process, Computer, Account), its
-- new_dcount: the id is one of the dimensions, so a (Process, Computer, Account) is new (1) on
-- the first day it appears within [start, end], else 0; one row per day it appears.
Counts AS (
  SELECT Date, Process, Computer, Account,
         CASE WHEN Date = min(Date) OVER (PARTITION BY Process, Computer, Account) THEN 1 ELSE 0 END AS new_dcount
  FROM T WHERE Date BETWEEN ${start} AND ${end}),
-- activity_engagement(Process, Date, start, end, 1d, 7d): for each day d from start to end
-- whose window d-6 .. d has rows (the window looks back before start), the distinct processes
-- of d and of the window, and their ratio.
Days AS (SELECT DISTINCT Date, Process FROM T WHERE Date BETWEEN ${start} - INTERVAL 6 DAY AND ${end}),
Engagement AS (
  SELECT Date, dcount_activities_inner, dcount_activities_outer,
         CAST(dcount_activities_inner AS DOUBLE) / dcount_activities_outer AS activity_ratio
  FROM (SELECT d.Date,
               count(DISTINCT CASE WHEN w.Date = d.Date THEN w.Process END) AS dcount_activities_inner,
               count(DISTINCT w.Process) AS dcount_activities_outer
        FROM generate_series(${start}, ${end}, INTERVAL 1 DAY) AS d(Date)
        JOIN Days w ON w.Date BETWEEN d.Date - INTERVAL 6 DAY AND d.Date
        GROUP BY d.Date))
SELECT * FROM (
  SELECT c.WeekDate, c.Date, c.Process, c.Account, c.Computer, c.new_dcount AS PotentialAnomalyCount,
         e.dcount_activities_inner AS Distribution1day, e.dcount_activities_outer AS Distribution7days,
         e.activity_ratio * 100 AS Ratio
  FROM (SELECT *, ${startofweek('Date')} AS WeekDate FROM Counts) c
  JOIN (SELECT *, ${startofweek('Date')} AS WeekDate FROM Engagement) e ON c.WeekDate = e.WeekDate AND c.Date = e.Date)
WHERE PotentialAnomalyCount = 1 AND Ratio < 100`;

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run(`SET threads = ${threads}`);
// allow_quoted_nulls = false: the export quotes every string, so "" stays an empty string as in KQL.
await db.run(`CREATE TABLE SecurityEvent AS SELECT * FROM read_csv('${csv}', header = true, allow_quoted_nulls = false,
  columns = {'TimeGenerated': 'TIMESTAMP', 'ProcessName': 'VARCHAR', 'Computer': 'VARCHAR', 'Account': 'VARCHAR'})`);
const rows = Number((await (await db.run('SELECT count(*) FROM SecurityEvent')).getRows())[0][0]);

const { ms, rows: result } = await measure(db, hunt);
const rps = rows / (ms / 1000);
if (process.env.HUNTDB_BENCH_PRINT_ROWS) for (const r of result) console.error(r.map(String).join(' | '));
console.log(JSON.stringify({ engine: 'duckdb', name: 'RareProcessHunt', ms, rows_per_s: rps, rows_per_s_per_core: rps / threads, answer: result.length }));
