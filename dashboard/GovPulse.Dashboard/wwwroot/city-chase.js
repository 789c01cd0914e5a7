// The city-wide dossiers to chase, for leaders: GET /api/v1/chase?status=&level=&perUnit=&page=&pageSize=
// → { counts: { overdue, dueSoon, inProgress }, units: [{ unitCode, name, kind, counts, dossiers: [row…] }],
//     page, pages, totalUnits, asOf }, units worst first (most dossiers in the status, then the earliest due).
// Route #/chase?show=due-soon|in-progress&level=commune|department&page=2. Department heads get 403
// from the API and are never sent here (auth.canOpen). Also the overview's one-line way in.
import { getJson } from "./api.js";
import { h } from "./dom.js";
import { count, t } from "./i18n.js";
import * as live from "./live.js";
import { href } from "./router.js";
import { dossierList, pageOf, pager, showListError, statusOf, statusTabs } from "./chase-rows.js";
import { loading, updatedMark } from "./widgets.js";

const PATH = "/chase";
const UNITS_PER_PAGE = 10;
const DOSSIERS_PER_UNIT = 3;
const LEVELS = [
  { level: "all", key: "chase.allLevels" },
  { level: "commune", key: "rankings.communes" },
  { level: "department", key: "rankings.departments" },
];
const TITLES = { "overdue": "chase.title", "due-soon": "chase.titleDueSoon", "in-progress": "chase.titleInProgress" };
const COUNT_KEYS = { "overdue": "overdue", "due-soon": "dueSoon", "in-progress": "inProgress" };

export function render({ root, route, signal }) {
  const show = statusOf(route.query);
  const level = LEVELS.some(l => l.level === route.query.get("level")) ? route.query.get("level") : "all";
  const page = pageOf(route.query);
  const keep = { period: route.query.get("period"), level: level === "all" ? null : level };
  const title = h("h1", { id: "chase-title", dataset: { testid: "chase-title" } }, t(TITLES[show]));
  document.title = `${title.textContent} — GovPulse`;
  const tabsSlot = h("div", null, statusTabs(PATH, keep, show, null, t("late.show")));
  const levels = h("div", { class: "tabs", role: "group", "aria-label": t("chase.level") },
    LEVELS.map(l => h("a", {
      href: href(PATH, { ...keep, level: l.level === "all" ? null : l.level, show: show === "overdue" ? null : show }),
      "aria-current": l.level === level ? "page" : false,
      class: "tab",
      dataset: { testid: `chase-level-${l.level}` },
    }, t(l.key))));
  const summary = h("p", { class: "chase-summary", dataset: { testid: "chase-summary" } });
  const updated = updatedMark();
  const area = h("div", null, loading());
  root.replaceChildren(h("section", { class: "card", "aria-labelledby": "chase-title", dataset: { testid: "chase-list", status: show } },
    title, tabsSlot, levels, summary, updated, area));

  const load = async () => {
    try {
      const answer = await getJson(`/api/v1/chase?status=${show}&level=${level}&perUnit=${DOSSIERS_PER_UNIT}&page=${page}&pageSize=${UNITS_PER_PAGE}`, { signal });
      if (signal.aborted) return;
      updated.stamp();
      tabsSlot.replaceChildren(statusTabs(PATH, keep, show, answer.counts, t("late.show")));
      summary.textContent = t(`chase.summary.${show}`, { n: count(answer.counts[COUNT_KEYS[show]]), units: count(answer.totalUnits) });
      const params = { ...keep, show: show === "overdue" ? null : show };
      if (!answer.units.length) {
        area.replaceChildren(h("p", { class: "muted", dataset: { testid: "chase-empty" } },
          answer.totalUnits > 0 ? [t("late.pastEnd"), " ", h("a", { href: href(PATH, params) }, t("late.firstPage"))] : t("chase.none")));
        return;
      }
      area.replaceChildren(
        h("ol", { class: "chase-units", start: String((answer.page - 1) * answer.pageSize + 1) },
          answer.units.map(u => unitItem(u, show, route.query.get("period"), answer.asOf))),
        ...[pager(PATH, params, answer.page ?? page, answer.pages)].filter(Boolean));
    } catch (error) {
      showListError(area, error, signal, load, "chase-unavailable");
    }
  };
  load();

  // The city's pushed scorecard means some unit's dossiers moved: read again, at most every 15 s.
  let timer = 0;
  const stops = [
    live.on("resumed", load),
    live.on("scorecard", s => {
      if (s.unitCode === "79" && !timer) timer = setTimeout(() => { timer = 0; load(); }, 15000);
    }),
  ];
  live.watch(["79"]);
  return () => { stops.forEach(stop => stop()); clearTimeout(timer); };
}

/** One unit: its name, its three counts, its most urgent dossiers and a link to its whole list. */
function unitItem(u, show, period, asOf) {
  const n = u.counts[COUNT_KEYS[show]];
  const id = `chase-unit-${u.unitCode}`;
  return h("li", { class: "chase-unit", "aria-labelledby": id, dataset: { testid: "chase-unit", unitCode: u.unitCode, count: String(n) } },
    h("h2", { id }, h("a", { href: href(`/units/${encodeURIComponent(u.unitCode)}`, { period }) }, u.name)),
    h("p", { class: "sub", dataset: { testid: "chase-unit-counts" } },
      t("chase.unitCounts", { overdue: count(u.counts.overdue), dueSoon: count(u.counts.dueSoon), inProgress: count(u.counts.inProgress) })),
    u.dossiers?.length ? dossierList(u.dossiers, asOf) : null,
    h("p", { class: "more" }, h("a", {
      href: href(`/units/${encodeURIComponent(u.unitCode)}/late`, { period, show: show === "overdue" ? null : show }),
      dataset: { testid: "chase-unit-all" },
    }, t("chase.all", { n: count(n) }))));
}

/**
 * The overview's way in, a line on the city card: "552 hồ sơ quá hạn ở 120 đơn vị — xem". Hidden
 * until the count arrives, and for good when the API refuses (403: not a city-wide reader).
 */
export function overviewLine(signal, period = null) {
  const link = h("a", { href: href(PATH, { period }), dataset: { testid: "chase-entry" } });
  const line = h("p", { class: "more", hidden: true }, link);
  getJson("/api/v1/chase?status=overdue&perUnit=0&pageSize=1", { signal }).then(answer => {
    if (signal.aborted) return;
    link.textContent = answer.counts.overdue > 0
      ? t("chase.overviewLine", { n: count(answer.counts.overdue), units: count(answer.totalUnits) })
      : t("chase.overviewNone");
    if (answer.counts.overdue === 0) link.setAttribute("href", href(PATH, { period, show: "in-progress" }));
    line.hidden = false;
  }).catch(() => { /* 403 or unavailable: no way in is shown */ });
  return line;
}
