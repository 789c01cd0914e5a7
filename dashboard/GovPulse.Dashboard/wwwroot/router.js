// Hash routes, so a URL names the screen and the period and works offline and when shared:
//   #/                       city overview          #/rankings?level=department&band=good&q=tan+dinh
//   #/units/26737            unit detail            #/units/26737/late   its late dossiers
//   #/units/26737/indicators/ON_TIME_PROCESSING     an indicator's figures down to its dossiers
//   #/chase?show=due-soon&level=commune&page=2       the city-wide dossiers to chase
//   #/signin?next=…          sign-in                #/notifications   phone notifications and alerts
// Every screen takes ?period=2026-11 | 2026-Q4 | 2026 | 2026-11-01..2026-11-15 (default: this month).

export function parse(hash = location.hash) {
  const raw = hash.replace(/^#/, "") || "/";
  const [pathPart, queryPart = ""] = raw.split("?");
  const query = new URLSearchParams(queryPart);
  const parts = pathPart.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: "overview", query };
  if (parts[0] === "rankings" && parts.length === 1) return { name: "rankings", query };
  if (parts[0] === "signin" && parts.length === 1) return { name: "signin", query };
  if (parts[0] === "chase" && parts.length === 1) return { name: "chase", query };
  if (parts[0] === "notifications" && parts.length === 1) return { name: "notifications", query };
  if (parts[0] === "units" && parts.length === 2) return { name: "unit", code: parts[1], query };
  if (parts[0] === "units" && parts.length === 3 && parts[2] === "late") return { name: "late", code: parts[1], query };
  if (parts[0] === "units" && parts.length === 4 && parts[2] === "indicators") return { name: "indicator", code: parts[1], indicator: parts[3], query };
  return { name: "notfound", query };
}

/** "#/units/26737?period=2026-11": the path and the query values that are set. */
export function href(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return "#" + path + (text ? "?" + text : "");
}

/** Goes to a screen (a new history entry, so Back works). */
export function go(target) {
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = target;
}

/** Changes the URL without a new screen (search typing, sorting), so a reload restores it. */
export function replaceQuery(params) {
  const route = parse();
  const path = (location.hash.replace(/^#/, "") || "/").split("?")[0];
  const query = route.query;
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") query.delete(key);
    else query.set(key, value);
  }
  const text = query.toString();
  history.replaceState(history.state, "", "#" + path + (text ? "?" + text : ""));
}

export function onChange(fn) {
  window.addEventListener("hashchange", fn);
}
