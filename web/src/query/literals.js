// KQL text for values and names: how a cell's value is written back into a query.

const RESERVED = new Set([
  'and', 'or', 'not', 'by', 'on', 'with', 'where', 'project', 'extend', 'summarize', 'let',
  'true', 'false', 'null', 'in', 'has', 'contains', 'between', 'kind', 'of', 'to', 'step',
  'from', 'asc', 'desc', 'as', 'set', 'alias', 'restrict', 'access', 'declare', 'pattern',
  'query_parameters', 'range', 'print', 'datatable', 'union', 'join', 'render', 'take', 'limit',
]);

// A column or table name as KQL needs it written: bare when it is a plain identifier, else
// bracketed and quoted (['Machine Name']).
export function kqlName(name) {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toLowerCase())) return name;
  return `['${String(name).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

// A string literal with KQL's escapes.
export function kqlString(s) {
  const body = String(s)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `"${body}"`;
}

// The literal for `value` of a column of `type`; null when the value is null (callers use
// isnull()/isnotnull() then).
export function kqlLiteral(value, type) {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'string':
      return kqlString(value);
    case 'bool':
    case 'boolean':
      return value === true || value === 'true' || value === 1 ? 'true' : 'false';
    case 'int':
    case 'long':
      return `${type}(${value})`;
    case 'real':
    case 'double':
      if (value === 'NaN') return 'real(nan)';
      if (value === 'Infinity') return 'real(+inf)';
      if (value === '-Infinity') return 'real(-inf)';
      return `real(${value})`;
    case 'decimal':
      return `decimal(${value})`;
    case 'datetime':
    case 'date':
      return `datetime(${value})`;
    case 'timespan':
    case 'time':
      return `timespan(${value})`;
    case 'guid':
    case 'uniqueid':
      return `guid(${value})`;
    default:
      // dynamic: compared through its JSON text.
      return kqlString(typeof value === 'string' ? value : JSON.stringify(value));
  }
}
