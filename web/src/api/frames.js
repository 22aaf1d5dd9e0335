// Reads the responses of the Kusto REST API: the v2 frame array of /v2/rest/query and the v1
// {"Tables": [...]} envelope of /v1/rest/mgmt. Pure functions, no DOM, so Node tests run them.

// A result table as the rest of the app uses it.
//   { name, kind, columns: [{name, type}], rows: [[...]] }
function tableOf(frame) {
  const columns = (frame.Columns || []).map((c) => ({
    name: c.ColumnName,
    type: (c.ColumnType || cslTypeOfDotNet(c.DataType) || 'string').toLowerCase(),
  }));
  return { name: frame.TableName || '', kind: frame.TableKind || '', columns, rows: frame.Rows || [] };
}

// v1 responses may carry only .NET type names.
const DOTNET_TO_CSL = {
  'system.string': 'string', string: 'string',
  'system.int64': 'long', int64: 'long',
  'system.int32': 'int', int32: 'int',
  'system.double': 'real', double: 'real',
  'system.boolean': 'bool', boolean: 'bool', sbyte: 'bool', 'system.sbyte': 'bool',
  'system.datetime': 'datetime', datetime: 'datetime',
  'system.timespan': 'timespan', timespan: 'timespan',
  'system.guid': 'guid', guid: 'guid',
  'system.object': 'dynamic', object: 'dynamic',
  'system.data.sqltypes.sqldecimal': 'decimal', decimal: 'decimal',
};
function cslTypeOfDotNet(dataType) {
  return dataType ? DOTNET_TO_CSL[String(dataType).toLowerCase()] : undefined;
}

// The render properties of a v2 QueryProperties table: the row whose Key is "Visualization".
// Keys come back lower-cased ("visualization", "kind", "xcolumn", ...); values that are null,
// "NaN" or empty are dropped so that callers can apply Kusto's defaults.
export function parseVisualization(value) {
  let v = value;
  if (typeof v === 'string') {
    try { v = JSON.parse(v); } catch { return null; }
  }
  if (!v || typeof v !== 'object') return null;
  const out = {};
  for (const [k, val] of Object.entries(v)) {
    if (val === null || val === undefined || val === '' || val === 'NaN') continue;
    out[k.toLowerCase()] = val;
  }
  if (!out.visualization || String(out.visualization).toLowerCase() === 'none') return null;
  out.visualization = String(out.visualization).toLowerCase();
  return out;
}

// One error of OneApiErrors or of an HTTP error body, as { message, code, line, col }.
export function errorOf(body) {
  const e = (body && body.error) || body || {};
  const message = e['@message'] || e.message || (typeof body === 'string' ? body : 'query failed');
  const pos = positionOf(e, message);
  return { message: String(message), code: e.code || '', ...pos };
}

// Where an error is: the server's structured @context/line fields when present, else the first
// "line:col" (or "(line,col)") in its message.
export function positionOf(e, message) {
  const ctx = (e && e['@context']) || {};
  const line = numberOr(e.line ?? e['@line'] ?? ctx.line);
  const col = numberOr(e.col ?? e.column ?? e['@col'] ?? ctx.col ?? ctx.column);
  if (line && col) return { line, col, length: numberOr(e.length ?? ctx.length) || 0 };
  const m = /(?:^|[\s[(])(\d+):(\d+)(?=[\s:\])]|$)/.exec(message) || /\((\d+),\s*(\d+)\)/.exec(message);
  if (m) return { line: Number(m[1]), col: Number(m[2]), length: 0 };
  return { line: 0, col: 0, length: 0 };
}

function numberOr(x) {
  const n = Number(x);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

// Parses the frames of POST /v2/rest/query into
//   { tables: [primary results...], visualization, stats, errors: [...], cancelled }
// Accepts both DataTable frames and progressive TableHeader/TableFragment/TableCompletion.
export function parseV2(frames) {
  if (!Array.isArray(frames)) throw new Error('v2 response is not a frame array');
  const result = { tables: [], visualization: null, stats: null, errors: [], cancelled: false };
  const progressive = new Map();
  const accept = (t) => {
    if (t.kind === 'PrimaryResult') result.tables.push(t);
    else if (t.kind === 'QueryProperties') readQueryProperties(t, result);
    else if (t.kind === 'QueryCompletionInformation') result.stats = readCompletion(t);
  };
  for (const f of frames) {
    switch (f.FrameType) {
      case 'DataTable':
        accept(tableOf(f));
        break;
      case 'TableHeader':
        progressive.set(f.TableId, { ...tableOf({ ...f, Rows: [] }) });
        break;
      case 'TableFragment': {
        const t = progressive.get(f.TableId);
        if (!t) break;
        if (f.TableFragmentType === 'DataReplace') t.rows = [];
        for (const r of f.Rows || []) t.rows.push(r);
        break;
      }
      case 'TableCompletion': {
        const t = progressive.get(f.TableId);
        if (t) accept(t);
        break;
      }
      case 'DataSetCompletion':
        result.cancelled = !!f.Cancelled;
        if (f.HasErrors) {
          const errs = f.OneApiErrors || [];
          result.errors = errs.length ? errs.map(errorOf) : [{ message: 'query failed', line: 0, col: 0 }];
        }
        break;
      default:
        break;
    }
  }
  // The visualization of a single-result query belongs to that table.
  if (result.visualization && result.tables.length) {
    for (const t of result.tables) t.visualization = t.visualization || result.visualization;
  }
  return result;
}

function readQueryProperties(t, result) {
  const keyAt = t.columns.findIndex((c) => c.name === 'Key');
  const valueAt = t.columns.findIndex((c) => c.name === 'Value');
  const idAt = t.columns.findIndex((c) => c.name === 'TableId');
  for (const row of t.rows) {
    if (row[keyAt] !== 'Visualization') continue;
    const vis = parseVisualization(row[valueAt]);
    if (!vis) continue;
    // The first visualization wins for the whole response; per-table ones are kept by TableId.
    if (!result.visualization) result.visualization = vis;
    (result.visualizationsByTable ||= {})[row[idAt]] = vis;
  }
}

// The QueryResourceConsumption payload of QueryCompletionInformation (execution time, memory...).
function readCompletion(t) {
  const eventAt = t.columns.findIndex((c) => c.name === 'EventTypeName');
  const payloadAt = t.columns.findIndex((c) => c.name === 'Payload');
  for (const row of t.rows) {
    if (row[eventAt] !== 'QueryResourceConsumption') continue;
    try {
      return typeof row[payloadAt] === 'string' ? JSON.parse(row[payloadAt]) : row[payloadAt];
    } catch {
      return null;
    }
  }
  return null;
}

// Tables of a v1 response ({"Tables": [...]}), the first being the primary result.
export function parseV1(body) {
  if (!body || !Array.isArray(body.Tables)) throw new Error('v1 response has no Tables');
  return body.Tables.map(tableOf);
}
