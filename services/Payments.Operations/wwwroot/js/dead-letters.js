import { h, table, time, show } from './dom.js';
import { api, query } from './api.js';

// Dead letters: filtered and paged on the server (10,000 rows stay fast), replayed or discarded by selection or filter.
const state = { filter: {}, page: 1, pageSize: 50, selected: new Set() };
const fields = [
  ['queue', 'Queue'], ['messageType', 'Message type'], ['reason', 'Reason contains'], ['orderId', 'Order id'],
  ['from', 'Failed from (UTC)'], ['to', 'Failed before (UTC)'],
];

export async function deadLetters(main) {
  const page = await api(`dead-letters${query({ ...filterForApi(), page: state.page, pageSize: state.pageSize })}`);
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const detail = h('div', { id: 'dead-letter-detail', class: 'panel' }, h('p', { class: 'muted' }, 'Choose a row to see its headers and body.'));
  const reload = () => deadLetters(main).catch(error => show(error.message, true));
  const selectedButtons = [];
  const refreshButtons = () => selectedButtons.forEach(b => { b.disabled = state.selected.size === 0; });
  const discardReason = h('input', { id: 'discard-reason', placeholder: 'Why discard (required)', size: 28 });

  const replaySelected = h('button', { id: 'replay-selected', type: 'button', onclick: () => act('replay', { ids: [...state.selected] }, reload) }, 'Replay selected');
  const discardSelected = h('button', {
    id: 'discard-selected', type: 'button', class: 'danger',
    onclick: () => {
      const reason = discardReason.value.trim();
      if (!reason) { show('Say why before discarding.', true); discardReason.focus(); return; }
      act('discard', { ids: [...state.selected], reason }, reload);
    },
  }, 'Discard selected');
  selectedButtons.push(replaySelected, discardSelected);

  const replayMatching = h('button', {
    id: 'replay-matching', type: 'button', class: 'secondary',
    onclick: () => {
      if (Object.keys(filterForApi()).length === 0) { show('Set a filter first: replaying every dead letter at once is not offered.', true); return; }
      if (confirm(`Replay all ${page.total} dead letters matching this filter?`)) act('replay', { filter: filterForApi() }, reload);
    },
  }, `Replay all ${page.total} matching`);

  const rows = page.items.map(row => ({ ...row }));
  const grid = table([
    { title: '', cell: r => h('input', {
      type: 'checkbox', 'aria-label': `Select ${r.id}`, checked: state.selected.has(String(r.id)),
      onclick: event => { event.stopPropagation(); toggle(String(r.id), event.target.checked); refreshButtons(); },
    }) },
    { title: 'Failed at (UTC)', cell: r => time(r.failedAt) },
    { title: 'Queue', cell: r => r.queue },
    { title: 'Type', cell: r => r.messageType },
    { title: 'Order', class: 'mono', cell: r => r.orderId || '' },
    { title: 'Reason', cell: r => r.reason || r.exceptionType || '' },
    { title: 'State', cell: r => h('span', { class: `status ${String(r.state || '').toLowerCase()}` }, r.state || '') },
  ], rows, r => ({ 'data-id': r.id, onclick: () => showDetail(detail, r.id) }));

  main.replaceChildren(
    h('h1', {}, 'Dead letters'),
    filterForm(reload),
    h('div', { class: 'actions' }, replaySelected, discardReason, discardSelected, replayMatching),
    pager(page, pages, reload),
    h('div', { class: 'split' }, h('div', {}, page.items.length ? grid : h('p', { class: 'muted', id: 'no-dead-letters' }, 'No dead letters match.')), detail));
  refreshButtons();
}

function filterForApi() {
  const out = {};
  for (const [name, value] of Object.entries(state.filter)) {
    if (!value) continue;
    out[name] = name === 'from' || name === 'to' ? new Date(`${value}Z`).toISOString() : value;
  }
  return out;
}

function toggle(id, on) {
  if (on) state.selected.add(id); else state.selected.delete(id);
}

function filterForm(reload) {
  const inputs = fields.map(([name, title]) => h('label', {}, title, h('input', {
    name, id: `filter-${name}`, value: state.filter[name] || '', type: name === 'from' || name === 'to' ? 'datetime-local' : 'text',
  })));
  return h('form', {
    class: 'panel filters', id: 'dead-letter-filter',
    onsubmit: event => {
      event.preventDefault();
      const data = new FormData(event.target);
      state.filter = Object.fromEntries(fields.map(([name]) => [name, String(data.get(name) || '').trim()]));
      state.page = 1;
      state.selected.clear();
      reload();
    },
  }, inputs, h('button', { type: 'submit' }, 'Filter'));
}

function pager(page, pages, reload) {
  const go = to => { state.page = to; reload(); };
  const size = h('select', { id: 'page-size', 'aria-label': 'Rows per page', onchange: e => { state.pageSize = Number(e.target.value); state.page = 1; reload(); } },
    [25, 50, 100, 200].map(n => h('option', { value: n, selected: n === state.pageSize }, `${n} per page`)));
  return h('div', { class: 'pager' },
    h('button', { type: 'button', disabled: page.page <= 1, onclick: () => go(page.page - 1) }, 'Previous'),
    h('span', { id: 'page-position' }, `Page ${page.page} of ${pages} (${page.total} in all)`),
    h('button', { type: 'button', disabled: page.page >= pages, onclick: () => go(page.page + 1) }, 'Next'),
    size);
}

async function act(verb, body, reload) {
  try {
    const answer = await api(`dead-letters/${verb}`, { method: 'POST', body });
    const count = verb === 'replay' ? answer.replayed : answer.discarded;
    state.selected.clear();
    show(`${verb === 'replay' ? 'Replayed' : 'Discarded'} ${count}.`);
    await reload();
  } catch (error) {
    show(error.message, true);
  }
}

async function showDetail(panel, id) {
  try {
    const one = await api(`dead-letters/${encodeURIComponent(id)}`);
    panel.replaceChildren(
      h('h2', {}, `Dead letter ${one.id}`),
      h('p', {}, [one.state, one.reason, one.exceptionType].filter(Boolean).join(' · ')),
      one.faultMessage ? h('p', { class: 'mono' }, one.faultMessage) : null,
      h('h2', {}, 'Headers'), h('pre', {}, JSON.stringify(one.headers ?? {}, null, 2)),
      h('h2', {}, 'Body'), h('pre', { id: 'dead-letter-body' }, one.body != null ? JSON.stringify(one.body, null, 2) : (one.bodyText ?? '')));
  } catch (error) {
    show(error.message, true);
  }
}
