// The live link: one SignalR connection to /hubs/indicators that keeps the units the screen shows
// subscribed, reconnects by itself for ever (re-subscribing what is shown), and tells the page
// whether its figures are live, and when it may have missed an update ("resumed": after a
// reconnect, or a push whose previousVersion this page never saw) so the page fetches again.
/* global signalR */

const listeners = { scorecard: new Set(), hourly: new Set(), state: new Set(), resumed: new Set() };
const watched = new Set();
const subscribed = new Set();
const seenVersions = new Map(); // unit code → the highest scorecard version pushed to this page
let connection = null;
let status = "connecting";
let everConnected = false;
let retryTimer = 0;
let retries = 0;
let unauthorized = () => {};

const delay = attempt => Math.min(1000 * 2 ** attempt, 15000);

function emit(kind, value) {
  listeners[kind].forEach(fn => {
    try { fn(value); } catch (e) { console.error(e); }
  });
}

function setStatus(next) {
  if (status === next) return;
  status = next;
  emit("state", next);
}

/** "connecting" | "connected" | "reconnecting" | "disconnected" | "stopped" (signed out) */
export function state() {
  return status;
}

/** The figures on screen may be old: the link is down after having been up, or never came up. */
export function isStale() {
  return status === "reconnecting" || status === "disconnected";
}

/**
 * Whether scorecard `incoming` may replace `shown`: not of an older version (the unit's log position),
 * and at the same version not evaluated earlier. A fetch answered after a push (asked before it, e.g.
 * on reconnecting) carries older figures and must not overwrite it.
 */
export function isNotOlder(incoming, shown) {
  if (!incoming || !shown) return !shown;
  const a = incoming.version ?? 0, b = shown.version ?? 0;
  if (a !== b) return a > b;
  return Date.parse(incoming.evaluatedAt) >= Date.parse(shown.evaluatedAt);
}

/**
 * Whether push `s` shows that this page missed one: pushes are throttled, so versions skip, but each
 * carries the version of its publisher's previous push; a previous push newer than anything this page
 * saw for the unit never arrived. Remembers the version seen.
 */
function missedBefore(s) {
  const seen = seenVersions.get(s.unitCode);
  const version = s.version ?? 0;
  seenVersions.set(s.unitCode, Math.max(seen ?? 0, version));
  return seen !== undefined && typeof s.previousVersion === "number" && s.previousVersion > seen;
}

/** on("scorecard" | "hourly" | "state" | "resumed", fn) → a function that stops listening. "resumed": fetch again, updates may have been missed. */
export function on(kind, fn) {
  listeners[kind].add(fn);
  return () => listeners[kind].delete(fn);
}

export function onUnauthorized(fn) {
  unauthorized = fn;
}

/** The units the screen shows; others are unsubscribed. */
export function watch(codes) {
  watched.clear();
  for (const code of codes) watched.add(code);
  sync();
}

async function sync() {
  if (!connection || connection.state !== signalR.HubConnectionState.Connected) return;
  for (const code of [...subscribed]) {
    if (!watched.has(code)) {
      subscribed.delete(code);
      connection.invoke("Unsubscribe", code).catch(() => {});
    }
  }
  for (const code of watched) {
    if (subscribed.has(code)) continue;
    subscribed.add(code);
    try {
      await connection.invoke("Subscribe", code);
    } catch (e) {
      subscribed.delete(code);
      console.warn("Subscribe", code, e);
    }
  }
}

async function begin() {
  clearTimeout(retryTimer);
  if (!connection || connection.state !== signalR.HubConnectionState.Disconnected) return;
  setStatus(everConnected ? "reconnecting" : "connecting");
  try {
    await connection.start();
    retries = 0;
    subscribed.clear();
    setStatus("connected");
    await sync();
    if (everConnected) emit("resumed");
    everConnected = true;
  } catch (e) {
    if (e && e.statusCode === 401) unauthorized();
    setStatus("disconnected");
    retryTimer = setTimeout(begin, delay(retries++));
  }
}

/** Opens the link (once). Without the SignalR script (offline first visit) the page says it is not live. */
export function start() {
  if (connection) return;
  if (typeof signalR === "undefined") {
    setStatus("disconnected");
    return;
  }
  const c = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/indicators")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => delay(ctx.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Error)
    .build();
  connection = c;
  c.on("scorecard", s => {
    const missed = missedBefore(s);
    emit("scorecard", s);
    if (missed) emit("resumed");
  });
  c.on("hourly", s => emit("hourly", s));
  c.onreconnecting(() => setStatus("reconnecting"));
  c.onreconnected(async () => {
    subscribed.clear();
    setStatus("connected");
    await sync();
    emit("resumed");
  });
  c.onclose(() => {
    if (connection !== c) return; // stopped on purpose (sign-out)
    // Automatic reconnect gave up, or the server closed: keep trying on our own.
    subscribed.clear();
    setStatus("disconnected");
    retryTimer = setTimeout(begin, delay(retries++));
  });
  begin();
}

/** Stops the link (sign-out). */
export async function stop() {
  clearTimeout(retryTimer);
  const c = connection;
  connection = null;
  subscribed.clear();
  seenVersions.clear();
  setStatus("stopped");
  if (c) await c.stop().catch(() => {});
}

window.addEventListener("online", () => { retries = 0; begin(); });
