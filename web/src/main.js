// The workbench: wires the editor, tabs, time range, history and results to the server's
// Kusto REST endpoints.
import './styles.css';
import { createClient, QueryError } from './api/client.js';
import { loadSchema } from './schema.js';
import { createEditor, createModel, setSchema, setEditorTheme, showServerError, clearServerErrors, monaco } from './editor/setup.js';
import { statementAt } from './query/statement.js';
import { PRESETS, scopeQuery, setInQuery } from './query/timerange.js';
import { includeValue, excludeValue, windowQuery, sourceTable } from './query/drilldown.js';
import { addToHistory, loadHistory, saveHistory } from './history.js';
import { TabStrip } from './tabs.js';
import { ResultsPane } from './results.js';
import { showMenu, closeMenu } from './menu.js';
import { initialTheme, applyTheme } from './theme.js';
import { cellText } from './grid/model.js';

const $ = (id) => document.getElementById(id);
const client = createClient({ db: new URLSearchParams(location.search).get('db') || 'NetDefaultDB' });
const schema = { tables: [], timed: ['SecurityEvent', 'SecurityAlert'], doc: null };
let history = loadHistory();
let theme = initialTheme();
applyTheme(theme);

// Numbers the end-to-end tests and the README read.
const metrics = { runStartedAt: 0, firstPaintMs: null, lastQueryMs: null };

const editor = createEditor($('editor'), { theme, onRun: () => run() });

const results = new ResultsPane({
  getTheme: () => theme,
  onCellMenu: (hit) => openCellMenu(hit),
  onPainted: () => {
    if (metrics.runStartedAt && metrics.firstPaintMs === null && !tabs.active.running) metrics.firstPaintMs = performance.now() - metrics.runStartedAt;
  },
});

const tabs = new TabStrip($('tabs'), {
  onActivate: (tab) => {
    editor.setModel(tab.model);
    $('time-range').value = tab.range.id;
    showCustomRange(tab);
    updateTimeLabel();
    results.show(tab, { keepView: true });
    updateRunState(tab);
    editor.focus();
  },
  onClose: (tab) => {
    if (tab.controller) tab.controller.abort();
    tab.model.dispose();
  },
  onAdd: () => newTab(''),
});

function newTab(text, title) {
  const model = createModel(text);
  model.onDidChangeContent(() => updateTimeLabel());
  if (schema.doc) setSchema(model, schema.doc, location.origin, schema.database).catch(() => {});
  return tabs.add({ model, title, range: { id: '24h' }, result: null, view: null });
}

// --- time range ------------------------------------------------------------------------------

$('time-range').replaceChildren(...PRESETS.map((p) => new Option(p.label, p.id)));
$('time-range').addEventListener('change', (e) => {
  const tab = tabs.active;
  tab.range = { ...tab.range, id: e.target.value };
  showCustomRange(tab);
});
for (const id of ['range-from', 'range-to']) {
  $(id).addEventListener('change', () => {
    const tab = tabs.active;
    const iso = (v) => (v ? new Date(`${v}Z`).toISOString() : '');
    tab.range = { id: 'custom', from: iso($('range-from').value), to: iso($('range-to').value) };
  });
}
function showCustomRange(tab) {
  $('custom-range').hidden = tab.range.id !== 'custom';
}
function updateTimeLabel() {
  const inQuery = setInQuery(editor.getValue());
  $('time-range').disabled = inQuery;
  $('time-set-in-query').hidden = !inQuery;
}

// --- running ---------------------------------------------------------------------------------

function updateRunState(tab) {
  $('run').hidden = !!tab.running;
  $('cancel').hidden = !tab.running;
  $('progress').hidden = !tab.running;
}

function currentStatement() {
  const model = editor.getModel();
  const sel = editor.getSelection();
  if (sel && !sel.isEmpty()) return { text: model.getValueInRange(sel), startLine: sel.startLineNumber, endLine: sel.endLineNumber, selection: true };
  return statementAt(model.getValue(), editor.getPosition().lineNumber);
}

async function run(tab = tabs.active) {
  if (tab.running) return;
  const stmt = tab === tabs.active ? currentStatement() : statementAt(tab.model.getValue(), 1);
  if (!stmt || !stmt.text.trim()) return;
  clearServerErrors(tab.model);
  const scoped = scopeQuery(stmt.text, tab.range, schema.timed);
  tab.statement = stmt;
  tab.running = true;
  tab.error = null;
  tab.controller = new AbortController();
  const started = performance.now();
  metrics.runStartedAt = started;
  metrics.firstPaintMs = null;
  tabs.draw();
  updateRunState(tab);
  results.show(tab, { keepView: true });
  const ticker = setInterval(() => {
    $('progress-text').textContent = `Running… ${((performance.now() - started) / 1000).toFixed(1)} s`;
  }, 100);
  $('progress-text').textContent = 'Running…';
  try {
    const result = await client.query(scoped.text, { signal: tab.controller.signal });
    tab.result = result;
    tab.resultIndex = 0;
    tab.pivot = '';
    tab.chartKind = '';
    tab.view = null;
    history = addToHistory(history, stmt.text);
    saveHistory(history);
  } catch (e) {
    if (e.name === 'AbortError') tab.error = { message: 'Query cancelled.' };
    else if (e instanceof QueryError) {
      const info = { ...e.info };
      if (info.line && scoped.lineOffset) {
        // Positions in the text as written, not in the text sent with the time-range prefix.
        const line = Math.max(1, info.line - scoped.lineOffset);
        info.message = info.message.replace(`${info.line}:${info.col}`, `${line}:${info.col}`);
        info.line = line;
      }
      tab.error = info;
      showServerError(tab.model, info, stmt.startLine);
    } else tab.error = { message: String(e.message || e) };
    tab.result = null;
  } finally {
    clearInterval(ticker);
    tab.running = false;
    tab.controller = null;
    tab.elapsedMs = performance.now() - started;
    metrics.lastQueryMs = tab.elapsedMs;
    tabs.draw();
    if (tab === tabs.active) {
      updateRunState(tab);
      results.show(tab);
    }
  }
}

$('run').addEventListener('click', () => run());
$('cancel').addEventListener('click', () => tabs.active.controller && tabs.active.controller.abort());

// --- cell actions ----------------------------------------------------------------------------

function replaceStatement(tab, newText) {
  const stmt = tab.statement;
  const model = tab.model;
  const range = stmt && !stmt.selection
    ? { startLineNumber: stmt.startLine, startColumn: 1, endLineNumber: stmt.endLine, endColumn: model.getLineMaxColumn(stmt.endLine) }
    : model.getFullModelRange();
  editor.executeEdits('drill-down', [{ range, text: newText }]);
  const lines = newText.split('\n').length;
  const start = range.startLineNumber;
  editor.setSelection({ startLineNumber: start + lines - 1, startColumn: 1, endLineNumber: start + lines - 1, endColumn: 1 });
}

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text).catch(() => copyFallback(text));
  copyFallback(text);
  return Promise.resolve();
}
function copyFallback(text) {
  const ta = document.createElement('textarea');
  ta.value = text;
  document.body.append(ta);
  ta.select();
  document.execCommand('copy');
  ta.remove();
}

function openCellMenu({ rowIndex, colIndex, anchor }) {
  const tab = tabs.active;
  const table = results.table();
  const column = table.columns[colIndex];
  const value = table.rows[rowIndex][colIndex];
  const statementText = tab.statement ? tab.statement.text : editor.getValue();
  const items = [
    { id: 'copy', label: 'Copy value', action: () => copyText(cellText(value)) },
    { id: 'include', label: `Include ${column.name} == this value`, action: () => { replaceStatement(tab, includeValue(statementText, column, value)); run(tab); } },
    { id: 'exclude', label: `Exclude ${column.name} != this value`, action: () => { replaceStatement(tab, excludeValue(statementText, column, value)); run(tab); } },
  ];
  if (column.type === 'datetime' && value) {
    items.push({
      id: 'window',
      label: '±5 minutes around this time',
      action: () => {
        const table0 = sourceTable(statementText, schema.tables.length ? schema.tables : schema.timed);
        const text = windowQuery({ table: table0, time: value, row: table.rows[rowIndex], columns: table.columns });
        const t = newTab(text, `±5m ${String(value).slice(11, 19)}`);
        editor.setPosition({ lineNumber: 1, column: 1 });
        run(t);
      },
    });
  }
  items.push({ id: 'expand', label: 'Expand row', action: () => results.grid.toggleExpand(rowIndex) });
  showMenu(items, anchor, { label: 'Cell actions', returnFocus: results.grid.viewport });
}

$('grid-host').addEventListener('grid-copy', () => copyText(cellText(results.grid.selected().value)));

// --- history ---------------------------------------------------------------------------------

$('history').addEventListener('click', () => {
  const r = $('history').getBoundingClientRect();
  const items = history.slice(0, 30).map((h) => ({
    label: h.text.replace(/\s+/g, ' ').slice(0, 90),
    action: () => {
      const tab = tabs.active;
      tab.model.setValue(h.text);
      editor.focus();
    },
  }));
  if (!items.length) items.push({ label: 'No queries run yet', action: () => {} });
  showMenu(items, { x: r.left, y: r.bottom + 2 }, { label: 'Query history', returnFocus: $('history') });
});

// --- theme, keys -----------------------------------------------------------------------------

$('theme').addEventListener('click', () => {
  theme = theme === 'dark' ? 'light' : 'dark';
  applyTheme(theme);
  setEditorTheme(theme);
  results.redrawChart();
});

// Captured before the editor sees them: Monaco binds Alt+C/R/W in its find widget.
window.addEventListener(
  'keydown',
  (e) => {
    if (e.key === 'Escape' && tabs.active.running) {
      tabs.active.controller.abort();
      return;
    }
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const k = e.code.startsWith('Digit') ? e.code.slice(5) : e.code.startsWith('Key') ? e.code.slice(3).toLowerCase() : '';
    const actions = {
      t: () => newTab(''),
      w: () => tabs.close(tabs.active),
      e: () => editor.focus(),
      r: () => results.grid.viewport.focus(),
      c: () => results.setView(tabs.active.view === 'chart' ? 'table' : 'chart'),
      h: () => $('history').click(),
    };
    let act = actions[k];
    if (/^[1-9]$/.test(k) && tabs.tabs[Number(k) - 1]) act = () => tabs.activate(tabs.tabs[Number(k) - 1]);
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    closeMenu();
    act();
  },
  true,
);

// --- start -----------------------------------------------------------------------------------

newTab('SecurityEvent\n| take 100', 'Query 1');

loadSchema(client)
  .then((s) => {
    Object.assign(schema, s, { database: s.database ? s.database.Name : client.db });
    $('schema-status').textContent = `${s.tables.length} tables`;
    return Promise.all(tabs.tabs.map((t) => setSchema(t.model, s.doc, location.origin, schema.database)));
  })
  .then(() => {
    document.body.dataset.schema = 'ready';
  })
  .catch((e) => {
    $('schema-status').textContent = `schema unavailable: ${e.message}`;
    document.body.dataset.schema = 'failed';
  });

window.__workbench = {
  metrics,
  frameTimes: () => results.frameTimes,
  chartPoint: () => results.chart.firstPointPixel(),
  editor,
  tabs,
  markers: (model) => monaco.editor.getModelMarkers({ resource: model.uri }),
};
