// GovPulse service worker: the page shell opens offline, and so do the last figures seen. Both are
// fetched from the network first (so the page is current whenever it can be) and kept; when the
// network fails, the kept copy is answered with X-GovPulse-Offline-Copy: <time it was stored>, and
// the page says "Bản lưu ngoại tuyến lúc …".
const SHELL = "govpulse-shell-v1";
const DATA = "govpulse-data-v1";
const STORED_AT = "X-GovPulse-Stored-At";
const OFFLINE_COPY = "X-GovPulse-Offline-Copy";
const MAX_DATA_ENTRIES = 120;
const NETWORK_TIMEOUT_MS = 6000;
const SHELL_FILES = [
  "/", "/app.css", "/app.js", "/i18n.js", "/dom.js", "/api.js", "/auth.js", "/live.js", "/router.js",
  "/period.js", "/search.js", "/widgets.js", "/charts.js", "/nodata.js", "/overview.js", "/rankings.js", "/unit.js",
  "/standing.js", "/late.js", "/chase-rows.js", "/chase-link.js", "/city-chase.js", "/signin.js", "/lib/signalr.min.js", "/manifest.webmanifest", "/icon.svg", "/icon-192.png", "/icon-512.png",
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
  if (url.pathname.startsWith("/hubs/") || url.pathname.startsWith("/api/v1/account/") || url.pathname.startsWith("/api/v1/admin")
      || url.pathname.startsWith("/admin/") || url.pathname.startsWith("/health") || url.pathname === "/metrics") return;
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
