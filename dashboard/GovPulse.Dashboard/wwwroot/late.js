// A unit's dossiers to chase: GET /api/v1/units/{code}/chase?status=overdue|due-soon|in-progress&page=N&pageSize=50
// → { counts: { overdue, dueSoon, inProgress }, page, pages, total, asOf, dossiers: [row…] } (rows: chase-rows.js).
// Route #/units/{code}/late?show=due-soon|in-progress&page=2: three tabs titled by what they list,
// each with its count (the same answer's counts, so a tab's count is what it lists), 50 a page.
import { getJson } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import * as live from "./live.js";
import { href } from "./router.js";
import { dossierList, pageOf, pager, showListError, statusOf, statusTabs } from "./chase-rows.js";
import { units } from "./unit.js";
import { loading, updatedMark } from "./widgets.js";

export const PAGE_SIZE = 50;

const TITLES = { "overdue": "late.title", "due-soon": "late.titleDueSoon", "in-progress": "late.titleInProgress" };
const NONE = { "overdue": "late.none", "due-soon": "late.noneDueSoon", "in-progress": "late.noneInProgress" };

export function render({ root, route, signal }) {
  const code = route.code;
  const show = statusOf(route.query);
  const page = pageOf(route.query);
  const path = `/units/${encodeURIComponent(code)}/late`;
  const keep = { period: route.query.get("period") };
  let unitName = "";
  const title = h("h1", { id: "late-title", dataset: { testid: "late-title" } }, t(TITLES[show]));
  const setTitle = () => {
    title.textContent = unitName ? `${t(TITLES[show])} — ${unitName}` : t(TITLES[show]);
    document.title = `${title.textContent} — GovPulse`;
  };
  setTitle();
  const tabsSlot = h("div", null, statusTabs(path, keep, show, null, t("late.show")));
  const updated = updatedMark();
  const area = h("div", { class: "table-area" }, loading());
  root.replaceChildren(h("section", { class: "card", "aria-labelledby": "late-title", dataset: { testid: "late-list", status: show } },
    h("nav", { class: "crumbs", "aria-label": t("nav.label") },
      h("a", { href: href(`/units/${encodeURIComponent(code)}`, keep) }, "← " + t("late.back"))),
    title, tabsSlot, updated, area));

  units(signal).then(all => {
    const unit = all.find(u => u.code === code);
    if (unit && !signal.aborted) { unitName = unit.name; setTitle(); }
  }).catch(() => {});

  const load = async () => {
    try {
      const answer = await getJson(`/api/v1/units/${encodeURIComponent(code)}/chase?status=${show}&page=${page}&pageSize=${PAGE_SIZE}`, { signal });
      if (signal.aborted) return;
      updated.stamp();
      if (!unitName && answer.name) { unitName = answer.name; setTitle(); }
      tabsSlot.replaceChildren(statusTabs(path, keep, show, answer.counts, t("late.show")));
      const rows = Array.isArray(answer.dossiers) ? answer.dossiers : [];
      const params = { ...keep, show: show === "overdue" ? null : show };
      if (rows.length === 0) {
        area.replaceChildren(answer.total > 0
          // A page past the end (the list shrank since the link was made): say so, offer page 1.
          ? h("p", { class: "muted", dataset: { testid: "late-empty" } }, t("late.pastEnd"), " ", h("a", { href: href(path, params) }, t("late.firstPage")))
          : h("p", { class: "muted", dataset: { testid: "late-empty" } }, t(NONE[show])));
        return;
      }
      area.replaceChildren(...[dossierList(rows, answer.asOf), pager(path, params, answer.page ?? page, answer.pages)].filter(Boolean));
    } catch (error) {
      showListError(area, error, signal, load, "late-unavailable");
    }
  };
  load();

  // A pushed scorecard of this unit means its dossiers moved: read the list again, at most every 10 s.
  let timer = 0;
  const stops = [
    live.on("resumed", load),
    live.on("scorecard", s => {
      if (s.unitCode === code && !timer) timer = setTimeout(() => { timer = 0; load(); }, 10000);
    }),
  ];
  live.watch([code]);
  return () => { stops.forEach(stop => stop()); clearTimeout(timer); };
}
