import { show } from './dom.js';
import { token, ApiError } from './api.js';
import { signIn } from './signin.js';
import { now } from './now.js';
import { deadLetters } from './dead-letters.js';
import { lookup, timeline } from './timeline.js';

// The console's routes live in the fragment (#/now, #/dead-letters, #/orders/{id}): never sent to the server.
const main = document.getElementById('main');
const nav = document.getElementById('nav');

// Each route() opens a new screen; a view draws only into the screen it was opened for. A slow answer (a "Now" that
// waited on a service that does not answer) is dropped, never drawn over the view the operator has moved on to.
let opened = 0;
function screen() {
  const ticket = ++opened;
  const current = () => ticket === opened;
  return { current, replaceChildren: (...nodes) => { if (current()) main.replaceChildren(...nodes); } };
}

async function route() {
  const view = screen();
  if (!token.get()) {
    nav.hidden = true;
    signIn(view, () => { if (location.hash === '' || location.hash === '#/sign-in') location.hash = '#/now'; else route(); });
    return;
  }
  nav.hidden = false;
  const [, name = 'now', id] = location.hash.split('/');
  for (const link of nav.querySelectorAll('a[data-view]')) link.classList.toggle('active', link.dataset.view === name);
  try {
    if (name === 'dead-letters') await deadLetters(view);
    else if (name === 'orders' && id) await timeline(view, decodeURIComponent(id));
    else await now(view);
  } catch (error) {
    if (!view.current()) return;
    if (error instanceof ApiError && error.status === 401) { show('The token was refused (expired or for another audience): sign in again.', true); route(); return; }
    show(error.message, true);
  }
}

document.getElementById('search').addEventListener('submit', async event => {
  event.preventDefault();
  const q = document.getElementById('search-q').value.trim();
  if (!q) return;
  try {
    const orderId = await lookup(q);
    if (!orderId) { show(`No order, provider payment or provider event "${q}".`, true); return; }
    show('');
    location.hash = `#/orders/${encodeURIComponent(orderId)}`;
  } catch (error) {
    show(error.message, true);
  }
});

document.getElementById('sign-out').addEventListener('click', () => { token.clear(); show(''); route(); });
window.addEventListener('hashchange', () => { show(''); route(); });
route();
