// GovPulse service worker: the page shell opens offline, and so do the last figures seen. Both are
// fetched from the network first (so the page is current whenever it can be) and kept; when the
// network fails, the kept copy is answered with X-GovPulse-Offline-Copy: <time it was stored>, and
// the page says "Bản lưu ngoại tuyến lúc …". It also shows the pushed notifications (Web Push) and
// opens the view a tapped one names.
const SHELL = "govpulse-shell-v1";
const DATA = "govpulse-data-v1";
const STORED_AT = "X-GovPulse-Stored-At";
const OFFLINE_COPY = "X-GovPulse-Offline-Copy";
const MAX_DATA_ENTRIES = 120;
const NETWORK_TIMEOUT_MS = 6000;
const SHELL_FILES = [
  "/", "/app.css", "/app.js", "/i18n.js", "/dom.js", "/api.js", "/auth.js", "/live.js", "/router.js",
  "/period.js", "/search.js", "/widgets.js", "/charts.js", "/nodata.js", "/overview.js", "/rankings.js", "/unit.js",
  "/standing.js", "/late.js", "/drilldown.js", "/downloads.js", "/chase-rows.js", "/chase-link.js", "/city-chase.js", "/signin.js", "/notifications.js", "/push-setup.js", "/alert-rules.js", "/lib/signalr.min.js", "/manifest.webmanifest", "/icon.svg", "/icon-192.png", "/icon-512.png",
];

self.addEventListener("install", event => {
  event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith("govpulse-") && k !== SHELL && k !== DATA).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", event => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Live link, sign-in and operations are never served from a copy.
  // The push keys and subscriptions are this device's live state, never a copy.
  if (url.pathname.startsWith("/hubs/") || url.pathname.startsWith("/api/v1/account/") || url.pathname.startsWith("/api/v1/admin")
      || url.pathname.startsWith("/api/v1/push/")
      || url.pathname.startsWith("/admin/") || url.pathname.startsWith("/health") || url.pathname === "/metrics") return;
  // Files (exports, an explained number's CSV / Excel) go straight to the server: never kept, never a stale copy.
  if (url.pathname.startsWith("/api/v1/exports/") || (url.searchParams.has("format") && url.searchParams.get("format") !== "json")) return;
  if (url.pathname.startsWith("/api/")) {
    event.respondWith(networkFirst(request, DATA));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, SHELL, "/"));
  } else {
    event.respondWith(networkFirst(request, SHELL));
  }
});

async function networkFirst(request, cacheName, fallbackPath) {
  const cache = await caches.open(cacheName);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok) {
      const key = fallbackPath && cacheName === SHELL ? fallbackPath : request;
      await cache.put(key, await stamped(response.clone()));
      if (cacheName === DATA) trim(cache);
    }
    return response;
  } catch {
    const kept = (await cache.match(request)) || (fallbackPath && (await cache.match(fallbackPath)));
    if (kept) return offlineCopy(kept);
    return new Response(JSON.stringify({ title: "Offline", status: 503, detail: "offline and no stored copy" }), {
      status: 503, headers: { "Content-Type": "application/problem+json" },
    });
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(r => { clearTimeout(timer); resolve(r); }, e => { clearTimeout(timer); reject(e); });
  });
}

async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(STORED_AT, new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

async function offlineCopy(response) {
  const headers = new Headers(response.headers);
  headers.set(OFFLINE_COPY, response.headers.get(STORED_AT) || new Date(0).toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

async function trim(cache) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_DATA_ENTRIES))) await cache.delete(key);
}

// A push: { id, kind, title, body, url, tag, lang, createdAt, unit } (docs/notifications.md), already in
// the subscription's language. A newer notice with the same tag replaces an unread older one; an alert
// replacing another rings again (renotify), an hourly summary replaces its predecessor quietly.
const ALERT_KINDS = new Set(["alertStarted", "alertCleared"]);

self.addEventListener("push", event => {
  event.waitUntil(showNotice(readNotice(event.data)));
});

function readNotice(data) {
  if (!data) return {};
  try {
    const notice = data.json();
    return notice && typeof notice === "object" ? notice : {};
  } catch {
    return { body: data.text() };
  }
}

function showNotice(notice) {
  const tag = typeof notice.tag === "string" && notice.tag ? notice.tag : `govpulse-${notice.kind || "notice"}`;
  const at = Date.parse(notice.createdAt);
  return self.registration.showNotification(typeof notice.title === "string" && notice.title ? notice.title : "GovPulse", {
    body: typeof notice.body === "string" ? notice.body : "",
    tag,
    renotify: ALERT_KINDS.has(notice.kind),
    icon: "/icon-192.png",
    badge: "/icon-192.png",
    lang: notice.lang === "en" ? "en" : "vi",
    timestamp: Number.isNaN(at) ? Date.now() : at,
    data: { url: viewUrl(notice.url), kind: notice.kind || null, id: notice.id || null, unit: notice.unit || null },
  });
}

/** The dashboard view a notice names, on this origin only; anything else opens the overview. */
function viewUrl(url) {
  try {
    const target = new URL(typeof url === "string" && url ? url : "/", self.location.origin);
    return target.origin === self.location.origin ? target.pathname + target.search + target.hash : "/";
  } catch {
    return "/";
  }
}

// A tap: an open dashboard window shows the view (the page moves to the hash itself, so the live link
// stays) and comes to the front; with none open, a new window opens on the view.
self.addEventListener("notificationclick", event => {
  event.notification.close();
  const opened = openView(viewUrl(event.notification.data?.url));
  event.waitUntil(opened);
});

async function openView(path) {
  const target = new URL(path, self.location.origin);
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find(c => new URL(c.url).origin === self.location.origin && new URL(c.url).pathname === target.pathname);
  if (!open) {
    await self.clients.openWindow(target.href);
    return;
  }
  open.postMessage({ type: "govpulse.open", hash: target.hash || "#/" });
  try {
    await open.focus();
  } catch {
    // focusing needs the tap's activation; the view is already shown
  }
}
