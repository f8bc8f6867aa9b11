import { h, table, time } from './dom.js';
import { api, ApiError } from './api.js';

// Resolves what the operator typed (order id, provider payment id or provider event id) to its order.
export async function lookup(q) {
  try {
    return (await api(`payments/lookup?q=${encodeURIComponent(q)}`)).orderId;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

// One payment's story, ordered by time, with the services that did not answer named.
export async function timeline(main, orderId) {
  const story = await api(`payments/${encodeURIComponent(orderId)}/timeline`);
  const steps = story.steps || [];
  main.replaceChildren(
    h('h1', {}, 'Order ', h('span', { class: 'mono', id: 'order-id' }, story.orderId), ' ',
      h('span', { id: 'order-status', class: `status ${String(story.status || '').toLowerCase()}` }, story.status || 'unknown')),
    (story.unavailable || []).length
      ? h('p', { class: 'message error', id: 'unavailable' }, `Not answering, so missing from this story: ${story.unavailable.join(', ')}`)
      : null,
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => timeline(main, orderId) }, 'Refresh')),
    steps.length === 0
      ? h('p', { class: 'muted' }, 'Nothing recorded yet.')
      : table([
        { title: 'At (UTC)', cell: s => time(s.at) },
        { title: 'Kind', class: 'kind', cell: s => s.kind },
        { title: 'Service', cell: s => s.service },
        { title: 'What happened', cell: s => s.summary },
        { title: 'Trace', class: 'mono', cell: s => s.traceUrl ? h('a', { href: s.traceUrl, rel: 'noreferrer', target: '_blank' }, s.traceId || 'trace') : (s.traceId || '') },
      ], steps, s => ({ 'data-kind': s.kind })),
    h('details', {}, h('summary', {}, 'Everything the services answered'), h('pre', {}, JSON.stringify(story, null, 2))));
}
