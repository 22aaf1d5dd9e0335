// DuckDB over the same SecurityEvent rows as bench/exec_bench.cpp, with the SQL equivalent of
// each KQL query (KQL's contains / !contains are case-insensitive: ILIKE). Prints one JSON line
// per query: {name, ms (median), rows_per_s, rows_per_s_per_core}.
//   node duckdb_security_events.mjs EVENTS.csv ROWS THREADS
import { DuckDBInstance } from '@duckdb/node-api';

import { measure } from './measure.mjs';

const [csv, rowsArg, threadsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const threads = Number(threadsArg || 2);

const notContains = (s) => `Process NOT ILIKE '%${s.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%' ESCAPE '\\'`;
const fourteen = [
  "Process <> ''", "Process <> '-'",
  ...['\\Windows\\System', '\\Program Files\\Microsoft\\', '\\ProgramData\\', '\\Windows\\WinSxS\\',
      '\\Windows\\SysWOW64\\', '\\Program Files (x86)\\', '\\Microsoft Office\\', '\\Windows Defender\\',
      '\\Google\\Chrome\\', '\\Edge\\', 'conhost', 'svchost'].map(notContains),
].join(' AND ');

const queries = {
  // The groups are counted in DuckDB rather than handed to JavaScript one row at a time, so the
  // time is the engine's (huntdb's result also stays in memory).
  FilterSummarizeTwoStringKeys:
    'SELECT count(*) FROM (SELECT Computer, Account, count(*) AS count_ FROM SecurityEvent WHERE EventID = 4688 GROUP BY Computer, Account)',
  OneNotContains: `SELECT count(*) FROM SecurityEvent WHERE ${notContains('\\Windows\\System')}`,
  FourteenNotContains: `SELECT count(*) FROM SecurityEvent WHERE ${fourteen}`,
};

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run(`SET threads = ${threads}`);
await db.run(`CREATE TABLE SecurityEvent AS SELECT * FROM read_csv('${csv}', header = true,
  columns = {'TimeGenerated': 'TIMESTAMP', 'Computer': 'VARCHAR', 'Account': 'VARCHAR', 'EventID': 'INTEGER', 'Process': 'VARCHAR'})`);

for (const [name, sql] of Object.entries(queries)) {
  const { ms, rows: result } = await measure(db, sql);
  const answer = Number(result[0][0]);
  const rps = rows / (ms / 1000);
  console.log(JSON.stringify({ engine: 'duckdb', name, ms, rows_per_s: rps, rows_per_s_per_core: rps / threads, answer }));
}
