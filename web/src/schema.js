// The workspace schema: `.show schema as json` (the document Kusto.Explorer and the editor's
// language service read), and the names the workbench needs from it.
import { kqlName } from './query/literals.js';

// Parses the v1 reply of `.show schema as json`: one cell holding the JSON document.
export function parseShowSchema(tables) {
  const cell = tables && tables[0] && tables[0].rows[0] && tables[0].rows[0][0];
  if (cell === undefined || cell === null) throw new Error('.show schema as json returned no document');
  const doc = typeof cell === 'string' ? JSON.parse(cell) : cell;
  if (!doc || typeof doc.Databases !== 'object') throw new Error('.show schema as json has no Databases');
  return doc;
}

// The database in context: the one named `preferred` when present, else the first.
export function databaseOf(doc, preferred) {
  const dbs = Object.values(doc.Databases || {});
  return dbs.find((d) => d.Name === preferred) || dbs[0] || null;
}

// { tables: [names], timed: [names of tables with a TimeGenerated datetime column] }
export function tableNames(database) {
  const tables = Object.values((database && database.Tables) || {});
  const names = tables.map((t) => t.Name);
  const timed = tables
    .filter((t) => (t.OrderedColumns || []).some((c) => c.Name === 'TimeGenerated' && (c.CslType || '').toLowerCase() === 'datetime'))
    .map((t) => t.Name);
  return { tables: names, timed };
}

// The same document built from `.show tables` and `T | getschema`, for servers that do not
// answer `.show schema as json`.
export function schemaFromGetschema(dbName, perTable) {
  const tables = {};
  for (const { name, table } of perTable) {
    const at = (col) => table.columns.findIndex((c) => c.name === col);
    const nameAt = at('ColumnName');
    const typeAt = at('ColumnType');
    const dotnetAt = at('DataType');
    tables[name] = {
      Name: name,
      OrderedColumns: table.rows.map((r) => ({ Name: r[nameAt], Type: dotnetAt >= 0 ? r[dotnetAt] : 'System.Object', CslType: r[typeAt] })),
    };
  }
  return { Plugins: [], Databases: { [dbName]: { Name: dbName, Tables: tables, Functions: {} } } };
}

async function schemaByTable(client) {
  const [shown] = await client.mgmt('.show tables');
  const nameAt = Math.max(0, shown.columns.findIndex((c) => c.name === 'TableName'));
  const names = shown.rows.map((r) => r[nameAt]);
  const perTable = [];
  for (const name of names) {
    const r = await client.query(`${kqlName(name)} | getschema`);
    perTable.push({ name, table: r.tables[0] });
  }
  return schemaFromGetschema(client.db, perTable);
}

export async function loadSchema(client) {
  let doc;
  try {
    doc = parseShowSchema(await client.mgmt('.show schema as json'));
  } catch {
    doc = await schemaByTable(client);
  }
  const database = databaseOf(doc, client.db);
  return { doc, database, ...tableNames(database) };
}
