// The results grid: virtualized rows (only those in view exist in the DOM), sortable and
// resizable columns, expandable rows, and a keyboard-driven cell cursor.
import { cellText, detailText, sortOrder, layoutRows, rowAt } from './model.js';

const ROW_H = 26;
const DETAIL_H = 280;
const OVERSCAN = 8;
const EXPANDER_W = 28;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// A starting width from the header and a sample of values, within limits.
function defaultWidth(column, at, rows) {
  let len = column.name.length + 2;
  const n = Math.min(rows.length, 200);
  for (let i = 0; i < n; i++) len = Math.max(len, Math.min(cellText(rows[i][at]).length, 60));
  return Math.max(70, Math.min(420, len * 7.5 + 16));
}

const NUMERIC = new Set(['int', 'long', 'real', 'double', 'decimal']);

export class ResultGrid {
  // onCellMenu(event, { rowIndex, colIndex, anchor }) opens the cell's action menu.
  constructor(container, { onCellMenu, onFrame } = {}) {
    this.container = container;
    this.onCellMenu = onCellMenu || (() => {});
    this.onFrame = onFrame || (() => {});
    this.viewport = el('div', 'grid-viewport');
    this.viewport.tabIndex = 0;
    this.viewport.setAttribute('role', 'grid');
    this.viewport.setAttribute('aria-label', 'Results');
    this.header = el('div', 'grid-header');
    this.header.setAttribute('role', 'row');
    this.canvas = el('div', 'grid-canvas');
    this.viewport.append(this.header, this.canvas);
    container.replaceChildren(this.viewport);
    this.table = { columns: [], rows: [] };
    this.order = new Int32Array(0);
    this.tops = new Float64Array(1);
    this.widths = [];
    this.numeric = [];
    this.sort = null;
    this.expanded = new Set();
    this.cursor = { k: 0, c: 0 };
    this.pending = false;
    this.viewport.addEventListener('scroll', () => this.schedule());
    this.viewport.addEventListener('keydown', (e) => this.onKey(e));
    this.canvas.addEventListener('click', (e) => this.onClick(e));
    this.canvas.addEventListener('contextmenu', (e) => this.onContext(e));
    this.resizeObserver = new ResizeObserver(() => this.schedule());
    this.resizeObserver.observe(this.viewport);
  }

  setData(table) {
    this.table = table;
    this.numeric = table.columns.map((c) => NUMERIC.has(c.type));
    this.widths = table.columns.map((c, i) => defaultWidth(c, i, table.rows));
    this.sort = null;
    this.expanded = new Set();
    this.cursor = { k: 0, c: 0 };
    this.relayout();
    this.renderHeader();
    this.viewport.scrollTop = 0;
    this.viewport.scrollLeft = 0;
    this.render();
  }

  relayout() {
    this.order = sortOrder(this.table.rows, this.table.columns, this.sort);
    this.tops = layoutRows(this.order, this.expanded, ROW_H, DETAIL_H);
    this.canvas.style.height = `${this.tops[this.order.length]}px`;
    this.applyWidths();
  }

  applyWidths() {
    const total = EXPANDER_W + this.widths.reduce((a, b) => a + b, 0);
    this.totalWidth = total;
    this.canvas.style.width = `${total}px`;
    this.header.style.width = `${total}px`;
    const cols = [`${EXPANDER_W}px`, ...this.widths.map((w) => `${w}px`)].join(' ');
    this.viewport.style.setProperty('--grid-cols', cols);
  }

  renderHeader() {
    const cells = [el('div', 'grid-hcell grid-expander-h')];
    this.table.columns.forEach((c, i) => {
      const h = el('div', 'grid-hcell');
      h.setAttribute('role', 'columnheader');
      h.dataset.col = i;
      h.title = `${c.name} (${c.type})`;
      const label = el('button', 'grid-sort', c.name);
      label.type = 'button';
      label.tabIndex = -1;
      if (this.sort && this.sort.col === i) {
        label.textContent = `${c.name} ${this.sort.dir > 0 ? '▲' : '▼'}`;
        h.setAttribute('aria-sort', this.sort.dir > 0 ? 'ascending' : 'descending');
      }
      label.addEventListener('click', () => this.toggleSort(i));
      const grip = el('div', 'grid-resize');
      grip.addEventListener('pointerdown', (e) => this.startResize(e, i));
      h.append(label, grip);
      cells.push(h);
    });
    this.header.replaceChildren(...cells);
  }

  toggleSort(col) {
    if (!this.sort || this.sort.col !== col) this.sort = { col, dir: 1 };
    else if (this.sort.dir === 1) this.sort = { col, dir: -1 };
    else this.sort = null;
    this.relayout();
    this.renderHeader();
    this.render();
  }

  startResize(e, col) {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const start = this.widths[col];
    const move = (ev) => {
      this.widths[col] = Math.max(40, start + ev.clientX - startX);
      this.applyWidths();
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  // Draws the rows that intersect the viewport (plus a few either side).
  render() {
    const t0 = performance.now();
    const n = this.order.length;
    const top = this.viewport.scrollTop;
    const height = this.viewport.clientHeight || 400;
    const first = Math.max(0, rowAt(this.tops, top) - OVERSCAN);
    const last = Math.min(n - 1, rowAt(this.tops, top + height) + OVERSCAN);
    const frag = document.createDocumentFragment();
    const { columns, rows } = this.table;
    for (let k = first; k <= last && n; k++) {
      const r = this.order[k];
      const row = rows[r];
      const line = el('div', 'grid-row');
      line.setAttribute('role', 'row');
      line.dataset.k = k;
      line.style.transform = `translateY(${this.tops[k]}px)`;
      if (k % 2) line.classList.add('odd');
      const exp = el('button', 'grid-expander', this.expanded.has(r) ? '▾' : '▸');
      exp.type = 'button';
      exp.tabIndex = -1;
      exp.title = 'Expand row';
      exp.dataset.expand = r;
      line.append(exp);
      for (let c = 0; c < columns.length; c++) {
        const cell = el('div', 'grid-cell', cellText(row[c]));
        cell.setAttribute('role', 'gridcell');
        cell.dataset.c = c;
        if (this.numeric[c]) cell.classList.add('num');
        if (k === this.cursor.k && c === this.cursor.c) {
          cell.classList.add('cursor');
          const more = el('button', 'grid-cell-menu', '⋯');
          more.type = 'button';
          more.tabIndex = -1;
          more.title = 'Cell actions';
          more.dataset.menu = '1';
          cell.append(more);
        }
        line.append(cell);
      }
      frag.append(line);
      if (this.expanded.has(r)) frag.append(this.renderDetail(r, k));
    }
    this.canvas.replaceChildren(frag);
    this.onFrame(performance.now() - t0);
  }

  renderDetail(r, k) {
    const box = el('div', 'grid-detail');
    box.style.transform = `translateY(${this.tops[k] + ROW_H}px)`;
    box.style.height = `${DETAIL_H}px`;
    box.style.width = `${Math.max(this.totalWidth, 0)}px`;
    box.dataset.detail = r;
    const { columns, rows } = this.table;
    columns.forEach((c, i) => {
      const name = el('div', 'grid-detail-name', c.name);
      const value = el('pre', 'grid-detail-value', detailText(rows[r][i], c.type));
      box.append(name, value);
    });
    return box;
  }

  toggleExpand(r) {
    if (this.expanded.has(r)) this.expanded.delete(r);
    else this.expanded.add(r);
    this.tops = layoutRows(this.order, this.expanded, ROW_H, DETAIL_H);
    this.canvas.style.height = `${this.tops[this.order.length]}px`;
    this.render();
  }

  cellFromEvent(e) {
    const cell = e.target.closest('.grid-cell');
    const line = e.target.closest('.grid-row');
    if (!cell || !line) return null;
    return { k: Number(line.dataset.k), c: Number(cell.dataset.c), cell };
  }

  onClick(e) {
    const expander = e.target.closest('[data-expand]');
    if (expander) {
      this.toggleExpand(Number(expander.dataset.expand));
      return;
    }
    const hit = this.cellFromEvent(e);
    if (!hit) return;
    this.cursor = { k: hit.k, c: hit.c };
    this.render();
    this.viewport.focus({ preventScroll: true });
    if (e.target.closest('[data-menu]')) this.openMenu();
  }

  onContext(e) {
    const hit = this.cellFromEvent(e);
    if (!hit) return;
    e.preventDefault();
    this.cursor = { k: hit.k, c: hit.c };
    this.render();
    this.openMenu({ x: e.clientX, y: e.clientY });
  }

  openMenu(at) {
    const cell = this.canvas.querySelector('.grid-cell.cursor');
    const rect = cell ? cell.getBoundingClientRect() : this.viewport.getBoundingClientRect();
    const anchor = at || { x: rect.left + 8, y: rect.bottom };
    this.onCellMenu({ rowIndex: this.order[this.cursor.k], colIndex: this.cursor.c, anchor });
  }

  selected() {
    const r = this.order[this.cursor.k];
    return { rowIndex: r, colIndex: this.cursor.c, value: this.table.rows[r] ? this.table.rows[r][this.cursor.c] : null };
  }

  // Moves the cursor and scrolls it into view.
  moveTo(k, c) {
    const n = this.order.length;
    if (!n) return;
    this.cursor = { k: Math.max(0, Math.min(n - 1, k)), c: Math.max(0, Math.min(this.table.columns.length - 1, c)) };
    const top = this.tops[this.cursor.k];
    const headerH = this.header.offsetHeight;
    const viewTop = this.viewport.scrollTop;
    const viewH = this.viewport.clientHeight - headerH;
    if (top < viewTop) this.viewport.scrollTop = top;
    else if (top + ROW_H > viewTop + viewH) this.viewport.scrollTop = top + ROW_H - viewH;
    const left = EXPANDER_W + this.widths.slice(0, this.cursor.c).reduce((a, b) => a + b, 0);
    const w = this.widths[this.cursor.c];
    if (left < this.viewport.scrollLeft + EXPANDER_W) this.viewport.scrollLeft = Math.max(0, left - EXPANDER_W);
    else if (left + w > this.viewport.scrollLeft + this.viewport.clientWidth) this.viewport.scrollLeft = left + w - this.viewport.clientWidth;
    this.render();
  }

  onKey(e) {
    const { k, c } = this.cursor;
    const page = Math.max(1, Math.floor(this.viewport.clientHeight / ROW_H) - 2);
    const keys = {
      ArrowDown: () => this.moveTo(k + 1, c),
      ArrowUp: () => this.moveTo(k - 1, c),
      ArrowRight: () => this.moveTo(k, c + 1),
      ArrowLeft: () => this.moveTo(k, c - 1),
      PageDown: () => this.moveTo(k + page, c),
      PageUp: () => this.moveTo(k - page, c),
      Home: () => this.moveTo(e.ctrlKey ? 0 : k, 0),
      End: () => this.moveTo(e.ctrlKey ? this.order.length - 1 : k, this.table.columns.length - 1),
      Enter: () => this.openMenu(),
      ' ': () => this.toggleExpand(this.order[k]),
    };
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c') {
      this.container.dispatchEvent(new CustomEvent('grid-copy', { bubbles: true }));
      e.preventDefault();
      return;
    }
    if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      this.openMenu();
      return;
    }
    const act = keys[e.key];
    if (act && this.order.length) {
      e.preventDefault();
      act();
    }
  }
}
