import { h, table, time } from './dom.js';
import { api } from './api.js';

// "Now": what is waiting, parked or dead right now. The sections are drawn from the answer's shape, so a new
// figure the service adds shows up without a console change.
export async function now(main) {
  const answer = await api('now');
  main.replaceChildren(h('h1', {}, 'Now'), h('p', { class: 'muted' }, `As of ${time(answer.at || answer.asOf || new Date().toISOString())} UTC`), ...sections(answer));
}

function sections(answer) {
  const tiles = [];
  const blocks = [];
  for (const [name, value] of Object.entries(answer)) {
    if (name === 'at' || name === 'asOf') continue;
    if (typeof value === 'number' || typeof value === 'string' || value === null) tiles.push(tile(name, value));
    else if (Array.isArray(value)) blocks.push(h('section', { 'data-section': name }, h('h2', {}, label(name)), list(value)));
    else blocks.push(h('section', { 'data-section': name }, h('h2', {}, label(name)), object(value)));
  }
  return [tiles.length ? h('div', { class: 'tiles' }, tiles) : null, ...blocks];
}

function tile(name, value) {
  return h('div', { class: 'tile', 'data-figure': name }, h('div', { class: 'value' }, value ?? 'unknown'), h('div', { class: 'label' }, label(name)));
}

function list(rows) {
  if (rows.length === 0) return h('p', { class: 'muted' }, 'None.');
  if (typeof rows[0] !== 'object') return h('p', {}, rows.join(', '));
  const names = [...new Set(rows.flatMap(Object.keys))];
  return table(names.map(n => ({ title: label(n), class: rows.some(r => typeof r[n] === 'number') ? 'num' : undefined, cell: r => cell(n, r[n]) })), rows);
}

function object(value) {
  if (value === null) return h('p', { class: 'muted' }, 'unknown');
  const entries = Object.entries(value);
  if (entries.length === 0) return h('p', { class: 'muted' }, 'None.');
  if (entries.every(([, v]) => v === null || typeof v !== 'object')) {
    return table([{ title: 'Name', cell: ([n]) => n }, { title: 'Value', class: 'num', cell: ([n, v]) => cell(n, v) }], entries);
  }
  return h('div', {}, entries.map(([n, v]) => h('div', {}, h('h2', {}, label(n)), Array.isArray(v) ? list(v) : object(v))));
}

function cell(name, value) {
  if (value === null || value === undefined) return 'unknown';
  if (typeof value === 'object') return h('span', { class: 'mono' }, JSON.stringify(value));
  if (/(At|Since)$/.test(name)) return time(value);
  return String(value);
}

function label(name) {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
