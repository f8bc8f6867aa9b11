import { h, show } from './dom.js';
import { token } from './api.js';

// Sign in by pasting a bearer token (scope payments:ops, audience payments-operations; `source .run/dev.env`
// gives one as PAYMENTS_OPS_TOKEN). The server only sees it in the Authorization header of /api calls.
export function signIn(main, done) {
  const input = h('textarea', { id: 'token', name: 'token', required: true, autocomplete: 'off', spellcheck: 'false', placeholder: 'eyJ...' });
  const form = h('form', {
    class: 'panel signin', id: 'sign-in',
    onsubmit: event => {
      event.preventDefault();
      const value = input.value.trim().replace(/^Bearer\s+/i, '');
      if (value.split('.').length !== 3) { show('That is not a JWT: paste the whole token (three parts separated by dots).', true); return; }
      token.set(value);
      show('');
      done();
    },
  },
  h('h1', {}, 'Sign in'),
  h('p', { class: 'muted' }, 'Paste a bearer token with scope payments:ops for the audience payments-operations. It stays in this tab only.'),
  h('label', { for: 'token' }, 'Token'),
  input,
  h('p', {}, h('button', { type: 'submit' }, 'Sign in')));
  main.replaceChildren(form);
  input.focus();
}
