// Builds elements from data with textContent only: nothing the API returns is ever parsed as HTML.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function table(columns, rows, rowAttributes = () => ({})) {
  return h('table', {},
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { class: c.class }, c.title)))),
    h('tbody', {}, rows.map(row => h('tr', rowAttributes(row), columns.map(c => h('td', { class: c.class }, c.cell(row)))))));
}

export function time(value) {
  if (!value) return '';
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? String(value) : at.toISOString().replace('T', ' ').slice(0, 19);
}

export function show(message, isError = false) {
  const box = document.getElementById('message');
  box.textContent = message;
  box.className = isError ? 'message error' : 'message';
  box.hidden = !message;
}
