// "Nhận thông báo trên điện thoại": subscribes this browser to Web Push for the signed-in person.
//   GET /api/v1/push/public-key → { publicKey }       (read when the card opens: no prompt on load)
//   POST /api/v1/push/subscriptions { endpoint, expirationTime, keys, schedule, quietHours, language } → 201 { id }
//   GET /api/v1/push/subscriptions → [{ id, endpoint, schedule, quietHours: { from, to }, language, createdAt }]
//   DELETE /api/v1/push/subscriptions/{id} → 204          POST /api/v1/push/test → { sent, removed, failed }
// The browser asks for permission only inside the tap's handler, before anything else is awaited:
// Safari grants a prompt only while the tap's activation lasts.
import { getJson, postJson, problemDetail } from "./api.js";
import { antiforgery, me } from "./auth.js";
import { h } from "./dom.js";
import { date, lang, t } from "./i18n.js";

const SCHEDULES = ["hourly", "daily", "alerts"];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const READY_TIMEOUT_MS = 10000;

/** iPhone and iPad; an iPad asking for the desktop site says "Macintosh" but has a touch screen. */
export function isAppleMobile(nav = navigator) {
  return /iPad|iPhone|iPod/.test(nav.userAgent) || (nav.platform === "MacIntel" && nav.maxTouchPoints > 1);
}

/** Opened from the Home Screen (an installed web app), where iOS delivers pushes. */
export function isInstalled(nav = navigator) {
  return nav.standalone === true || window.matchMedia?.("(display-mode: standalone)").matches === true;
}

/** "supported" | "ios-install" (add to the Home Screen first) | "ios-old" | "unsupported". */
export function pushSupport(nav = navigator) {
  const apis = "serviceWorker" in nav && "PushManager" in window && "Notification" in window;
  if (isAppleMobile(nav)) {
    if (!isInstalled(nav)) return "ios-install";
    return apis ? "supported" : "ios-old";
  }
  return apis ? "supported" : "unsupported";
}

/** The VAPID key as the browser takes it: base64url → bytes. */
function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4);
  return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}

function sameKey(buffer, bytes) {
  if (!buffer) return false;
  const a = new Uint8Array(buffer);
  return a.length === bytes.length && a.every((v, i) => v === bytes[i]);
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))]);
}

async function send(method, path, body) {
  const headers = await antiforgery();
  if (method === "POST") return postJson(path, body, headers);
  return fetch(path, { method, credentials: "same-origin", headers: { Accept: "application/json", ...headers } });
}

async function reason(response) {
  return (await problemDetail(response)) || `HTTP ${response.status}`;
}

export function pushCard({ signal }) {
  const status = h("p", { class: "notify-status", role: "status", dataset: { testid: "push-status" } });
  const body = h("div", { class: "notify-body" });
  const card = h("section", { class: "card", "aria-labelledby": "nt-push", dataset: { testid: "push-card" } },
    h("h2", { id: "nt-push" }, t("notify.phoneTitle")),
    h("p", { class: "muted small" }, t("notify.phoneIntro")),
    body, status);
  const say = (text, kind = "info") => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  if (!me()) {
    body.append(h("p", { dataset: { testid: "push-signin" } }, t("notify.signIn")));
    return card;
  }

  const support = pushSupport();
  if (support === "ios-install") {
    body.append(h("div", { class: "notify-help", dataset: { testid: "push-ios-help" } },
      h("p", null, t("notify.ios")),
      h("ol", null, ["notify.iosStep1", "notify.iosStep2", "notify.iosStep3", "notify.iosStep4"].map(k => h("li", null, t(k))))));
  } else if (support === "ios-old" || support === "unsupported") {
    body.append(h("p", { dataset: { testid: "push-unsupported" } }, t(support === "ios-old" ? "notify.iosOld" : "notify.unsupported")));
  }

  const devices = h("ul", { class: "notify-list", dataset: { testid: "push-subscriptions" } });
  const testResult = h("p", { class: "notify-result", role: "status", dataset: { testid: "push-test-result" } });
  const testButton = h("button", { type: "button", class: "button", dataset: { testid: "push-test" } }, t("notify.test"));
  const devicesArea = h("div", { class: "notify-devices" },
    h("h3", null, t("notify.devices")), devices, h("p", { class: "notify-actions" }, testButton), testResult);

  async function loadDevices() {
    try {
      const list = await getJson("/api/v1/push/subscriptions", { signal });
      devices.replaceChildren(...(list.length === 0
        ? [h("li", { class: "muted", dataset: { testid: "push-no-devices" } }, t("notify.noDevices"))]
        : list.map(deviceRow)));
      testButton.disabled = list.length === 0;
    } catch (e) {
      if (signal.aborted) return;
      devices.replaceChildren(h("li", { class: "muted" }, e.status === 404 ? t("notify.noServer") : t("notify.listFailed")));
      testButton.disabled = true;
    }
  }

  function deviceRow(d) {
    const quiet = d.quietHours ? t("notify.quietLine", { from: d.quietHours.from, to: d.quietHours.to }) : "";
    const text = t("notify.device", {
      endpoint: d.endpoint, schedule: t("notify.schedule." + d.schedule), quiet,
      language: t("notify.language." + (d.language === "en" ? "en" : "vi")), date: d.createdAt ? date(d.createdAt) : "—",
    });
    const remove = h("button", { type: "button", class: "button ghost", "aria-label": t("notify.removeLabel", { endpoint: d.endpoint }), dataset: { testid: "push-remove" } }, t("notify.remove"));
    remove.addEventListener("click", async () => {
      remove.disabled = true;
      const response = await send("DELETE", `/api/v1/push/subscriptions/${encodeURIComponent(d.id)}`).catch(() => null);
      if (!response || (!response.ok && response.status !== 404)) {
        remove.disabled = false;
        say(t("notify.saveFailed", { reason: response ? await reason(response) : "—" }), "error");
      }
      await loadDevices();
    });
    return h("li", { dataset: { testid: "push-subscription", id: d.id } }, h("span", null, text), remove);
  }

  testButton.addEventListener("click", async () => {
    testButton.disabled = true;
    testResult.textContent = t("notify.testing");
    try {
      const response = await send("POST", "/api/v1/push/test");
      if (!response.ok) throw new Error(await reason(response));
      const r = await response.json();
      testResult.textContent = t("notify.testResult", { sent: r.sent ?? 0, removed: r.removed ?? 0, failed: r.failed ?? 0 });
      if (r.removed > 0) await loadDevices();
    } catch (e) {
      testResult.textContent = t("notify.testFailed", { reason: e.message });
    } finally {
      testButton.disabled = false;
    }
  });

  if (support !== "supported") {
    card.append(devicesArea);
    loadDevices();
    return card;
  }

  // The form: what to receive, quiet hours, and the button.
  const schedule = h("select", { id: "nt-schedule", dataset: { testid: "push-schedule" } },
    SCHEDULES.map(s => h("option", { value: s }, t("notify.schedule." + s))));
  const timeInput = (id, value, testid) => h("input", {
    id, value, inputmode: "numeric", pattern: "([01][0-9]|2[0-3]):[0-5][0-9]", maxlength: 5, size: 5, autocomplete: "off",
    placeholder: t("notify.quietHint"), dataset: { testid },
  });
  const from = timeInput("nt-quiet-from", "22:00", "push-quiet-from");
  const to = timeInput("nt-quiet-to", "06:30", "push-quiet-to");
  const quietError = h("p", { id: "nt-quiet-error", class: "field-error", role: "alert", hidden: true }, t("notify.quietBad"));
  const subscribe = h("button", { type: "button", class: "button primary", dataset: { testid: "push-subscribe" } }, t("notify.subscribe"));
  const form = h("div", { class: "notify-form", dataset: { testid: "push-form" } },
    h("div", { class: "field" }, h("label", { for: "nt-schedule" }, t("notify.schedule")), schedule),
    h("fieldset", { class: "notify-quiet" }, h("legend", null, t("notify.quiet")),
      h("label", { for: "nt-quiet-from" }, t("notify.quietFrom")), from,
      h("label", { for: "nt-quiet-to" }, t("notify.quietTo")), to, quietError),
    h("p", { class: "notify-actions" }, subscribe));
  body.append(form);
  card.append(devicesArea);

  let publicKey = null;
  let keyFailed = false;
  const keyRead = getJson("/api/v1/push/public-key", { signal }).then(k => { publicKey = k.publicKey; }).catch(e => {
    if (signal.aborted) return;
    keyFailed = true;
    subscribe.disabled = true;
    if (Notification.permission === "denied") return; // the block is what the person can act on
    say(e.status === 404 ? t("notify.noServer") : t("notify.pushFailed", { reason: e.message }), "error");
  });
  if (Notification.permission === "denied") {
    subscribe.disabled = true;
    say(t("notify.denied"), "error");
  }

  subscribe.addEventListener("click", async () => {
    const okTimes = TIME.test(from.value) && TIME.test(to.value);
    quietError.hidden = okTimes;
    for (const input of [from, to]) input.toggleAttribute("aria-invalid", !TIME.test(input.value));
    if (!okTimes) return;
    // First thing in the tap's handler, so the prompt belongs to the tap.
    const asked = Notification.requestPermission();
    subscribe.disabled = true;
    say(Notification.permission === "granted" ? t("notify.busy") : t("notify.asking"));
    try {
      const permission = await asked;
      if (permission !== "granted") {
        say(t(permission === "denied" ? "notify.denied" : "notify.dismissed"), "error");
        return;
      }
      say(t("notify.busy"));
      await keyRead;
      if (!publicKey) return; // already said why
      const key = keyBytes(publicKey);
      let subscription;
      try {
        const registration = await withTimeout(navigator.serviceWorker.ready, READY_TIMEOUT_MS);
        subscription = await registration.pushManager.getSubscription();
        // The server's keys were rotated: a subscription made for the old key would never be delivered.
        if (subscription && !sameKey(subscription.options?.applicationServerKey, key)) {
          await subscription.unsubscribe();
          subscription = null;
        }
        subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      } catch (e) {
        say(t("notify.pushFailed", { reason: e?.message || String(e) }), "error");
        return;
      }
      const response = await send("POST", "/api/v1/push/subscriptions", {
        ...subscription.toJSON(),
        schedule: schedule.value,
        quietHours: { from: from.value, to: to.value },
        language: lang(),
      });
      if (!response.ok) {
        say(response.status === 404 ? t("notify.noServer") : t("notify.saveFailed", { reason: await reason(response) }), "error");
        return;
      }
      say(t("notify.done"), "done");
      subscribe.textContent = t("notify.resubscribe");
      await loadDevices();
    } catch (e) {
      say(t("notify.saveFailed", { reason: e?.message || String(e) }), "error");
    } finally {
      subscribe.disabled = Notification.permission === "denied" || keyFailed;
    }
  });

  loadDevices();
  return card;
}
