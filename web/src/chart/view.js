// Draws a chart for a result: ECharts for the chart kinds, a card for `card`, and a note for
// plotly (whose figures need plotly.js, which the workbench does not ship).
import * as echarts from 'echarts';
import { chartOption, nonChartKind } from './options.js';

export class ChartView {
  constructor(container) {
    this.container = container;
    this.chart = null;
    this.theme = null;
    this.resizeObserver = new ResizeObserver(() => this.chart && this.chart.resize());
    this.resizeObserver.observe(container);
  }

  dispose() {
    if (this.chart) this.chart.dispose();
    this.chart = null;
  }

  show(table, spec, theme) {
    const special = nonChartKind(spec);
    if (special) {
      this.dispose();
      this.container.replaceChildren(special === 'card' ? cardOf(table) : noteOf(special, table));
      return;
    }
    const option = chartOption(table, spec);
    if (!option) {
      this.dispose();
      this.container.replaceChildren(noteOf('unsupported', table, spec));
      return;
    }
    if (!this.chart || this.theme !== theme) {
      this.dispose();
      this.container.replaceChildren();
      this.chart = echarts.init(this.container, theme === 'dark' ? 'dark' : null, { renderer: 'canvas' });
      this.theme = theme;
    }
    const { truncated, ...echartsOption } = option;
    echartsOption.tooltip = { ...echartsOption.tooltip, className: 'chart-tooltip' };
    this.chart.setOption(echartsOption, true);
    this.container.dataset.truncated = truncated ? 'true' : 'false';
    this.container.title = truncated ? 'Only the largest series and the first categories are drawn.' : '';
  }

  // For tests: the middle of the largest bar drawn (or the first point of a line or scatter).
  firstPointPixel() {
    if (!this.chart) return null;
    const model = this.chart.getModel();
    let best = null;
    for (let si = 0; model.getSeriesByIndex(si); si++) {
      const data = model.getSeriesByIndex(si).getData();
      for (let i = 0; i < data.count(); i++) {
        const l = data.getItemLayout(i);
        if (!l) continue;
        if (Array.isArray(l)) {
          if (!best && l.every(Number.isFinite)) best = { x: l[0], y: l[1], area: 0 };
          continue;
        }
        if (![l.x, l.y, l.width, l.height].every(Number.isFinite)) continue;
        const area = Math.abs(l.width * l.height);
        if (!best || area > best.area) best = { x: l.x + l.width / 2, y: l.y + l.height / 2, area };
      }
    }
    return best && { x: best.x, y: best.y };
  }
}

function cardOf(table) {
  const box = document.createElement('div');
  box.className = 'card-view';
  const row = table.rows[0] || [];
  table.columns.forEach((c, i) => {
    const item = document.createElement('div');
    item.className = 'card-item';
    const value = document.createElement('div');
    value.className = 'card-value';
    const v = row[i];
    value.textContent = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    const label = document.createElement('div');
    label.className = 'card-label';
    label.textContent = c.name;
    item.append(value, label);
    box.append(item);
  });
  return box;
}

function noteOf(kind, table, spec) {
  const box = document.createElement('div');
  box.className = 'chart-note';
  if (kind === 'plotly') {
    box.textContent = 'plotly figures are shown as their JSON; switch to the table to read them.';
  } else if (kind === 'table') {
    box.textContent = 'This result renders as a table.';
  } else {
    box.textContent = `Cannot draw ${spec ? spec.render : 'this chart'} from columns ${table.columns.map((c) => `${c.name}:${c.type}`).join(', ')}.`;
  }
  return box;
}
