// Reads the API. 401 anywhere means "sign in"; answers the service worker served from its copy
// (offline) carry X-GovPulse-Offline-Copy with the time they were stored.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.detail = detail;
  }
}

const OFFLINE_HEADER = "X-GovPulse-Offline-Copy";
let unauthorized = () => {};
const offlineCopies = new Map();
const offlineListeners = new Set();

export function onUnauthorized(fn) {
  unauthorized = fn;
}

/** fn(oldest stored time as a Date, or null when every answer shown is fresh). */
export function onOfflineChange(fn) {
  offlineListeners.add(fn);
}

export function offlineSince() {
  let oldest = null;
  for (const at of offlineCopies.values()) if (!oldest || at < oldest) oldest = at;
  return oldest;
}

function noteFreshness(path, response) {
  const stored = response.headers.get(OFFLINE_HEADER);
  const before = offlineSince();
  if (stored) offlineCopies.set(path, new Date(stored));
  else offlineCopies.delete(path);
  const after = offlineSince();
  if (before?.getTime() !== after?.getTime()) offlineListeners.forEach(fn => fn(after));
}

/** Forgets which answers were offline copies (a new screen asks again). */
export function resetFreshness() {
  if (offlineCopies.size === 0) return;
  offlineCopies.clear();
  offlineListeners.forEach(fn => fn(null));
}

async function problemDetail(response) {
  try {
    const body = await response.json();
    return body?.detail || body?.title;
  } catch {
    return undefined;
  }
}

export async function getJson(path, { signal } = {}) {
  const response = await fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin", signal });
  noteFreshness(path, response);
  if (response.status === 401) {
    unauthorized();
    throw new ApiError(401, await problemDetail(response));
  }
  if (!response.ok) throw new ApiError(response.status, await problemDetail(response));
  return response.json();
}

/** POSTs JSON; returns the Response (the caller reads the status). */
export function postJson(path, body, headers = {}) {
  return fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export { problemDetail };
