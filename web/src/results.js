// The results pane of the active tab: a table/chart toggle, the chart kind and pivot pickers,
// CSV export, and the grid or chart itself.
import { ResultGrid } from './grid/grid.js';
import { toCsv } from './grid/csv.js';
import { ChartView } from './chart/view.js';
import { chartSpec, pivotCandidates, RENDER_KINDS } from './chart/spec.js';

const $ = (id) => document.getElementById(id);

export class ResultsPane {
  constructor({ onCellMenu, getTheme, onPainted }) {
    this.getTheme = getTheme;
    this.onPainted = onPainted || (() => {});
    this.frameTimes = [];
    this.grid = new ResultGrid($('grid-host'), {
      onCellMenu,
      onFrame: (ms) => this.frameTimes.push(ms),
    });
    this.chart = new ChartView($('chart-host'));
    this.tab = null;
    $('view-table').addEventListener('click', () => this.setView('table'));
    $('view-chart').addEventListener('click', () => this.setView('chart'));
    $('chart-kind').addEventListener('change', (e) => {
      this.tab.chartKind = e.target.value;
      this.setView('chart');
    });
    $('pivot').addEventListener('change', (e) => {
      this.tab.pivot = e.target.value;
      this.setView('chart');
    });
    $('result-index').addEventListener('change', (e) => {
      this.tab.resultIndex = Number(e.target.value);
      this.show(this.tab, { keepView: true });
    });
    $('export-csv').addEventListener('click', () => this.exportCsv());
    const kinds = $('chart-kind');
    kinds.replaceChildren(new Option('as rendered', ''), ...Object.keys(RENDER_KINDS).filter((k) => k !== 'table').map((k) => new Option(k, k)));
  }

  table() {
    const t = this.tab && this.tab.result;
    return t ? t.tables[this.tab.resultIndex || 0] : null;
  }

  // Shows `tab`'s result (or its error or progress).
  show(tab, { keepView = false } = {}) {
    this.tab = tab;
    const table = this.table();
    const has = !!table;
    $('results').dataset.state = tab.running ? 'running' : tab.error ? 'error' : has ? 'ready' : 'empty';
    for (const id of ['view-table', 'view-chart', 'chart-kind', 'pivot', 'export-csv']) $(id).disabled = !has;
    const multi = has && tab.result.tables.length > 1;
    $('result-index').hidden = !multi;
    if (multi) {
      $('result-index').replaceChildren(...tab.result.tables.map((t, i) => new Option(t.name || `Table ${i + 1}`, i)));
      $('result-index').value = String(tab.resultIndex || 0);
    }
    $('message').textContent = tab.error ? tab.error.message : has ? '' : 'Run a query with Shift+Enter or Ctrl+Enter.';
    if (!has) {
      $('result-stats').textContent = '';
      $('grid-host').hidden = true;
      $('chart-host').hidden = true;
      return;
    }
    const stats = [`${table.rows.length.toLocaleString('en-US')} rows`];
    if (tab.elapsedMs !== undefined) stats.push(`${(tab.elapsedMs / 1000).toFixed(2)} s`);
    $('result-stats').textContent = stats.join(' · ');
    $('pivot').replaceChildren(new Option('(rendered series)', ''), ...pivotCandidates(table.columns).map((n) => new Option(n, n)));
    $('pivot').value = tab.pivot || '';
    $('chart-kind').value = tab.chartKind || '';
    if (!keepView && !tab.view) tab.view = table.visualization && table.visualization.visualization !== 'table' ? 'chart' : 'table';
    this.grid.setData(table);
    this.setView(tab.view);
  }

  setView(view) {
    const tab = this.tab;
    const table = this.table();
    if (!tab || !table) return;
    tab.view = view;
    $('view-table').setAttribute('aria-pressed', String(view === 'table'));
    $('view-chart').setAttribute('aria-pressed', String(view === 'chart'));
    $('grid-host').hidden = view !== 'table';
    $('chart-host').hidden = view !== 'chart';
    if (view === 'chart') {
      const spec = chartSpec(table.visualization, table.columns, { render: tab.chartKind || (table.visualization ? undefined : 'columnchart'), pivot: tab.pivot });
      this.chart.show(table, spec, this.getTheme());
      $('chart-host').dataset.render = spec.render;
    } else {
      this.grid.render();
    }
    requestAnimationFrame(() => this.onPainted(view));
  }

  redrawChart() {
    if (this.tab && this.tab.view === 'chart') this.setView('chart');
  }

  exportCsv() {
    const table = this.table();
    if (!table) return;
    const blob = new Blob([toCsv(table.columns, table.rows)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${(this.tab.title || 'result').replace(/[^A-Za-z0-9_-]+/g, '_')}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
}
