// A unit's dossiers to chase: GET /api/v1/units/{code}/dossiers?status=overdue|due-soon →
// [{ dossierId, procedureCode, procedureName, channel, receivedAt, dueAt, status: "overdue"|"onTime",
//    workingDaysLate, workingDaysLeft, supplementRequests }], most urgent first; X-Total-Count = all of them.
// ?show=due-soon in the route switches to the dossiers due within 2 working days.
import { ApiError, getJson } from "./api.js";
import { h } from "./dom.js";
import { count, date, t } from "./i18n.js";
import * as live from "./live.js";
import { href } from "./router.js";
import { units } from "./unit.js";
import { failure, loading, updatedMark } from "./widgets.js";

export function render({ root, route, signal }) {
  const code = route.code;
  const show = route.query.get("show") === "due-soon" ? "due-soon" : "overdue";
  const title = h("h1", { id: "late-title" }, t("late.title"));
  const updated = updatedMark();
  const area = h("div", { class: "table-area" }, loading());
  root.replaceChildren(h("section", { class: "card", "aria-labelledby": "late-title", dataset: { testid: "late-list" } },
    h("nav", { class: "crumbs", "aria-label": t("nav.label") },
      h("a", { href: href(`/units/${encodeURIComponent(code)}`, { period: route.query.get("period") }) }, "← " + t("late.back"))),
    title,
    h("div", { class: "tabs", role: "group", "aria-label": t("late.show") },
      ["overdue", "due-soon"].map(kind => h("a", {
        href: href(`/units/${encodeURIComponent(code)}/late`, { period: route.query.get("period"), show: kind === "overdue" ? null : kind }),
        "aria-current": kind === show ? "page" : false,
        class: "tab",
        dataset: { testid: `late-show-${kind}` },
      }, t(kind === "overdue" ? "late.overdueTab" : "late.dueSoonTab")))),
    updated, area));

  units(signal).then(all => {
    const unit = all.find(u => u.code === code);
    if (unit && !signal.aborted) title.textContent = `${t("late.title")} — ${unit.name}`;
  }).catch(() => {});

  const load = async () => {
    try {
      const list = await getJson(`/api/v1/units/${encodeURIComponent(code)}/dossiers?status=${show}`, { signal });
      if (signal.aborted) return;
      updated.stamp();
      if (!Array.isArray(list) || list.length === 0) {
        area.replaceChildren(h("p", { class: "muted", dataset: { testid: "late-empty" } }, t(show === "overdue" ? "late.none" : "late.noneDueSoon")));
        return;
      }
      area.replaceChildren(h("table", { class: "dossiers" },
        h("caption", { class: "vh" }, title.textContent),
        h("thead", null, h("tr", null,
          h("th", { scope: "col" }, t("late.dossier")),
          h("th", { scope: "col" }, t("late.dates")),
          h("th", { scope: "col" }, t("late.status")))),
        h("tbody", null, list.map(d => {
          const daysLate = d.workingDaysLate;
          const daysLeft = d.workingDaysLeft;
          return h("tr", { dataset: { testid: "late-row", dossierId: d.dossierId } },
            h("th", { scope: "row" }, d.dossierId,
              h("span", { class: "sub" }, d.procedureName || d.procedureCode || ""),
              d.procedureName && d.procedureCode ? h("span", { class: "sub" }, d.procedureCode) : null),
            h("td", null,
              h("span", { class: "sub" }, t("late.received", { date: date(d.receivedAt) })),
              h("span", { class: "sub" }, t("late.due", { date: date(d.dueAt) })),
              d.supplementRequests > 0 ? h("span", { class: "sub" }, t("late.supplements", { n: count(d.supplementRequests) })) : null),
            h("td", null,
              h("span", null, d.status === "overdue" ? t("late.overdue") : t("late.onTime")),
              // Due earlier today: "late by 0 working days" reads oddly, so say it fell due today.
              daysLate != null ? h("span", { class: "sub late-days" }, daysLate === 0 ? t("late.lateToday") : t("late.daysLate", { n: count(daysLate) })) : null,
              daysLeft != null ? h("span", { class: "sub" }, t("late.daysLeft", { n: count(daysLeft) })) : null));
        }))));
    } catch (error) {
      if (signal.aborted || error.status === 401) return;
      // 404 (an older server without the list) or 403 (not this person's unit): say so plainly.
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
        area.replaceChildren(h("p", { class: "notice", role: "status", dataset: { testid: "late-unavailable" } }, t("late.unavailable")));
        return;
      }
      area.replaceChildren(failure(error, load));
    }
  };
  load();
  const stops = [live.on("resumed", load)];
  live.watch([]);
  return () => stops.forEach(stop => stop());
}
