// One indicator of a unit explained down to its dossiers (route #/units/{code}/indicators/{INDICATOR}?period=):
//   GET /api/v1/units/{code}/indicators/{indicator}/dossiers?period=&limit=50[&asOf=][&cursor=]
//   → { unitCode, indicator, period, asOf, numerator, denominator, count, dossiers: [item…], next }
//   item: { dossierId, subject: dossier|petition|procedure, procedureCode, channel, receivedAt, dueAt,
//           finishedAt, inNumerator, inDenominator, value, ruleCode, rule }
// The figures are as known at the answer's asOf; "Xem thêm" follows `next` (the cursor pins that asOf),
// and the CSV / Excel links name the same asOf, so the list on screen, the pages after it and the
// files all count the same dossiers.
import { getJson } from "./api.js";
import { h } from "./dom.js";
import { count, date, indicatorName, lang, shortTime, t, time } from "./i18n.js";
import * as live from "./live.js";
import { runningLabel } from "./period.js";
import { href } from "./router.js";
import { channelName } from "./chase-rows.js";
import { fileLink, fileUrl } from "./downloads.js";
import { units } from "./unit.js";
import { failure, loading } from "./widgets.js";

export const PAGE_SIZE = 50;
const CITY = "79";

/** The dossiers endpoint of a unit's indicator. */
export const explanationPath = (code, indicator) =>
  `/api/v1/units/${encodeURIComponent(code)}/indicators/${encodeURIComponent(indicator)}/dossiers`;

/** The drill-down screen of a unit's indicator, keeping the period (and an asOf, if the link has one). */
export const explanationHref = (code, indicator, period) =>
  href(`/units/${encodeURIComponent(code)}/indicators/${encodeURIComponent(indicator)}`, { period });

/** 03/11/2026 09:15, in Vietnam time. */
const stamp = value => (value ? `${date(value)} ${shortTime(value)}` : null);

/** A figure as it is: a count, or a sum of days with its decimals (up to two). */
function figure(value) {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(lang() === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 }).format(value);
}

function indicatorTitle(code) {
  const name = indicatorName(code);
  return name === "indicator." + code ? code : name;
}

export function render({ root, route, period, signal }) {
  const code = route.code;
  const indicator = route.indicator;
  const keep = { period: route.query.get("period") };
  const pinned = route.query.get("asOf");
  const title = indicatorTitle(indicator);
  let unitName = "";

  const unitLine = h("p", { class: "period-label", dataset: { testid: "explain-unit" } });
  const setUnit = () => {
    unitLine.textContent = `${unitName ? unitName + " · " : ""}${t("period.label")}: ${runningLabel(period)}`;
    document.title = `${title}${unitName ? " — " + unitName : ""} — GovPulse`;
  };
  setUnit();
  const asOfLine = h("p", { class: "explain-as-of", dataset: { testid: "explain-as-of" }, hidden: true });
  const numerator = h("dd", { dataset: { testid: "explain-numerator" } }, "—");
  const denominator = h("dd", { dataset: { testid: "explain-denominator" } }, "—");
  const figures = h("dl", { class: "tiles explain-figures" },
    h("div", { class: "tile" }, h("dt", null, t("explain.numerator")), numerator),
    h("div", { class: "tile" }, h("dt", null, t("explain.denominator")), denominator));
  const files = h("p", { class: "explain-files", dataset: { testid: "explain-files" }, hidden: true });
  const head = h("section", { class: "card", "aria-labelledby": "ex-title", dataset: { testid: "explain", indicator } },
    h("nav", { class: "crumbs", "aria-label": t("nav.label") },
      h("a", { href: href(`/units/${encodeURIComponent(code)}`, keep), dataset: { testid: "explain-back" } }, "← " + t("late.back"))),
    h("h1", { id: "ex-title", dataset: { testid: "explain-title" } }, title),
    unitLine, asOfLine, figures, files);
  const shown = h("p", { class: "muted", role: "status", dataset: { testid: "explain-count" } });
  const list = h("ol", { class: "dossier-list", dataset: { testid: "explain-list" } });
  const more = h("button", { type: "button", class: "button", dataset: { testid: "explain-more" }, hidden: true }, t("explain.more"));
  const moreArea = h("div", { class: "explain-more" }, more);
  const area = h("div", { class: "table-area" }, loading());
  const listCard = h("section", { class: "card", "aria-labelledby": "ex-list" },
    h("h2", { id: "ex-list" }, t("explain.listTitle")), area);
  root.replaceChildren(head, listCard);

  units(signal).then(all => {
    const unit = all.find(u => u.code === code);
    if (unit && !signal.aborted) { unitName = code === CITY ? t("city.name") : unit.name; setUnit(); }
  }).catch(() => {});

  let next = null;
  let total = null;

  const say = () => {
    const n = list.children.length;
    shown.textContent = total !== null && total >= n
      ? t("explain.shown", { shown: count(n), all: count(total) })
      : t("explain.shownSoFar", { shown: count(n) });
    more.hidden = !next;
  };

  const notice = (key, testid, vars) => {
    files.hidden = true;
    area.replaceChildren(h("p", { class: "notice", role: "status", dataset: { testid } }, t(key, vars)));
  };

  // The next pages send the cursor with the same query: the cursor pins the first page's asOf.
  const url = cursor => fileUrl(explanationPath(code, indicator), { asOf: pinned, cursor, limit: PAGE_SIZE, period: period.label });

  const load = async () => {
    area.replaceChildren(loading());
    try {
      const answer = await getJson(url(null), { signal });
      if (signal.aborted) return;
      numerator.textContent = figure(answer.numerator);
      denominator.textContent = figure(answer.denominator);
      if (answer.asOf) {
        asOfLine.hidden = false;
        asOfLine.dataset.asOf = answer.asOf;
        asOfLine.textContent = t("explain.asOf", { time: `${date(answer.asOf)} ${time(answer.asOf)}` });
      }
      // The whole list as files, as known at the same time as the screen.
      const params = { asOf: answer.asOf || pinned, lang: lang(), period: period.label };
      files.replaceChildren(t("explain.files") + " ",
        fileLink(fileUrl(explanationPath(code, indicator), { ...params, format: "csv" }), "csv", t("downloads.csv"), "explain-download-csv"), " ",
        fileLink(fileUrl(explanationPath(code, indicator), { ...params, format: "xlsx" }), "xlsx", t("downloads.xlsx"), "explain-download-xlsx"));
      files.hidden = false;
      total = typeof answer.count === "number" ? answer.count : null;
      next = answer.next || null;
      const rows = Array.isArray(answer.dossiers) ? answer.dossiers : [];
      list.replaceChildren(...rows.map(item));
      area.replaceChildren(shown, rows.length ? list : h("p", { class: "muted", dataset: { testid: "explain-empty" } }, t("explain.none")), moreArea);
      say();
    } catch (error) {
      if (signal.aborted || error.status === 401) return;
      if (error.status === 403) notice("explain.forbidden", "explain-forbidden");
      else if (error.status === 400 && code === CITY) notice("explain.city", "explain-city");
      else if (error.status === 404) notice("explain.unavailable", "explain-unavailable", { indicator: title });
      else area.replaceChildren(failure(error, load));
    }
  };

  more.addEventListener("click", async () => {
    if (!next || more.disabled) return;
    more.disabled = true;
    more.textContent = t("app.loading");
    try {
      const answer = await getJson(url(next), { signal });
      if (signal.aborted) return;
      const rows = (Array.isArray(answer.dossiers) ? answer.dossiers : []).map(item);
      list.append(...rows);
      next = answer.next || null;
      if (typeof answer.count === "number") total = answer.count;
      say();
      // Keyboard and screen-reader users go on from the first row just added.
      if (!next && rows[0]) { rows[0].tabIndex = -1; rows[0].focus({ preventScroll: true }); }
    } catch (error) {
      if (signal.aborted || error.status === 401) return;
      moreArea.replaceChildren(failure(error, () => { moreArea.replaceChildren(more); more.click(); }));
    } finally {
      more.disabled = false;
      more.textContent = t("explain.more");
    }
  });

  load();
  // A snapshot as known at one time: no live updates move it.
  live.watch([]);
  return () => {};
}

/** One counted item: what it is, its times, whether it is in the numerator and the denominator, and the rule that placed it. */
function item(d) {
  const subject = d.subject && d.subject !== "dossier" ? t("explain.subject." + d.subject) : null;
  // Each time whole on its line: "Hẹn trả 06/12/2026 17:00" never breaks inside.
  const times = [
    d.receivedAt ? t("late.received", { date: stamp(d.receivedAt) }) : null,
    d.dueAt ? t("late.due", { date: stamp(d.dueAt) }) : null,
    d.finishedAt ? t("explain.finished", { date: stamp(d.finishedAt) }) : null,
  ].filter(Boolean).flatMap((text, i) => [i ? " · " : null, h("span", { class: "explain-time" }, text)]);
  // A value other than 1 (days of processing, a satisfaction score) is worth saying beside the mark.
  const valued = d.inNumerator && typeof d.value === "number" && d.value !== 1;
  return h("li", { class: "dossier explain-item", dataset: { testid: "explain-row", dossierId: d.dossierId ?? "", inNumerator: String(!!d.inNumerator), inDenominator: String(!!d.inDenominator), rule: d.ruleCode ?? "" } },
    h("p", { class: "d-id" }, h("span", { class: "d-code" }, d.dossierId ?? ""),
      subject ? ` · ${subject}` : null,
      d.channel ? ` · ${channelName(d.channel)}` : null),
    d.procedureCode ? h("p", { class: "d-procedure" }, t("explain.procedure", { code: d.procedureCode })) : null,
    times.length ? h("p", { class: "sub", dataset: { testid: "explain-dates" } }, times) : null,
    h("p", { class: "explain-marks" },
      mark(d.inNumerator, valued ? t("explain.inNumeratorValue", { value: figure(d.value) }) : t("explain.inNumerator"), t("explain.notInNumerator"), "explain-in-numerator"),
      mark(d.inDenominator, t("explain.inDenominator"), t("explain.notInDenominator"), "explain-in-denominator")),
    d.rule ? h("p", { class: "explain-rule", dataset: { testid: "explain-rule" } }, d.rule) : null);
}

/** "✓ Tính vào tử số" / "✗ Không tính vào tử số": the words carry it, the sign only helps the eye. */
function mark(on, yes, no, testid) {
  return h("span", { class: "explain-mark" + (on ? " on" : ""), dataset: { testid, on: String(!!on) } },
    h("span", { "aria-hidden": "true" }, on ? "✓ " : "✗ "), on ? yes : no);
}
