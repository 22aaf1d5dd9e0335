// A small keyboard-navigable popup menu (cell actions, history).

let open = null;

export function closeMenu() {
  if (open) {
    open.remove();
    open = null;
  }
}

// items: [{ label, action, id }]; at: { x, y } in viewport pixels.
export function showMenu(items, at, { label = 'Actions', returnFocus } = {}) {
  closeMenu();
  const menu = document.createElement('div');
  menu.className = 'popup-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', label);
  for (const item of items) {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'menuitem');
    b.textContent = item.label;
    if (item.id) b.dataset.action = item.id;
    b.addEventListener('click', () => {
      closeMenu();
      item.action();
    });
    menu.append(b);
  }
  menu.addEventListener('keydown', (e) => {
    const buttons = [...menu.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') buttons[(i + 1) % buttons.length].focus();
    else if (e.key === 'ArrowUp') buttons[(i - 1 + buttons.length) % buttons.length].focus();
    else if (e.key === 'Escape') {
      closeMenu();
      if (returnFocus) returnFocus.focus();
    } else return;
    e.preventDefault();
  });
  document.body.append(menu);
  const w = menu.offsetWidth;
  const h = menu.offsetHeight;
  menu.style.left = `${Math.max(4, Math.min(at.x, window.innerWidth - w - 4))}px`;
  menu.style.top = `${Math.max(4, Math.min(at.y, window.innerHeight - h - 4))}px`;
  open = menu;
  const first = menu.querySelector('button');
  if (first) first.focus();
}

document.addEventListener('mousedown', (e) => {
  if (open && !open.contains(e.target)) closeMenu();
});
