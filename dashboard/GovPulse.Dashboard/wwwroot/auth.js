// Sign-in against the account API (cookie sign-in on the server):
//   GET /api/v1/account/me → 200 { username, displayName, role, unitCode } | 401 (signed out) | 404 (sign-in not enabled)
//   GET /api/v1/account/antiforgery → { token, headerName }
//   POST /api/v1/account/login { username, password } → 200 (as /me) | 401 { detail } | 423 { detail }
//   POST /api/v1/account/logout → 204
import { postJson, problemDetail } from "./api.js";

const ACCOUNT = "/api/v1/account";
let user = null;
let enabled = false;

/** The signed-in person, or null (not signed in, or sign-in not enabled). */
export function me() {
  return user;
}

export function signInEnabled() {
  return enabled;
}

/** "disabled" (no sign-in on this server: open dashboard) | "signedIn" | "signedOut". */
export async function check() {
  let response;
  try {
    response = await fetch(`${ACCOUNT}/me`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  } catch {
    // Offline and nothing stored: show what the service worker has.
    return user ? "signedIn" : "disabled";
  }
  if (response.status === 404) {
    enabled = false;
    user = null;
    return "disabled";
  }
  if (response.status === 401 || response.status === 403) {
    enabled = true;
    user = null;
    return "signedOut";
  }
  if (response.ok) {
    enabled = true;
    user = await response.json();
    return "signedIn";
  }
  return "disabled";
}

/** The anti-forgery header every state-changing request of a signed-in person carries: { [headerName]: token }. */
export async function antiforgery() {
  const response = await fetch(`${ACCOUNT}/antiforgery`, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" });
  if (!response.ok) return {};
  const { token, headerName } = await response.json();
  return token && headerName ? { [headerName]: token } : {};
}

/** { ok: true } or { ok: false, reason: "wrong" | "locked" | "failed", detail }. */
export async function login(username, password) {
  try {
    const response = await postJson(`${ACCOUNT}/login`, { username, password }, await antiforgery());
    if (response.ok) {
      enabled = true;
      user = await response.json();
      return { ok: true };
    }
    const detail = await problemDetail(response);
    if (response.status === 401) return { ok: false, reason: "wrong", detail };
    if (response.status === 423) return { ok: false, reason: "locked", detail };
    return { ok: false, reason: "failed", detail };
  } catch {
    return { ok: false, reason: "failed" };
  }
}

export async function logout() {
  try {
    await postJson(`${ACCOUNT}/logout`, undefined, await antiforgery());
  } finally {
    user = null;
    // A shared phone must not keep the last person's figures.
    if ("caches" in window) await caches.delete("govpulse-data-v1").catch(() => {});
  }
}

/** A department head: every unit's figures and the rankings, their own unit's dossiers only; their unit is where they start. */
export function isDepartmentHead() {
  return user?.role === "departmentHead" && !!user.unitCode;
}

/** Whether the signed-in person may read a unit's dossiers (the server decides in the end). */
export function canReadDossiers(code) {
  return !isDepartmentHead() || code === user.unitCode;
}

/** Whether the signed-in person may open a screen (the server decides in the end). */
export function canOpen(route) {
  if (route.name === "chase") return !isDepartmentHead(); // every unit's dossiers
  return route.name !== "late" || canReadDossiers(route.code);
}

/** Where a person starts. */
export function home() {
  return isDepartmentHead() ? `#/units/${encodeURIComponent(user.unitCode)}` : "#/";
}
