// The workspace schema: `.show schema as json` (the document Kusto.Explorer and the editor's
// language service read), and the names the workbench needs from it.

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

export async function loadSchema(client) {
  const doc = parseShowSchema(await client.mgmt('.show schema as json'));
  const database = databaseOf(doc, client.db);
  return { doc, database, ...tableNames(database) };
}
