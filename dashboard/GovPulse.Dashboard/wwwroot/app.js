// GovPulse dashboard: boots the page, shows the screen the URL names, keeps the live link and the
// stale / offline banners, the language toggle and sign-in.
import * as api from "./api.js";
import * as auth from "./auth.js";
import { h } from "./dom.js";
import * as i18n from "./i18n.js";
import * as live from "./live.js";
import * as overview from "./overview.js";
import * as period from "./period.js";
import * as rankings from "./rankings.js";
import * as router from "./router.js";
import { fold } from "./search.js";
import * as signin from "./signin.js";
import * as unit from "./unit.js";
import * as late from "./late.js";
import * as cityChase from "./city-chase.js";
import * as notifications from "./notifications.js";
import * as drilldown from "./drilldown.js";

const screens = { overview, rankings, unit, late, chase: cityChase, notifications, indicator: drilldown };
const view = document.getElementById("view");
const periodBar = document.getElementById("period-bar");
const stale = document.getElementById("stale");
const offline = document.getElementById("offline");
const nav = document.getElementById("nav");
const langToggle = document.getElementById("lang-toggle");
const account = document.getElementById("account");
const userBox = document.getElementById("user");
const signOut = document.getElementById("signout");

let dispose = null;
let controller = null;
let firstScreen = true;
let signInShown = false;

function applyStaticWords() {
  i18n.translate(document);
  langToggle.textContent = i18n.t("lang.toggle");
  langToggle.lang = i18n.lang() === "vi" ? "en" : "vi";
  langToggle.setAttribute("aria-label", i18n.t("lang.toggleLabel"));
  showStale();
  showOffline(api.offlineSince());
  showUser();
}

function showStale() {
  // Before the first connection the page is not "stale" yet: it is still connecting.
  stale.hidden = !live.isStale() && navigator.onLine !== false;
  stale.textContent = i18n.t("live.stale");
  document.body.classList.toggle("is-stale", !stale.hidden);
}

function showOffline(since) {
  offline.hidden = !since;
  if (since) {
    offline.textContent = i18n.t("live.offline", { time: i18n.dateTime(since) });
    offline.dataset.storedAt = since.toISOString();
  }
}

function showUser() {
  const me = auth.me();
  account.hidden = !me;
  userBox.textContent = me ? userLine(me) : "";
  // Every signed-in role reads the overview and the rankings; nobody signed out sees them.
  nav.hidden = router.parse().name === "signin";
}

/** "Nguyễn Văn An · Lãnh đạo"; just the name when it already says the role ("Lãnh đạo Thành phố"). */
function userLine(me) {
  const name = me.displayName || me.username;
  const role = i18n.roleName(me.role);
  return fold(name).includes(fold(role)) ? name : `${name} · ${role}`;
}

function markNav(route) {
  for (const link of nav.querySelectorAll("a")) {
    const current = link.dataset.route === route.name && ["overview", "rankings", "notifications"].includes(route.name);
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function showSignIn() {
  if (signInShown || router.parse().name === "signin") return;
  const route = router.parse();
  const next = route.name === "signin" ? route.query.get("next") : location.hash;
  router.go(router.href("/signin", { next: next && next !== "#/signin" ? next : undefined }));
}

async function show() {
  const route = router.parse();
  dispose?.();
  dispose = null;
  controller?.abort();
  controller = new AbortController();
  api.resetFreshness();
  markNav(route);
  showUser();

  if (route.name === "signin") {
    signInShown = true;
    periodBar.replaceChildren();
    periodBar.hidden = true;
    live.watch([]);
    dispose = signin.render({
      root: view,
      onSignedIn: () => {
        signInShown = false;
        showUser();
        live.stop().then(() => live.start());
        const next = route.query.get("next");
        router.go(next && !auth.isDepartmentHead() ? next : auth.home());
      },
    });
    document.title = `${i18n.t("signin.title")} — GovPulse`;
    return;
  }
  signInShown = false;

  if (!auth.canOpen(route)) {
    router.go(auth.home());
    return;
  }

  const screen = screens[route.name];
  if (!screen) {
    periodBar.hidden = true;
    view.replaceChildren(h("section", { class: "card" }, h("h1", null, i18n.t("app.notFound")), h("p", null, h("a", { href: auth.home() }, i18n.t("app.home")))));
    return;
  }

  const chosen = period.fromQuery(route.query);
  periodBar.hidden = route.name === "late" || route.name === "chase" || route.name === "notifications"; // open dossiers now, settings: no period
  periodBar.replaceChildren(period.picker(chosen, label => {
    router.go(router.href(pathOf(route), { ...Object.fromEntries(route.query), period: label }));
  }));
  document.title = `${route.name === "rankings" ? i18n.t("rankings.title") : route.name === "overview" ? i18n.t("city.name") : route.name === "notifications" ? i18n.t("notify.title") : "…"} — GovPulse`;
  dispose = screen.render({ root: view, route, query: route.query, period: chosen, signal: controller.signal });

  if (!firstScreen) {
    // Move focus to the new screen's heading for keyboard and screen-reader users.
    const heading = view.querySelector("h1");
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
    window.scrollTo(0, 0);
  }
  firstScreen = false;
}

function pathOf(route) {
  switch (route.name) {
    case "rankings": return "/rankings";
    case "unit": return `/units/${encodeURIComponent(route.code)}`;
    case "late": return `/units/${encodeURIComponent(route.code)}/late`;
    case "indicator": return `/units/${encodeURIComponent(route.code)}/indicators/${encodeURIComponent(route.indicator)}`;
    case "chase": return "/chase";
    case "notifications": return "/notifications";
    default: return "/";
  }
}

async function boot() {
  applyStaticWords();
  i18n.onLangChange(() => { applyStaticWords(); show(); });
  langToggle.addEventListener("click", () => i18n.setLang(i18n.lang() === "vi" ? "en" : "vi"));
  signOut.addEventListener("click", async () => {
    await live.stop(); // first: signing out closes the session's live connection on the server anyway
    await auth.logout();
    showUser();
    router.go(router.href("/signin"));
  });
  api.onUnauthorized(showSignIn);
  api.onOfflineChange(showOffline);
  live.onUnauthorized(showSignIn);
  live.on("state", showStale);
  window.addEventListener("online", showStale);
  window.addEventListener("offline", showStale);

  const status = await auth.check();
  showUser();
  router.onChange(show);
  if (status === "signedOut" && router.parse().name !== "signin") {
    showSignIn(); // the hash change shows the sign-in screen
  } else {
    if (status !== "signedOut") live.start();
    show();
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(e => console.warn("service worker", e));
    // A tapped notification: the service worker asks this open page to show the notice's view.
    navigator.serviceWorker.addEventListener("message", e => {
      if (e.data?.type === "govpulse.open" && typeof e.data.hash === "string" && e.data.hash.startsWith("#/")) router.go(e.data.hash);
    });
    navigator.serviceWorker.startMessages();
  }
}

boot();
