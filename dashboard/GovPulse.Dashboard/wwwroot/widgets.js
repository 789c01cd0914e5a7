// Pieces the screens share: the score, the group bars, the dossier counts, comparisons, the
// "Cập nhật lúc" mark and the two charts with their tables of figures.
import { offlineSince } from "./api.js";
import { h, setText } from "./dom.js";
import { BAND_KEYS, BANDS, bandName, count, date, groupName, percent, periodLabel, points, signed, t, time } from "./i18n.js";
import { chartFigure } from "./charts.js";
import { emptyLine, hasNoDossiers, heldDownNote } from "./nodata.js";

export function bandChip(band, testid) {
  return h("span", { class: "band", dataset: { band: BAND_KEYS[band] || "none", testid } }, bandName(band) || "—");
}

/** The total out of 100 with its band: <p><span total>72,30</span> / 100 điểm <span band>Khá</span></p>. */
export function scoreLine(prefix) {
  const total = h("span", { class: "total", dataset: { testid: `${prefix}-total` } }, "—");
  const band = bandChip(null, `${prefix}-band`);
  const max = h("span", { class: "max" }, " " + t("score.of100") + " ");
  const el = h("p", { class: "score" }, h("span", { class: "vh" }, t("score.total") + ": "), total, max, band);
  el.update = (scorecard, flash) => {
    // No dossier in the period: the total would be no-data points alone, so it is not shown as a score.
    const empty = hasNoDossiers(scorecard);
    el.classList.toggle("no-dossiers", empty);
    max.hidden = band.hidden = empty;
    setText(total, empty ? t("nodata.noDossiers") : scorecard.total == null ? "—" : points(scorecard.total), flash);
    band.dataset.band = BAND_KEYS[scorecard.band] || "none";
    setText(band, bandName(scorecard.band) || "—");
  };
  return el;
}

/** The six groups as bars against their max, figures in text. */
export function groupBars(groups = []) {
  const list = h("ul", { class: "groups", "aria-label": t("groups.title") });
  list.update = (next, flash) => {
    const items = next.map(g => {
      const existing = list.querySelector(`[data-group="${g.code}"]`);
      const share = g.max > 0 ? Math.max(0, Math.min(100, (100 * g.score) / g.max)) : 0;
      const figure = `${points(g.score)} / ${count(g.max)}`;
      const attained = attainmentBand(g.score, g.max);
      if (existing) {
        setText(existing.querySelector(".g-score"), figure, flash);
        setText(existing.querySelector(".g-share"), shareText(g.score, g.max));
        existing.dataset.band = attained;
        existing.querySelector(".g-fill").style.width = share + "%";
        existing.querySelector(".nodata-note")?.remove();
        const note = heldDownNote(g);
        if (note) existing.querySelector(".g-bar").before(note);
        return existing;
      }
      return h("li", { dataset: { testid: `group-bar-${g.code}`, group: g.code, band: attained } },
        h("span", { class: "g-name" }, groupName(g.code)),
        h("span", { class: "g-score" }, figure),
        h("span", { class: "g-share", dataset: { testid: "group-share" } }, shareText(g.score, g.max)),
        heldDownNote(g),
        h("span", { class: "g-bar", "aria-hidden": "true" }, h("span", { class: "g-fill", style: `width:${share}%` })));
    });
    list.replaceChildren(...items);
  };
  list.update(groups);
  return list;
}

// The default band thresholds (BandThresholds.cs) applied to a group's share of its max: the bar's
// colour says how far the group is from full marks, as the band says it of the total.
const ATTAINMENT = [[90, "excellent"], [80, "good"], [70, "fair"], [50, "average"], [-Infinity, "weak"]];

/** "excellent" … "weak" for score out of max ("none" when max is 0). */
export function attainmentBand(score, max) {
  if (!(max > 0)) return "none";
  const share = (100 * score) / max;
  return ATTAINMENT.find(([least]) => share >= least)[1];
}

/** "83% điểm tối đa": the bar's length in words, so colour is not the only signal. */
function shareText(score, max) {
  return max > 0 ? t("groups.share", { n: count(Math.round((100 * score) / max)) }) : "";
}

/** What the bar colours mean: one swatch per band with its threshold. */
export function attainmentLegend() {
  const keys = Object.values(BAND_KEYS);
  return h("p", { class: "g-legend small muted", dataset: { testid: "group-legend" } },
    t("groups.legend") + " ",
    BANDS.map((b, i) => h("span", { class: "g-key", dataset: { band: keys[i] } },
      h("span", { class: "g-swatch", "aria-hidden": "true" }), `${bandName(b)} ${i < 4 ? "≥ " + ATTAINMENT[i][0] + "%" : "< 50%"}`)));
}

/** Received / finished on time / overdue / in progress within deadline: together they are every dossier. */
export function countTiles() {
  const tile = (testid, labelKey) => {
    const value = h("dd", { dataset: { testid } }, "—");
    // A second definition of the same term: a <dl>'s groups hold only <dt> and <dd> (axe: definition-list).
    const detail = h("dd", { class: "detail" });
    return { el: h("div", { class: "tile" }, h("dt", null, t(labelKey)), value, detail), value, detail };
  };
  const received = tile("count-received", "counts.received");
  const onTime = tile("count-on-time", "counts.onTime");
  const overdue = tile("count-overdue", "counts.overdue");
  const inProgress = tile("count-in-progress", "counts.inProgress");
  overdue.el.classList.add("tile-alert");
  const el = h("dl", { class: "tiles" }, received.el, onTime.el, overdue.el, inProgress.el);
  el.update = (c, flash) => {
    setText(received.value, count(c.received), flash);
    setText(onTime.value, count(c.finishedOnTime), flash);
    setText(overdue.value, count(c.finishedLate + c.inProgressOverdue), flash);
    setText(overdue.detail, t("counts.overdueDetail", { late: count(c.finishedLate), open: count(c.inProgressOverdue) }));
    setText(inProgress.value, count(c.inProgressOnTime), flash);
  };
  return el;
}

/** A signed change with an arrow and words for screen readers: "▲ +1,25". */
export function delta(value, testid) {
  if (value === null || value === undefined) return h("span", { class: "delta none", dataset: { testid } }, "—");
  const dir = value > 0 ? "up" : value < 0 ? "down" : "same";
  const arrow = value > 0 ? "▲" : value < 0 ? "▼" : "=";
  return h("span", { class: `delta ${dir}`, dataset: { testid } },
    h("span", { "aria-hidden": "true" }, arrow + " "),
    h("span", { class: "vh" }, value > 0 ? t("compare.up") + " " : value < 0 ? t("compare.down") + " " : ""),
    signed(value));
}

/** Above or below another figure, not a change over time: "▲ cao hơn 1,06 điểm" · "= bằng". */
export function standing(value, testid) {
  if (value === null || value === undefined) return h("span", { class: "delta none", dataset: { testid } }, "—");
  const dir = value > 0 ? "up" : value < 0 ? "down" : "same";
  const arrow = value > 0 ? "▲" : value < 0 ? "▼" : "=";
  const n = points(Math.abs(value));
  return h("span", { class: `delta ${dir}`, dataset: { testid } },
    h("span", { "aria-hidden": "true" }, arrow + " "),
    value > 0 ? t("compare.above", { n }) : value < 0 ? t("compare.below", { n }) : t("compare.level"));
}

/** "So với kỳ trước: ▲ +1,25 điểm (Tháng 10/2026: 71,05)". */
export function comparisonLine(labelKey, change, reference, referenceLabel, testid) {
  const el = h("p", { class: "compare", dataset: { testid } });
  el.update = (nextChange, nextReference) => {
    const parts = [h("span", { class: "compare-label" }, t(labelKey) + ": ")];
    if (nextChange === null || nextChange === undefined) {
      parts.push(h("span", { class: "delta none" }, t("compare.none")));
    } else {
      // Against the city a unit stands above or below it; "tăng/giảm" is for change over time.
      parts.push(labelKey === "compare.city" ? standing(nextChange) : delta(nextChange));
      if (nextReference?.total != null) {
        parts.push(h("span", { class: "compare-ref" }, ` (${t("compare.was", { period: referenceLabel, value: points(nextReference.total) })})`));
      }
    }
    el.replaceChildren(...parts);
  };
  el.update(change, reference);
  return el;
}

/** "Cập nhật lúc 10:42:05" (Vietnam time) with a live dot; the date is added when it is not today. */
export function updatedMark() {
  const el = h("p", { class: "updated", dataset: { testid: "updated-at" }, role: "status", hidden: true });
  // An answer the service worker kept (offline) is as old as when it was kept, not as now.
  el.stamp = (at = offlineSince() ?? new Date()) => {
    el.hidden = false;
    el.dataset.at = at.toISOString();
    setText(el, date(at) === date(new Date()) ? t("live.updated", { time: time(at) }) : t("live.updatedOn", { time: time(at), date: date(at) }));
  };
  return el;
}

export function loading() {
  return h("p", { class: "loading", role: "status" }, t("app.loading"));
}

export function failure(error, retry) {
  return h("div", { class: "card failure", role: "alert" },
    h("p", null, t("app.loadFailed") + (error?.detail ? ` (${error.detail})` : "")),
    retry ? h("button", { type: "button", class: "button", onclick: retry }, t("app.retry")) : null);
}

/** Total points by month: the server's chart and, beside it, the months as a table. */
export function trendChart(code, period, trend) {
  const last = [...trend].reverse().find(p => p.counts.received > 0);
  if (!last) return emptyLine("nodata.trendEmpty", "chart-trend-empty"); // a flat line of no-data points is no trend
  const title = t("chart.trend");
  return chartFigure({
    testid: "chart-trend",
    title,
    url: `/api/v1/units/${encodeURIComponent(code)}/charts/trend.svg`,
    params: { months: 12, period: period.label },
    caption: last ? `${periodLabel(last.period)}: ${t("score.points", { n: points(last.total) })} (${bandName(last.band)})` : t("chart.nothingYet"),
    columns: [t("chart.month"), t("score.total"), t("score.band")],
    rows: trend.map(p => p.counts.received > 0
      ? [periodLabel(p.period), points(p.total), bandName(p.band)]
      : [periodLabel(p.period), t("chart.noDossiers"), "—"]),
    points: trend.map(p => ({ label: p.period, value: p.counts.received > 0 ? p.total : null })),
  });
}

/** Total points by hour today, from the published hours. */
export function todayChart(code, hours) {
  const title = t("chart.today");
  const last = hours[hours.length - 1];
  if (!last) return emptyLine("nodata.todayEmpty", "chart-today-empty");
  const hourLabel = at => time(at).slice(0, 5);
  return chartFigure({
    testid: "chart-today",
    title,
    url: `/api/v1/units/${encodeURIComponent(code)}/charts/today.svg`,
    params: {},
    caption: last ? `${hourLabel(last.at)} ${date(last.at)}: ${t("score.points", { n: points(last.total) })} (${bandName(last.band)})` : t("chart.nothingYet"),
    columns: [t("chart.hour"), t("score.total"), t("score.band")],
    rows: hours.map(p => [hourLabel(p.at) + (p.late ? ` (${t("chart.late")})` : ""), points(p.total), bandName(p.band)]),
    points: hours.map(p => ({ label: hourLabel(p.at), value: p.total })),
  });
}

/** A Vietnam-time ISO day "2026-11-23" as the history API's from= takes it. */
export function historyToday(code, day) {
  return `/api/v1/units/${encodeURIComponent(code)}/history?granularity=hour&from=${day}`;
}
