import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShowSchema, databaseOf, tableNames, schemaFromGetschema } from '../../src/schema.js';

const doc = {
  Plugins: [],
  Databases: {
    demo: {
      Name: 'demo',
      Tables: {
        SecurityEvent: { Name: 'SecurityEvent', OrderedColumns: [{ Name: 'TimeGenerated', Type: 'System.DateTime', CslType: 'datetime' }, { Name: 'Computer', Type: 'System.String', CslType: 'string' }] },
        Lookup: { Name: 'Lookup', OrderedColumns: [{ Name: 'TimeGenerated', Type: 'System.String', CslType: 'string' }] },
      },
      Functions: {},
    },
  },
};

test('the schema document comes from the single cell of .show schema as json', () => {
  const tables = [{ columns: [{ name: 'DatabaseSchema', type: 'string' }], rows: [[JSON.stringify(doc)]] }];
  const parsed = parseShowSchema(tables);
  assert.deepEqual(parsed, doc);
  assert.throws(() => parseShowSchema([{ columns: [], rows: [] }]), /no document/);
  assert.throws(() => parseShowSchema([{ columns: [], rows: [['{}']] }]), /no Databases/);
});

test('the database in context falls back to the first; timed tables need a datetime TimeGenerated', () => {
  const db = databaseOf(doc, 'NetDefaultDB');
  assert.equal(db.Name, 'demo');
  assert.deepEqual(tableNames(db), { tables: ['SecurityEvent', 'Lookup'], timed: ['SecurityEvent'] });
});

test('getschema results build the same document shape', () => {
  const getschema = {
    columns: [{ name: 'ColumnName', type: 'string' }, { name: 'ColumnOrdinal', type: 'int' }, { name: 'DataType', type: 'string' }, { name: 'ColumnType', type: 'string' }],
    rows: [['TimeGenerated', 0, 'System.DateTime', 'datetime'], ['Computer', 1, 'System.String', 'string']],
  };
  const built = schemaFromGetschema('demo', [{ name: 'SecurityEvent', table: getschema }]);
  assert.deepEqual(built.Databases.demo.Tables.SecurityEvent, doc.Databases.demo.Tables.SecurityEvent);
});
