// Query tabs: each holds its own editor model, time range and last result. The strip is a
// tablist (arrow keys move between tabs, Delete closes one).

let nextId = 1;

export class TabStrip {
  constructor(container, { onActivate, onClose, onAdd }) {
    this.container = container;
    this.tabs = [];
    this.active = null;
    this.onActivate = onActivate;
    this.onClose = onClose;
    this.onAdd = onAdd;
    container.setAttribute('role', 'tablist');
    container.setAttribute('aria-label', 'Query tabs');
  }

  add(fields) {
    const tab = { id: nextId++, title: fields.title || `Query ${nextId - 1}`, ...fields };
    this.tabs.push(tab);
    this.activate(tab);
    return tab;
  }

  activate(tab) {
    this.active = tab;
    this.draw();
    this.onActivate(tab);
  }

  close(tab) {
    if (this.tabs.length === 1) return;
    const i = this.tabs.indexOf(tab);
    this.tabs.splice(i, 1);
    this.onClose(tab);
    if (this.active === tab) this.activate(this.tabs[Math.max(0, i - 1)]);
    else this.draw();
  }

  rename(tab, title) {
    tab.title = title;
    this.draw();
  }

  draw() {
    const nodes = this.tabs.map((tab, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'tab';
      b.setAttribute('role', 'tab');
      b.dataset.tab = tab.id;
      b.setAttribute('aria-selected', String(tab === this.active));
      b.tabIndex = tab === this.active ? 0 : -1;
      b.title = `${tab.title} (Alt+${i + 1})`;
      const label = document.createElement('span');
      label.textContent = tab.title + (tab.running ? ' …' : '');
      b.append(label);
      if (this.tabs.length > 1) {
        const x = document.createElement('span');
        x.className = 'tab-close';
        x.textContent = '×';
        x.title = 'Close tab (Alt+W)';
        x.addEventListener('click', (e) => {
          e.stopPropagation();
          this.close(tab);
        });
        b.append(x);
      }
      b.addEventListener('click', () => this.activate(tab));
      b.addEventListener('keydown', (e) => {
        const k = this.tabs.indexOf(tab);
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const next = this.tabs[(k + (e.key === 'ArrowRight' ? 1 : -1) + this.tabs.length) % this.tabs.length];
          this.activate(next);
          this.container.querySelector(`[data-tab="${next.id}"]`).focus();
          e.preventDefault();
        } else if (e.key === 'Delete') {
          this.close(tab);
          e.preventDefault();
        }
      });
      return b;
    });
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'tab-add';
    add.textContent = '+';
    add.title = 'New query tab (Alt+T)';
    add.setAttribute('aria-label', 'New query tab');
    add.addEventListener('click', () => this.onAdd());
    this.container.replaceChildren(...nodes, add);
  }
}
