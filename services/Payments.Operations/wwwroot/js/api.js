// Every /api call carries the operator's bearer token, kept in sessionStorage only (never a URL or a cookie).
const key = 'payments.ops.token';

export const token = {
  get: () => sessionStorage.getItem(key),
  set: value => sessionStorage.setItem(key, value),
  clear: () => sessionStorage.removeItem(key),
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function describe(status, problem) {
  if (!problem) return `The service answered ${status}.`;
  const parts = [problem.title || `The service answered ${status}`];
  if (problem.detail) parts.push(problem.detail);
  if (problem.reason) parts.push(`(${problem.reason})`);
  for (const [field, messages] of Object.entries(problem.errors || {})) parts.push(`${field}: ${[].concat(messages).join(' ')}`);
  return parts.join(' ');
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token.get()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    if (response.status === 401) token.clear();
    throw new ApiError(response.status, json);
  }
  return json;
}

export function query(values) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
